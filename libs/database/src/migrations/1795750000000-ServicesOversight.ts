import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, governance between assemblies:
 * - 整改事项 (rectification_items) raised by a 四方联席 meeting (meeting_id) or an inspection, assigned to the property
 *   company with a due date; every step is an insert-only rectification_events row (progress, evidence, 验收).
 * - 星级满意度: one service_ratings row per unit per quarter (unique index), insert-only; the quarter's published
 *   verdict (star level, 红黑榜) in service_quarter_results, one per community and quarter.
 * - 四方联席工作简报: one joint_bulletins row per community and month, pointing to its registered document.
 */
export class ServicesOversight1795750000000 implements MigrationInterface {
  name = 'ServicesOversight1795750000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rectification_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        seq integer NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        location text NOT NULL DEFAULT '',
        category text NOT NULL DEFAULT '',
        source text NOT NULL CHECK (source IN ('joint_meeting', 'inspection')),
        meeting_id uuid NULL REFERENCES meetings(id) ON DELETE RESTRICT,
        source_note text NOT NULL DEFAULT '',
        assignee_user_id uuid NULL REFERENCES users(id) ON DELETE RESTRICT,
        due_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('assigned', 'in_progress', 'submitted', 'accepted')),
        raised_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        raised_at timestamptz NOT NULL,
        submitted_at timestamptz NULL,
        accepted_at timestamptz NULL,
        accepted_by uuid NULL REFERENCES users(id) ON DELETE RESTRICT,
        overdue_at timestamptz NULL,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT rectification_items_seq UNIQUE (community_id, seq),
        CONSTRAINT rectification_items_meeting CHECK ((source = 'joint_meeting') OR meeting_id IS NULL)
      )`);
    await queryRunner.query(`CREATE INDEX rectification_items_community ON rectification_items (community_id, status, due_on)`);
    await queryRunner.query(`
      CREATE TABLE rectification_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        item_id uuid NOT NULL REFERENCES rectification_items(id) ON DELETE RESTRICT,
        action text NOT NULL CHECK (action IN ('raised', 'start', 'progress', 'submit', 'accept', 'reject', 'overdue')),
        from_status text NULL,
        to_status text NOT NULL,
        text text NOT NULL DEFAULT '',
        evidence jsonb NOT NULL DEFAULT '[]',
        actor_id uuid NULL REFERENCES users(id) ON DELETE RESTRICT,
        at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX rectification_events_item ON rectification_events (community_id, item_id, at)`);
    await queryRunner.query(`
      CREATE TABLE service_ratings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
        quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
        rated_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        scores jsonb NOT NULL,
        mean_hundredths integer NOT NULL CHECK (mean_hundredths BETWEEN 100 AND 500),
        comment text NOT NULL DEFAULT '',
        rated_at timestamptz NOT NULL
      )`);
    // One rating per household (unit) per quarter, whichever of its owners gives it.
    await queryRunner.query(`CREATE UNIQUE INDEX service_ratings_one_per_unit ON service_ratings (community_id, unit_id, quarter)`);
    await queryRunner.query(`
      CREATE TABLE service_quarter_results (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
        company_name text NOT NULL,
        households integer NOT NULL,
        average_hundredths integer NULL,
        compliance_per_mille integer NULL,
        star_level integer NULL CHECK (star_level BETWEEN 1 AND 5),
        board text NOT NULL CHECK (board IN ('red', 'black', 'none')),
        figures jsonb NOT NULL,
        reasons jsonb NOT NULL DEFAULT '[]',
        published_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        published_at timestamptz NOT NULL,
        CONSTRAINT service_quarter_results_one UNIQUE (community_id, quarter)
      )`);
    await queryRunner.query(`
      CREATE TABLE joint_bulletins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        content jsonb NOT NULL,
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE RESTRICT,
        created_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL,
        CONSTRAINT joint_bulletins_one_per_month UNIQUE (community_id, month)
      )`);
    for (const table of ['rectification_events', 'service_ratings', 'service_quarter_results', 'joint_bulletins']) {
      await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM gongyi_app`);
      await queryRunner.query(
        `CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE joint_bulletins`);
    await queryRunner.query(`DROP TABLE service_quarter_results`);
    await queryRunner.query(`DROP TABLE service_ratings`);
    await queryRunner.query(`DROP TABLE rectification_events`);
    await queryRunner.query(`DROP TABLE rectification_items`);
  }
}
