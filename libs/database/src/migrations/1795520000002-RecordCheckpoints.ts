import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Checkpoints that outsiders hold: the head (seq + hash) of a community's record, signed with the deployment
 * root key, each time a document is sealed (printed into its footer and PDF metadata) or a checkpoint is
 * published. Insert-only for the app role, like the rest of history.
 */
export class RecordCheckpoints1795520000002 implements MigrationInterface {
  name = 'RecordCheckpoints1795520000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE record_checkpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        seq bigint NOT NULL,
        hash text NOT NULL,
        signed_at timestamptz NOT NULL,
        signature text NOT NULL,
        document_id uuid REFERENCES documents(id) ON DELETE RESTRICT,
        UNIQUE (document_id)
      )`);
    await queryRunner.query('CREATE INDEX record_checkpoints_by_community ON record_checkpoints (community_id, seq)');
    await queryRunner.query(`
      CREATE TRIGGER record_checkpoints_immutable BEFORE UPDATE OR DELETE ON record_checkpoints
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    // Created after 1795520000000: SELECT/INSERT come from the default privileges; take the rest back.
    await queryRunner.query('REVOKE UPDATE, DELETE, TRUNCATE ON record_checkpoints FROM gongyi_app');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE record_checkpoints');
  }
}
