import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * FILE_STORE=s3: a document file's bytes may live in an S3-compatible bucket under their SHA-256 instead of in
 * the row. `stored_in` says where; the bytes column is filled exactly when they are in the database. Rows stay
 * insert-only (the refuse_change trigger is untouched), so a file never moves once written.
 */
export class DocumentFileStore1795730000000 implements MigrationInterface {
  name = 'DocumentFileStore1795730000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE document_files ADD COLUMN stored_in text NOT NULL DEFAULT 'database'`);
    await queryRunner.query(`ALTER TABLE document_files ALTER COLUMN bytes DROP NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE document_files
        ADD CONSTRAINT document_files_stored_in CHECK (stored_in IN ('database', 's3')),
        ADD CONSTRAINT document_files_bytes_where_stored CHECK ((stored_in = 'database') = (bytes IS NOT NULL))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE document_files DROP CONSTRAINT document_files_bytes_where_stored`);
    await queryRunner.query(`ALTER TABLE document_files DROP CONSTRAINT document_files_stored_in`);
    await queryRunner.query(`ALTER TABLE document_files ALTER COLUMN bytes SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE document_files DROP COLUMN stored_in`);
  }
}
