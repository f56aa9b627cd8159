import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 初步统计结果公示 and 询异: a closed vote gets an objection period end; owners of the electorate file objections
 * (text, optionally the unit they object for); the committee answers each one once; the final announcement
 * (表决结果公告) is issued after the period and the result is final when that announcement is sealed.
 */
export class VoteObjections1795620000000 implements MigrationInterface {
  name = 'VoteObjections1795620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE assembly_votes ADD COLUMN objection_ends_at timestamptz, ADD COLUMN final_issued_at timestamptz,
         ADD COLUMN result_final_at timestamptz`,
    );
    await queryRunner.query(
      `CREATE TABLE vote_objections (
         id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
         community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
         vote_id uuid NOT NULL REFERENCES assembly_votes(id) ON DELETE RESTRICT,
         elector_id uuid NOT NULL REFERENCES electors(id) ON DELETE RESTRICT,
         filed_by uuid NOT NULL,
         unit_number text,
         text text NOT NULL,
         filed_at timestamptz NOT NULL,
         answer text,
         answered_by uuid,
         answered_at timestamptz,
         CONSTRAINT vote_objections_answer_check CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL))
       )`,
    );
    await queryRunner.query(`CREATE INDEX vote_objections_vote_idx ON vote_objections (vote_id, filed_at)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE vote_objections`);
    await queryRunner.query(
      `ALTER TABLE assembly_votes DROP COLUMN objection_ends_at, DROP COLUMN final_issued_at, DROP COLUMN result_final_at`,
    );
  }
}
