import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Role grants the platform admin asks for once a residents'-committee holder is in office (issue 10 §6): the
 * request waits here until such a holder confirms it (then a role_assignments row is written) or rejects it.
 * A request is decided once; the row keeps who asked, who decided and when.
 */
export class RoleGrantRequests1795760000003 implements MigrationInterface {
  name = 'RoleGrantRequests1795760000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE role_grant_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        role text NOT NULL,
        starts_on date,
        ends_on date,
        requested_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        requested_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected')),
        decided_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        decided_at timestamptz,
        reason text,
        assignment_id uuid REFERENCES role_assignments(id) ON DELETE RESTRICT,
        CHECK ((status = 'pending') = (decided_by IS NULL)),
        CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
      )`);
    await queryRunner.query(`CREATE INDEX role_grant_requests_open ON role_grant_requests (community_id, status, requested_at)`);
    // At most one open request for the same person and role: a second click or a second admin cannot queue twins.
    await queryRunner.query(
      `CREATE UNIQUE INDEX role_grant_requests_one_open ON role_grant_requests (community_id, user_id, role) WHERE status = 'pending'`,
    );
    await queryRunner.query('REVOKE DELETE, TRUNCATE ON role_grant_requests FROM gongyi_app');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE role_grant_requests');
  }
}
