import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reads that pages make per community stay as fast in a district of 1,000 communities as in a lone one
 * (bench/district-bench.ts). Participation and the canvassing list join a vote's ballots by vote and voter: without
 * this index the planner scanned every community's ballots once the table held a district's worth. The INCLUDE
 * columns let both reads answer from the index alone.
 */
export class DistrictIndexes1795570000000 implements MigrationInterface {
  name = 'DistrictIndexes1795570000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX ballots_by_vote_voter ON ballots (vote_id, voter_key) INCLUDE (motion_id, status, area_hundredths)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ballots_by_vote_voter`);
  }
}
