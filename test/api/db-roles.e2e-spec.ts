import { HISTORY_TABLES } from '@gongyi/database/migrations/1795520000000-AppRole';
import { TEST_APP_PASSWORD } from '@gongyi/database/test-databases';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { appDatabaseUrls, assertLeastPrivilege } from '../../apps/api/src/database/app-database';
import { createCommunity } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/** The app connects as gongyi_app, which can do what use cases need and nothing that rewrites history. */
describe('database roles (least privilege)', () => {
  let t: TestApp;
  let community: string;

  beforeAll(async () => {
    t = await createTestApp();
    community = await createCommunity(t, '权限小区');
  });
  afterAll(() => t.close());

  it('the app is not a superuser and owns no table', async () => {
    const [me] = await t.dataSource.query(
      `SELECT current_user AS role, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(me).toEqual({ role: 'gongyi_app', rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    const [{ owned }] = await t.dataSource.query(
      `SELECT count(*)::int AS owned FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
    );
    expect(owned).toBe(0);
  });

  it('cannot disable a trigger, alter a table, rewrite the record or read pg_authid', async () => {
    await expect(t.dataSource.query('ALTER TABLE record_entries DISABLE TRIGGER record_entries_no_update_delete')).rejects.toThrow(
      /must be owner/,
    );
    await expect(t.dataSource.query('ALTER TABLE ballots ADD COLUMN x int')).rejects.toThrow(/must be owner/);
    await expect(t.dataSource.query(`UPDATE record_entries SET action = 'x' WHERE community_id = $1`, [community])).rejects.toThrow(
      /permission denied/,
    );
    await expect(t.dataSource.query('UPDATE record_heads SET seq = 0')).rejects.toThrow(/permission denied/);
    await expect(t.dataSource.query(`INSERT INTO record_entries (community_id) VALUES ($1)`, [community])).rejects.toThrow(
      /permission denied/,
    );
    await expect(t.dataSource.query('SELECT rolpassword FROM pg_authid')).rejects.toThrow(/permission denied/);
    await expect(t.dataSource.query('SET session_replication_role = replica')).rejects.toThrow(/permission denied/);
    // The database itself is unchanged: the record still verifies.
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM record_entries WHERE community_id = $1', [community]);
    expect(n).toBeGreaterThan(0);
  });

  it('writes ballots and queued record entries only through cast_ballot, and cast_ballot only with commitments', async () => {
    for (const table of ['ballots', 'record_pending'])
      await expect(t.dataSource.query(`INSERT INTO ${table} SELECT * FROM ${table} WHERE false`)).rejects.toThrow(/permission denied/);
    // Called directly without sealed choices and nonces (what a row "from before commitments" would need): refused.
    await expect(
      t.dataSource.query(
        `SELECT * FROM cast_ballot($1, gen_random_uuid(), 'online', gen_random_uuid(), NULL, now(), ARRAY[gen_random_uuid()], ARRAY['yes'],
                                   'counted', 'R-1', NULL, 'voting.ballot_cast', '{}'::jsonb, 'x')`,
        [community],
      ),
    ).rejects.toThrow(/sealed choices and nonces are required/);
    const [{ n }] = await t.ownerQuery<{ n: number }>('SELECT count(*)::int AS n FROM record_pending WHERE community_id = $1', [community]);
    expect(n).toBe(0);
  });

  it.each([...HISTORY_TABLES, 'record_checkpoints'])('no UPDATE, DELETE or TRUNCATE on history table %s', async (table) => {
    await expect(t.dataSource.query(`DELETE FROM ${table} WHERE false`)).rejects.toThrow(/permission denied/);
    await expect(t.dataSource.query(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied/);
    await expect(t.dataSource.query(`UPDATE ${table} SET community_id = community_id WHERE false`)).rejects.toThrow(/permission denied/);
  });

  it('a ballot: only the paper-confirmation columns may change, never the choice', async () => {
    await expect(t.dataSource.query(`UPDATE ballots SET choice = 'yes' WHERE false`)).rejects.toThrow(/permission denied/);
    await expect(t.dataSource.query(`UPDATE ballots SET status = 'counted' WHERE false`)).resolves.toBeDefined();
  });

  it('a table a later migration creates is usable by the app without a GRANT of its own', async () => {
    await t.ownerQuery('CREATE TABLE later_feature (id serial PRIMARY KEY, note text)');
    await t.dataSource.query(`INSERT INTO later_feature (note) VALUES ('a')`);
    await t.dataSource.query(`UPDATE later_feature SET note = 'b'`);
    expect(await t.dataSource.query('SELECT note FROM later_feature')).toEqual([{ note: 'b' }]);
    await t.dataSource.query('DELETE FROM later_feature');
    await expect(t.dataSource.query('DROP TABLE later_feature')).rejects.toThrow(/must be owner/);
  });

  describe('start-up with DATABASE_URL', () => {
    it('refuses to run the app as a superuser unless ALLOW_SUPERUSER=1', async () => {
      await expect(assertLeastPrivilege({ allowSuperuser: false }, t.ownerUrl)).rejects.toThrow(
        /superuser.*MIGRATION_DATABASE_URL.*ALLOW_SUPERUSER=1/,
      );
      await expect(assertLeastPrivilege({ allowSuperuser: true }, t.ownerUrl)).resolves.toBeUndefined();
      await expect(assertLeastPrivilege({ allowSuperuser: false }, t.config.databaseUrl)).resolves.toBeUndefined();
    });

    it('a superuser DATABASE_URL alone migrates as itself and connects the app as gongyi_app', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'gongyi-roles-'));
      // The same password the test cluster's role already has (roles are cluster-wide).
      mkdirSync(join(dataDir, 'secrets'));
      writeFileSync(join(dataDir, 'secrets', 'db-app-password'), TEST_APP_PASSWORD);
      const config = loadConfig({ DATABASE_URL: t.ownerUrl, DATA_DIR: dataDir });
      const urls = await appDatabaseUrls(config, t.ownerUrl, false);
      expect(urls.migrationUrl).toBe(t.ownerUrl);
      expect(new URL(urls.url).username).toBe('gongyi_app');
      await expect(assertLeastPrivilege(config, urls.url)).resolves.toBeUndefined();
      const explicit = await appDatabaseUrls(
        loadConfig({ DATABASE_URL: t.ownerUrl, ALLOW_SUPERUSER: '1', DATA_DIR: dataDir }),
        t.ownerUrl,
        false,
      );
      expect(explicit.url).toBe(t.ownerUrl);
    });
  });
});
