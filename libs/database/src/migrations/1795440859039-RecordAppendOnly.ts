import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The decision record is append-only: the database itself refuses UPDATE,
 * DELETE and TRUNCATE on record_entries, whoever asks.
 */
export class RecordAppendOnly1795440859039 implements MigrationInterface {
  name = 'RecordAppendOnly1795440859039';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION record_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'record_entries is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER record_entries_no_update_delete BEFORE UPDATE OR DELETE ON record_entries
      FOR EACH ROW EXECUTE FUNCTION record_entries_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER record_entries_no_truncate BEFORE TRUNCATE ON record_entries
      FOR EACH STATEMENT EXECUTE FUNCTION record_entries_refuse_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER record_entries_no_truncate ON record_entries');
    await queryRunner.query('DROP TRIGGER record_entries_no_update_delete ON record_entries');
    await queryRunner.query('DROP FUNCTION record_entries_refuse_change()');
  }
}
