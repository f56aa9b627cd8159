import { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES_BEFORE = [
  'owner',
  'committee_director',
  'committee_member',
  'party_secretary',
  'residents_committee',
  'property_company',
  'representative',
  'bank_officer',
  'auditor',
  'vendor',
];
const ROLES_AFTER = [...ROLES_BEFORE, 'tenant', 'building_leader'];
const roleCheck = (roles: string[]) => `role IN (${roles.map((r) => `'${r}'`).join(', ')})`;

/**
 * 点单 → 派单 → 接单 → 评单 (issue 17): a resident (owner or tenant, or staff entering it at a 接待日) files a
 * service request; the party branch or committee dispatches it to a 楼栋长, the property company or a named
 * department; the assignee accepts, reports progress and closes it with evidence; the resident rates it and may
 * reopen it within the rulebook's window. Due times (52022 by default) are written on the row when the step that
 * starts them happens; escalated_at is set once by the timer when a due time passes unmet.
 *
 * History (service_request_events, request_photos) is insert-only. Reception days (接待日) have a schedule and a
 * visit log; each concern becomes a request (登记列账) and is written off (销号) only with the resident's
 * confirmation or a documented return visit.
 *
 * Two roles join the community roles: 租户 (tenant, may file requests) and 楼栋长 (building_leader, takes them).
 */
export class ServiceRequests1795740000000 implements MigrationInterface {
  name = 'ServiceRequests1795740000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE role_assignments DROP CONSTRAINT role_assignments_role_check`);
    await queryRunner.query(`ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_role_check CHECK (${roleCheck(ROLES_AFTER)})`);
    await queryRunner.query(`
      CREATE TABLE reception_days (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        host_kind text NOT NULL CHECK (host_kind IN ('party_secretary', 'property_manager')),
        host_user_id uuid NULL REFERENCES users(id) ON DELETE RESTRICT,
        host_name text NOT NULL,
        day date NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        place text NOT NULL,
        note text NOT NULL DEFAULT '',
        created_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reception_days_times_check CHECK (ends_at > starts_at)
      )`);
    await queryRunner.query(`CREATE INDEX reception_days_community ON reception_days (community_id, day)`);

    await queryRunner.query(`
      CREATE TABLE service_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        seq integer NOT NULL,
        category text NOT NULL,
        status text NOT NULL CHECK (status IN ('filed', 'dispatched', 'accepted', 'in_progress', 'closed', 'rated', 'reopened', 'cancelled')),
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        place_kind text NOT NULL CHECK (place_kind IN ('unit', 'building', 'common')),
        building_id uuid NULL REFERENCES buildings(id) ON DELETE RESTRICT,
        unit_id uuid NULL REFERENCES units(id) ON DELETE RESTRICT,
        place_text text NOT NULL DEFAULT '',
        channel text NOT NULL CHECK (channel IN ('online', 'reception')),
        filer_user_id uuid NULL REFERENCES users(id) ON DELETE RESTRICT,
        filer_name text NOT NULL,
        filer_mobile text NULL,
        entered_by uuid NULL REFERENCES users(id) ON DELETE RESTRICT,
        reception_day_id uuid NULL REFERENCES reception_days(id) ON DELETE RESTRICT,
        rulebook_version integer NOT NULL,
        filed_at timestamptz NOT NULL,
        dispatched_at timestamptz NULL,
        dispatched_by uuid NULL REFERENCES users(id) ON DELETE RESTRICT,
        accepted_at timestamptz NULL,
        closed_at timestamptz NULL,
        rated_at timestamptz NULL,
        rating integer NULL CHECK (rating BETWEEN 1 AND 5),
        rating_comment text NOT NULL DEFAULT '',
        accept_due_at timestamptz NULL,
        resolve_due_at timestamptz NULL,
        escalated_at timestamptz NULL,
        overdue boolean NOT NULL DEFAULT false,
        reopen_count integer NOT NULL DEFAULT 0,
        assignee_kind text NULL CHECK (assignee_kind IN ('building_leader', 'property_company', 'department')),
        assignee_user_id uuid NULL REFERENCES users(id) ON DELETE RESTRICT,
        assignee_department text NULL,
        agenda_item_id uuid NULL REFERENCES agenda_items(id) ON DELETE RESTRICT,
        confirmed_at timestamptz NULL,
        confirmation_kind text NULL CHECK (confirmation_kind IN ('resident', 'return_visit')),
        confirmation_note text NOT NULL DEFAULT '',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT service_requests_seq UNIQUE (community_id, seq),
        CONSTRAINT service_requests_place_check CHECK (
          (place_kind = 'unit' AND unit_id IS NOT NULL AND building_id IS NOT NULL)
          OR (place_kind = 'building' AND building_id IS NOT NULL AND unit_id IS NULL)
          OR (place_kind = 'common' AND building_id IS NULL AND unit_id IS NULL AND place_text <> '')),
        CONSTRAINT service_requests_filer_check CHECK (filer_user_id IS NOT NULL OR entered_by IS NOT NULL),
        CONSTRAINT service_requests_assignee_check CHECK (
          assignee_kind IS NULL
          OR (assignee_kind = 'department' AND assignee_department IS NOT NULL AND assignee_department <> '')
          OR (assignee_kind IN ('building_leader', 'property_company') AND assignee_user_id IS NOT NULL)),
        CONSTRAINT service_requests_rated_check CHECK ((rating IS NULL) = (rated_at IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX service_requests_community ON service_requests (community_id, filed_at)`);
    await queryRunner.query(`CREATE INDEX service_requests_status ON service_requests (community_id, status)`);
    await queryRunner.query(
      `CREATE INDEX service_requests_assignee ON service_requests (community_id, assignee_user_id) WHERE assignee_user_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX service_requests_filer ON service_requests (community_id, filer_user_id)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX service_requests_agenda_item ON service_requests (agenda_item_id) WHERE agenda_item_id IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE service_request_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        request_id uuid NOT NULL REFERENCES service_requests(id) ON DELETE RESTRICT,
        kind text NOT NULL,
        from_status text NULL,
        to_status text NULL,
        actor_id uuid NULL REFERENCES users(id) ON DELETE RESTRICT,
        note text NOT NULL DEFAULT '',
        data jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX service_request_events_request ON service_request_events (community_id, request_id, at)`);

    await queryRunner.query(`
      CREATE TABLE request_photos (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        request_id uuid NOT NULL REFERENCES service_requests(id) ON DELETE RESTRICT,
        event_id uuid NULL REFERENCES service_request_events(id) ON DELETE RESTRICT,
        purpose text NOT NULL CHECK (purpose IN ('filing', 'progress', 'evidence')),
        mime text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
        bytes bytea NOT NULL,
        sha256 text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        uploaded_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX request_photos_request ON request_photos (community_id, request_id)`);

    await queryRunner.query(`
      CREATE TABLE reception_visits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        reception_day_id uuid NOT NULL REFERENCES reception_days(id) ON DELETE RESTRICT,
        visitor_name text NOT NULL,
        visitor_user_id uuid NULL REFERENCES users(id) ON DELETE RESTRICT,
        visitor_mobile text NULL,
        concern text NOT NULL,
        request_id uuid NOT NULL REFERENCES service_requests(id) ON DELETE RESTRICT,
        entered_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reception_visits_request UNIQUE (request_id)
      )`);
    await queryRunner.query(`CREATE INDEX reception_visits_day ON reception_visits (community_id, reception_day_id)`);

    for (const table of ['service_request_events', 'request_photos']) {
      await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM gongyi_app`);
      await queryRunner.query(
        `CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE reception_visits`);
    await queryRunner.query(`DROP TABLE request_photos`);
    await queryRunner.query(`DROP TABLE service_request_events`);
    await queryRunner.query(`DROP TABLE service_requests`);
    await queryRunner.query(`DROP TABLE reception_days`);
    await queryRunner.query(`ALTER TABLE role_assignments DROP CONSTRAINT role_assignments_role_check`);
    await queryRunner.query(`ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_role_check CHECK (${roleCheck(ROLES_BEFORE)})`);
  }
}
