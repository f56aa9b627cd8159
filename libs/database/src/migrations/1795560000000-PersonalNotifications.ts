import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications can be addressed to one person (the custodian who must seal, the reviewer whose turn it is) as well
 * as to a role, and each reader marks what they have read. The 我的待办 list itself is computed from the state of
 * the work, so it needs no table; these rows only tell people that something arrived.
 */
export class PersonalNotifications1795560000000 implements MigrationInterface {
  name = 'PersonalNotifications1795560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notifications ADD COLUMN recipient_user_id uuid NULL REFERENCES users(id) ON DELETE RESTRICT`);
    await queryRunner.query(
      `CREATE INDEX notifications_user_idx ON notifications (community_id, recipient_user_id, created_at DESC) WHERE recipient_user_id IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE notification_reads (
        notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (notification_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX notification_reads_user_idx ON notification_reads (community_id, user_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification_reads`);
    await queryRunner.query(`DROP INDEX notifications_user_idx`);
    await queryRunner.query(`ALTER TABLE notifications DROP COLUMN recipient_user_id`);
  }
}
