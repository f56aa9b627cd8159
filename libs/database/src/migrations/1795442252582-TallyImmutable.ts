import { MigrationInterface, QueryRunner } from 'typeorm';

/** A stored tally is the result of record: the database refuses to change or delete it. */
export class TallyImmutable1795442252582 implements MigrationInterface {
  name = 'TallyImmutable1795442252582';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is immutable (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER tally_records_immutable BEFORE UPDATE OR DELETE ON tally_records
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER tally_records_immutable ON tally_records');
    await queryRunner.query('DROP FUNCTION refuse_change()');
  }
}
