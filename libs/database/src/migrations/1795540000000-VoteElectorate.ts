import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The electorate of an assembly vote (DOMAIN.md §12): the whole community, or chosen buildings / stairwells
 * (e.g. 加装电梯 decided by the owners of that 单元). Existing votes were put to the whole community.
 */
export class VoteElectorate1795540000000 implements MigrationInterface {
  name = 'VoteElectorate1795540000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE assembly_votes ADD COLUMN electorate jsonb NOT NULL DEFAULT '{"scope":"community"}'::jsonb`);
    await queryRunner.query(
      `ALTER TABLE assembly_votes ADD CONSTRAINT assembly_votes_electorate_check CHECK (electorate->>'scope' IN ('community', 'part'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE assembly_votes DROP CONSTRAINT assembly_votes_electorate_check');
    await queryRunner.query('ALTER TABLE assembly_votes DROP COLUMN electorate');
  }
}
