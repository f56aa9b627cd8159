import { MigrationInterface, QueryRunner } from 'typeorm';

/** Wrong seal PINs in a row, and until when the custodian's key is locked after too many (online guessing). */
export class SealPinAttempts1795510000003 implements MigrationInterface {
  name = 'SealPinAttempts1795510000003';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "custodian_keys" ADD "failed_pins" integer NOT NULL DEFAULT 0, ADD "locked_until" timestamptz`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "custodian_keys" DROP COLUMN "locked_until", DROP COLUMN "failed_pins"`);
  }
}
