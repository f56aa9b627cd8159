import { MigrationInterface, QueryRunner } from 'typeorm';

/** 发文字号 (e.g. 太业委〔2026〕1号), set at registration for issued documents; meeting records have none. */
export class DocumentIssueNumber1795540000001 implements MigrationInterface {
  name = 'DocumentIssueNumber1795540000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE documents ADD COLUMN issue_number text');
    await queryRunner.query(
      'CREATE UNIQUE INDEX documents_issue_number_unique ON documents (community_id, issue_number) WHERE issue_number IS NOT NULL',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX documents_issue_number_unique');
    await queryRunner.query('ALTER TABLE documents DROP COLUMN issue_number');
  }
}
