import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Before per-install passwords every embedded cluster was initialised with this one. */
export const LEGACY_EMBEDDED_PASSWORD = 'gongyi-embedded';

/** DATA_DIR/secrets/pg-superuser-password for the cluster kept in DATA_DIR/pg. */
export function superuserPasswordFile(clusterDir: string): string {
  return join(dirname(clusterDir), 'secrets', 'pg-superuser-password');
}

export function readSecret(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/** Writes a new random secret (0600, folder 0700) and returns it. */
export function writeNewSecret(file: string): string {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const value = randomBytes(24).toString('hex');
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

/**
 * The superuser password of an embedded cluster: the caller's (throwaway test clusters), else the one kept
 * in DATA_DIR/secrets, else a new random one. A cluster initialised before per-install passwords still has
 * the legacy one: `rotate` changes it once the cluster is up and only then writes the file.
 */
export function clusterPassword(
  clusterDir: string,
  given: string | undefined,
): { password: string; rotate?: (setPassword: (value: string) => Promise<void>) => Promise<string> } {
  if (given) return { password: given };
  const file = superuserPasswordFile(clusterDir);
  const kept = readSecret(file);
  if (kept) return { password: kept };
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) return { password: writeNewSecret(file) };
  return {
    password: LEGACY_EMBEDDED_PASSWORD,
    rotate: async (setPassword) => {
      const value = randomBytes(24).toString('hex');
      await setPassword(value);
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, value, { mode: 0o600 });
      return value;
    },
  };
}
