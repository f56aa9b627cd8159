import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activation facts (last 4 of the registered mobile, last 6 of the identity number) now come from the residents'
 * committee's register file only (libs/domain/src/identity/register-facts.ts). Facts taken from the committee's own
 * roster are dropped: the committee issues the codes, so a fact it uploaded itself would let it open any owner's
 * account alone. Owners without facts wait for the residents' committee's import before their letters can work.
 */
export class RegisterFactsFromResidentsCommittee1795760000002 implements MigrationInterface {
  name = 'RegisterFactsFromResidentsCommittee1795760000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE owners
        ADD COLUMN facts_imported_by uuid NULL REFERENCES users(id) ON DELETE RESTRICT,
        ADD COLUMN facts_imported_at timestamptz NULL`);
    await queryRunner.query('UPDATE owners SET mobile_tail_hash = NULL, id_tail_hash = NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE owners DROP COLUMN facts_imported_at, DROP COLUMN facts_imported_by');
  }
}
