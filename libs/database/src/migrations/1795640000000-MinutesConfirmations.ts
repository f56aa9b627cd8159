import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendees confirm the minutes of 支部先议 / 联席会议 / 居民代表会议 (issue 12, 14). Each confirmation, objection,
 * paper entry and countersignature is one insert-only row of a round; amending the minutes starts a new round
 * (meetings.minutes_round), so earlier confirmations stay on record but no longer count. minutes_final_at is set
 * once, when every attendee present has confirmed in the current round.
 */
export class MinutesConfirmations1795640000000 implements MigrationInterface {
  name = 'MinutesConfirmations1795640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE meetings ADD COLUMN minutes_round integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE meetings ADD COLUMN minutes_final_at timestamptz NULL`);
    await queryRunner.query(`
      CREATE TABLE minutes_confirmations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE RESTRICT,
        round integer NOT NULL CHECK (round >= 1),
        attendee_index integer NOT NULL CHECK (attendee_index >= 0),
        kind text NOT NULL CHECK (kind IN ('confirmed', 'objected', 'paper_entered', 'paper_countersigned')),
        actor_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        comment text NOT NULL DEFAULT '',
        at timestamptz NOT NULL
      )`);
    // One answer per attendee per round (confirm, object, or the recorder's paper entry), one countersignature.
    await queryRunner.query(
      `CREATE UNIQUE INDEX minutes_confirmations_answer ON minutes_confirmations (meeting_id, round, attendee_index)
        WHERE kind IN ('confirmed', 'objected', 'paper_entered')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX minutes_confirmations_countersign ON minutes_confirmations (meeting_id, round, attendee_index)
        WHERE kind = 'paper_countersigned'`,
    );
    await queryRunner.query(`CREATE INDEX minutes_confirmations_community ON minutes_confirmations (community_id, meeting_id)`);
    await queryRunner.query(`
      CREATE TRIGGER minutes_confirmations_immutable BEFORE UPDATE OR DELETE ON minutes_confirmations
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE minutes_confirmations`);
    await queryRunner.query(`ALTER TABLE meetings DROP COLUMN minutes_final_at`);
    await queryRunner.query(`ALTER TABLE meetings DROP COLUMN minutes_round`);
  }
}
