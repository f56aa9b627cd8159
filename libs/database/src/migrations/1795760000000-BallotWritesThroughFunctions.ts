import { MigrationInterface, QueryRunner } from 'typeorm';
import { functionSql } from '../functions';

/**
 * Ballots and queued record entries are written only through cast_ballot / cast_ballots (now SECURITY DEFINER,
 * cast_ballot.sql re-applied): the app role loses INSERT on `ballots` and `record_pending`, so even with the app's
 * own credentials no ballot row appears without the function's checks and its commitment in the record. The same
 * file makes a paper ballot (the principal voting in person) void an unused written proxy, as an online one does,
 * and refuses a cast without sealed choices and nonces.
 */
export class BallotWritesThroughFunctions1795760000000 implements MigrationInterface {
  name = 'BallotWritesThroughFunctions1795760000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(functionSql('cast_ballot.sql'));
    await queryRunner.query('REVOKE INSERT ON ballots, record_pending FROM gongyi_app');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('GRANT INSERT ON ballots, record_pending TO gongyi_app');
    for (const fn of ['cast_ballots(jsonb)']) await queryRunner.query(`ALTER FUNCTION ${fn} SECURITY INVOKER RESET search_path`);
    await queryRunner.query(`
      DO $$ DECLARE f regprocedure; BEGIN
        FOR f IN SELECT oid::regprocedure FROM pg_proc WHERE proname = 'cast_ballot' LOOP
          EXECUTE format('ALTER FUNCTION %s SECURITY INVOKER RESET search_path', f);
        END LOOP;
      END $$`);
  }
}
