import { MigrationInterface, QueryRunner } from 'typeorm';
import { functionSql } from '../functions';

/**
 * Outbound notices: each person chooses channels (e-mail, SMS; opt-in, an address on file); every notification
 * passes through an outbox filled by a trigger; each send attempt is kept (append-only for the app role).
 */
export class OutboundNotices1795670000000 implements MigrationInterface {
  name = 'OutboundNotices1795670000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // A person's own settings, across communities (like their login): not community data.
    await queryRunner.query(`
      CREATE TABLE user_notification_channels (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE RESTRICT,
        email text NULL,
        email_enabled boolean NOT NULL DEFAULT false,
        mobile text NULL,
        sms_enabled boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT user_notification_channels_email_needed CHECK (NOT email_enabled OR email IS NOT NULL)
      )`);
    await queryRunner.query(`
      CREATE TABLE notification_outbox (
        notification_id uuid PRIMARY KEY REFERENCES notifications(id) ON DELETE CASCADE,
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX notification_outbox_created_idx ON notification_outbox (created_at)`);
    await queryRunner.query(`
      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE RESTRICT,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        channel text NOT NULL CHECK (channel IN ('email', 'sms')),
        attempt integer NOT NULL CHECK (attempt >= 1),
        status text NOT NULL CHECK (status IN ('sent', 'failed')),
        error text NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX notification_deliveries_lookup_idx ON notification_deliveries (community_id, notification_id, user_id, channel)`,
    );
    await queryRunner.query(functionSql('notification_outbox.sql'));
    await queryRunner.query(
      `CREATE TRIGGER notifications_to_outbox AFTER INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION notification_to_outbox()`,
    );
    // Delivery attempts are evidence that someone was told: the app adds, never rewrites.
    await queryRunner.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gongyi_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON notification_deliveries FROM gongyi_app;
      END IF;
    END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER notifications_to_outbox ON notifications`);
    await queryRunner.query(`DROP FUNCTION notification_to_outbox()`);
    await queryRunner.query(`DROP TABLE notification_deliveries`);
    await queryRunner.query(`DROP TABLE notification_outbox`);
    await queryRunner.query(`DROP TABLE user_notification_channels`);
  }
}
