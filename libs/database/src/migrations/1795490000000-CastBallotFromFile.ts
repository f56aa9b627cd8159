import { MigrationInterface, QueryRunner } from 'typeorm';
import { functionSql } from '../functions';

/**
 * From here on cast_ballot / cast_ballots are kept in libs/database/src/functions/cast_ballot.sql (the same
 * text as 1795480000001), so the rule reads as one file. Later migrations that change the function edit that
 * file and re-apply it the same way.
 */
export class CastBallotFromFile1795490000000 implements MigrationInterface {
  name = 'CastBallotFromFile1795490000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(functionSql('cast_ballot.sql'));
  }

  public async down(): Promise<void> {
    // The function text is unchanged by this migration: nothing to undo.
  }
}
