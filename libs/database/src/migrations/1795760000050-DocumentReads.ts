import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each owner first opened a letter addressed to all owners (a sealed notice, result, report or 公示), so
 * 我的待办 can bring the unread ones to the owner and drop them once read. One row per owner and document, written
 * once (the first opening); the app's role may not change or remove it.
 */
export class DocumentReads1795760000050 implements MigrationInterface {
  name = 'DocumentReads1795760000050';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE document_reads (
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE RESTRICT,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (document_id, user_id)
      )`);
    await queryRunner.query('CREATE INDEX document_reads_by_user ON document_reads (community_id, user_id)');
    await queryRunner.query('REVOKE UPDATE, DELETE, TRUNCATE ON document_reads FROM gongyi_app');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE document_reads');
  }
}
