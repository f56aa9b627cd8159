import { MigrationInterface, QueryRunner } from 'typeorm';
import { functionSql } from '../functions';

/**
 * Publishing is the sealing: a vote whose notice does not carry both seals yet takes no ballot (cast_ballot.sql,
 * re-applied here, refuses with notice_not_sealed). The seal request of a notice or a result announcement is made
 * by the publishing step itself (on_publication): the system asks, so any custodian of each seal may apply it,
 * while one person still never applies both seals of a document.
 */
export class SealedNoticeOpens1795700000000 implements MigrationInterface {
  name = 'SealedNoticeOpens1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(functionSql('cast_ballot.sql'));
    await queryRunner.query(`ALTER TABLE seal_requests ADD COLUMN on_publication boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE seal_requests DROP COLUMN on_publication`);
  }
}
