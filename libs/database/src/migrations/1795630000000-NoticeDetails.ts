import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The practical part of the assembly notice (paper-ballot return, proxy procedure, counting, scrutineers, 居委会
 * supervision, result date, contacts, 抄送) is drafted with the vote; and the notice counts from the day it is
 * sealed ("publishing is the sealing"), so that day is kept on the vote.
 */
export class NoticeDetails1795630000000 implements MigrationInterface {
  name = 'NoticeDetails1795630000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE assembly_votes ADD COLUMN notice_details jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await queryRunner.query(`ALTER TABLE assembly_votes ADD COLUMN notice_sealed_at timestamptz`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE assembly_votes DROP COLUMN notice_sealed_at`);
    await queryRunner.query(`ALTER TABLE assembly_votes DROP COLUMN notice_details`);
  }
}
