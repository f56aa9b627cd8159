import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agenda item may go to the owners more than once over time (a failed vote, revised, is put again). What stays
 * unique is the undecided vote: at most one draft or published-but-open vote per item.
 */
export class SeveralVotesPerItem1795560000001 implements MigrationInterface {
  name = 'SeveralVotesPerItem1795560000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_6c63edc224e15252d734637c0e"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX assembly_votes_one_open_per_item ON assembly_votes (agenda_item_id) WHERE status IN ('draft', 'noticed')`,
    );
    await queryRunner.query(`CREATE INDEX assembly_votes_item_idx ON assembly_votes (agenda_item_id, created_at)`);
  }

  /** Fails if an item already has several votes (history cannot be folded back into one). */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX assembly_votes_item_idx`);
    await queryRunner.query(`DROP INDEX assembly_votes_one_open_per_item`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6c63edc224e15252d734637c0e" ON "assembly_votes" ("agenda_item_id")`);
  }
}
