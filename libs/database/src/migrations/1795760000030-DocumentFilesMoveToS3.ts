import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * npm run files:move-to-s3: a document file kept in the database may move its bytes to the S3 bucket once. The
 * rows stay otherwise immutable: the only change the trigger lets through is stored_in 'database' → 's3' with
 * bytes cleared and every other column (SHA-256, size, seals, …) as it was. Deletes are still refused.
 */
export class DocumentFilesMoveToS31795760000030 implements MigrationInterface {
  name = 'DocumentFilesMoveToS31795760000030';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION document_file_moves_to_s3_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.stored_in = 'database' AND NEW.stored_in = 's3' AND NEW.bytes IS NULL
           AND (to_jsonb(NEW) - 'stored_in' - 'bytes') = (to_jsonb(OLD) - 'stored_in' - 'bytes') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% is immutable (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`DROP TRIGGER document_files_immutable ON document_files`);
    await queryRunner.query(
      `CREATE TRIGGER document_files_immutable BEFORE UPDATE OR DELETE ON document_files FOR EACH ROW EXECUTE FUNCTION document_file_moves_to_s3_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER document_files_immutable ON document_files`);
    await queryRunner.query(
      `CREATE TRIGGER document_files_immutable BEFORE UPDATE OR DELETE ON document_files FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await queryRunner.query(`DROP FUNCTION document_file_moves_to_s3_only()`);
  }
}
