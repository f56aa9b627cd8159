import { APP_ROLE, ensureAppRole, roleFacts, roleUrl } from '@gongyi/database/db-roles';
import type { AppConfig } from '../config/app-config';
import { ConfigError } from '../config/app-config';
import { localSecret } from '../config/local-secrets';

export interface DatabaseUrls {
  /** What the app connects as: gongyi_app (or the DBA's role given as DATABASE_URL). */
  url: string;
  /** What migrations (and pg-boss, which creates a table per queue) connect as: the schema's owner. */
  migrationUrl: string;
}

/**
 * Which role runs what, from the connection the server was given:
 * - an owner/superuser connection it controls (embedded cluster, or DATABASE_URL that is a superuser and no
 *   MIGRATION_DATABASE_URL): migrations run as that; the app role gongyi_app is created (or its password
 *   set, kept in DATA_DIR/secrets/db-app-password) and the app connects as it;
 * - DATABASE_URL + MIGRATION_DATABASE_URL: the two as given; the app role is checked after migrating;
 * - ALLOW_SUPERUSER=1 with a superuser DATABASE_URL: the app runs as it (explicitly asked for).
 */
export async function appDatabaseUrls(config: AppConfig, ownerUrl: string, embedded: boolean): Promise<DatabaseUrls> {
  if (!embedded && config.migrationDatabaseUrl) return { url: config.databaseUrl!, migrationUrl: config.migrationDatabaseUrl };
  if (!embedded) {
    const facts = await roleFacts(ownerUrl);
    if (!facts.superuser || config.allowSuperuser) return { url: ownerUrl, migrationUrl: ownerUrl };
  }
  const password = localSecret(config.dataDir, 'db-app-password', 24);
  await ensureAppRole(ownerUrl, password);
  return { url: roleUrl(ownerUrl, APP_ROLE, password), migrationUrl: ownerUrl };
}

/** After migrating: the app's own connection must not be able to rewrite history (unless ALLOW_SUPERUSER=1). */
export async function assertLeastPrivilege(config: Pick<AppConfig, 'allowSuperuser'>, url: string): Promise<void> {
  if (config.allowSuperuser) return;
  const facts = await roleFacts(url);
  if (facts.superuser) {
    throw new ConfigError(
      'DATABASE_URL',
      `connects as superuser "${facts.role}": give MIGRATION_DATABASE_URL for migrations and the app role (${APP_ROLE}) in DATABASE_URL, or set ALLOW_SUPERUSER=1`,
    );
  }
  if (facts.ownedTables > 0) {
    throw new ConfigError(
      'DATABASE_URL',
      `role "${facts.role}" owns ${facts.ownedTables} tables and could alter them: run migrations as another role (MIGRATION_DATABASE_URL) and connect as ${APP_ROLE}, or set ALLOW_SUPERUSER=1`,
    );
  }
}
