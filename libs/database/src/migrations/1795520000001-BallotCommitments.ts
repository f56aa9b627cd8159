import { MigrationInterface, QueryRunner } from 'typeorm';
import { functionSql } from '../functions';
import { CastBallot1795480000001 } from './1795480000001-CastBallot';

/**
 * Ballots inside the record, choices sealed until the close: every ballot row keeps a random nonce (only
 * there), its choice is stored sealed by the server (BallotSeal), and cast_ballot writes in the cast's record
 * entry a commitment to (vote, motion, voter key, area, stored choice, nonce) per motion — ballot_commitment,
 * the SQL twin of ballotCommitment() in libs/domain. Tally, recount and record verification set the rows
 * against those commitments. cast_ballot gains two parameters, so the old signature is dropped first.
 */
export class BallotCommitments1795520000001 implements MigrationInterface {
  name = 'BallotCommitments1795520000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE ballots ADD COLUMN nonce text');
    // Tally, recount and verification read a vote's ballot entries (ballot-integrity.ts).
    await queryRunner.query(`
      CREATE INDEX record_entries_ballots_by_vote ON record_entries (community_id, subject_id)
      WHERE action IN ('voting.ballot_cast', 'voting.paper_ballot_entered')`);
    await queryRunner.query(
      'DROP FUNCTION IF EXISTS cast_ballot(uuid, uuid, text, uuid, uuid, timestamptz, uuid[], text[], text, text, text, text, jsonb, text)',
    );
    await queryRunner.query(functionSql('cast_ballot.sql'));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION cast_ballots(jsonb)');
    await queryRunner.query(
      'DROP FUNCTION cast_ballot(uuid, uuid, text, uuid, uuid, timestamptz, uuid[], text[], text, text, text, text, jsonb, text, text[], text[])',
    );
    await queryRunner.query('DROP FUNCTION ballot_commitment(uuid, uuid, text, bigint, text, text)');
    await queryRunner.query('ALTER TABLE ballots DROP COLUMN nonce');
    await queryRunner.query('DROP INDEX record_entries_ballots_by_vote');
    // The function as it was before (the file's text then equalled this migration's).
    await new CastBallot1795480000001().up(queryRunner);
  }
}
