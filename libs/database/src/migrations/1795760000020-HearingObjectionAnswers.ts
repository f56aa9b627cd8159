import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The committee's answer to an objection against a published hearing result (听证会异议的答复): given once, with who
 * and when; like the answers to a vote's objections (1795620000000), all three are set together or not at all.
 */
export class HearingObjectionAnswers1795760000020 implements MigrationInterface {
  name = 'HearingObjectionAnswers1795760000020';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE hearing_objections
         ADD COLUMN answer text,
         ADD COLUMN answered_by uuid REFERENCES users(id) ON DELETE RESTRICT,
         ADD COLUMN answered_at timestamptz,
         ADD CONSTRAINT hearing_objections_answer_check
           CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE hearing_objections DROP CONSTRAINT hearing_objections_answer_check,
         DROP COLUMN answered_at, DROP COLUMN answered_by, DROP COLUMN answer`,
    );
  }
}
