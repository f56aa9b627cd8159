import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

// Arbitrary constant shared by every Gongyi process (the migration lock uses 7_324_001).
const FIRST_START_LOCK_KEY = 7_324_002;

/**
 * First-start work (creating the platform admin) under a PostgreSQL advisory lock, so two processes starting
 * together on an empty database do not both create one: the second waits, then finds the admin there.
 */
export async function withFirstStartLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [FIRST_START_LOCK_KEY]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [FIRST_START_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

export const ADMIN_PASSWORD_FILE = 'admin-one-time-password';

/**
 * The admin's one-time password goes to the person starting the server, never into a log file: printed on the
 * terminal when stdout is one; otherwise (a service manager, output redirected to a log) written to
 * DATA_DIR/secrets/admin-one-time-password (0600), and only that file's path is printed.
 */
export function announceAdminPassword(password: string, dataDir: string, out: NodeJS.WriteStream = process.stdout): void {
  if (out.isTTY) {
    out.write(
      `首次启动：已创建平台管理员 first start: platform admin created — login "admin", one-time password "${password}" (change it at first login)\n`,
    );
    return;
  }
  const dir = join(dataDir, 'secrets');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, ADMIN_PASSWORD_FILE);
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  out.write(
    `首次启动：已创建平台管理员，一次性密码已写入仅本机可读的文件 first start: platform admin created — login "admin", one-time password in file "${file}" (change it at first login, then delete the file)\n`,
  );
}
