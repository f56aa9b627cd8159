import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Least privilege: the server connects as gongyi_app (libs/database/src/db-roles.ts), which owns nothing.
 * It gets DML on the ordinary tables, now and — through ALTER DEFAULT PRIVILEGES of the migrating role —
 * on every table a later migration creates. History is then taken back explicitly: no UPDATE, DELETE or
 * TRUNCATE on the record, tallies, ledger, seal log, document files, bid versions or ballots; the record is
 * written only through record_append / record_drain (SECURITY DEFINER, so the role needs no INSERT on
 * record_entries or write on record_heads). Only an owner can ALTER a table or DISABLE its triggers, and
 * pg_authid is readable by superusers only, so neither is open to the app.
 *
 * Migrations must keep running as the same role (the one that ran this), or the default privileges don't apply.
 */
export const HISTORY_TABLES = [
  'record_entries',
  'record_heads',
  'record_pending',
  'tally_records',
  'ledger_entries',
  'seal_log_entries',
  'document_files',
  'bid_versions',
  'ballots',
];

export class AppRole1795520000000 implements MigrationInterface {
  name = 'AppRole1795520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Created NOLOGIN if missing (a DBA may have made it already); start-up gives it LOGIN and a password.
    await queryRunner.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gongyi_app') THEN
          CREATE ROLE gongyi_app NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    await queryRunner.query('GRANT USAGE ON SCHEMA public TO gongyi_app');
    await queryRunner.query('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO gongyi_app');
    await queryRunner.query('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO gongyi_app');
    await queryRunner.query('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO gongyi_app');
    await queryRunner.query('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO gongyi_app');
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${HISTORY_TABLES.join(', ')} FROM gongyi_app`);
    await queryRunner.query('REVOKE INSERT ON record_entries, record_heads FROM gongyi_app');
    // A second clerk confirms or rejects a paper ballot: those three columns only.
    await queryRunner.query('GRANT UPDATE (status, confirmed_by, confirmed_at) ON ballots TO gongyi_app');
    for (const fn of ['record_drain(uuid)', 'record_append(uuid, uuid, text, text, text, jsonb, text)']) {
      await queryRunner.query(`ALTER FUNCTION ${fn} SECURITY DEFINER SET search_path = public, pg_temp`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const fn of ['record_drain(uuid)', 'record_append(uuid, uuid, text, text, text, jsonb, text)']) {
      await queryRunner.query(`ALTER FUNCTION ${fn} SECURITY INVOKER RESET search_path`);
    }
    await queryRunner.query('ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM gongyi_app');
    await queryRunner.query('ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM gongyi_app');
    await queryRunner.query('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM gongyi_app');
    await queryRunner.query('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM gongyi_app');
    await queryRunner.query('REVOKE USAGE ON SCHEMA public FROM gongyi_app');
    // The role itself is cluster-wide and may serve other databases: it stays.
  }
}
