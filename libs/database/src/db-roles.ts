import { Client } from 'pg';

/**
 * The role the server connects as. It owns no table, is not superuser, and holds only the privileges the
 * migrations grant it (1795520000000-AppRole): DML on ordinary tables, no UPDATE/DELETE on history.
 * Roles are cluster-wide, so the name is the same in every database of a cluster (test copies included).
 */
export const APP_ROLE = 'gongyi_app';

/** The same server and database as `url`, logged in as `role`. */
export function roleUrl(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = password;
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the app role (LOGIN, no superuser, no CREATEROLE/CREATEDB, not inheriting anything) or sets its
 * password. Two processes (or two test runs on one cluster) may do this at once: a duplicate is fine.
 */
export async function ensureAppRole(ownerUrl: string, password: string, setPassword = true): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    // Two ALTER ROLEs at once fail with "tuple concurrently updated": one process (or test run) at a time.
    await client.query('SELECT pg_advisory_lock($1)', [ROLE_LOCK_KEY]);
    try {
      await createOrUpdate(client, password, setPassword);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ROLE_LOCK_KEY]);
    }
  });
}

// Next to MIGRATION_LOCK_KEY (migration-lock.ts).
const ROLE_LOCK_KEY = 7_324_002;

async function createOrUpdate(client: Client, password: string, setPassword: boolean): Promise<void> {
  const literal = `'${password.replace(/'/g, "''")}'`;
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
  if (rowCount === 0) {
    try {
      await client.query(`CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '42710' && (error as { code?: string }).code !== '23505') throw error;
    }
  }
  await client.query(`ALTER ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`);
  if (setPassword) await client.query(`ALTER ROLE ${APP_ROLE} PASSWORD ${literal}`);
}

export interface RoleFacts {
  role: string;
  superuser: boolean;
  /** Tables and sequences of the public schema this role owns. */
  ownedTables: number;
}

/** Who `url` logs in as, and whether that is more than the app should be. */
export async function roleFacts(url: string): Promise<RoleFacts> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ role: string; superuser: boolean; owned: string }>(
      `SELECT current_user AS role, r.rolsuper AS superuser,
              (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    return { role: rows[0].role, superuser: rows[0].superuser, ownedTables: Number(rows[0].owned) };
  });
}
