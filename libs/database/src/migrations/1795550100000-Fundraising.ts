import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 集资 (fund-raising from owners for a project, e.g. elevator replacement): projects citing the approving agenda
 * item, a target per building or stairwell, each unit's share in fen, and an append-only list of pledges,
 * payments and refunds (a refund reverses a payment; nothing is edited or deleted).
 */
export class Fundraising1795550100000 implements MigrationInterface {
  name = 'Fundraising1795550100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "fundraising_projects" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL REFERENCES "communities"("id") ON DELETE RESTRICT,
      "seq" integer NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '',
      "agenda_item_id" uuid NOT NULL REFERENCES "agenda_items"("id") ON DELETE RESTRICT,
      "share_basis" text NOT NULL CONSTRAINT "fundraising_projects_basis_check" CHECK (share_basis IN ('area', 'fixed')),
      "scope" text NOT NULL CONSTRAINT "fundraising_projects_scope_check" CHECK (scope IN ('building', 'stairwell')),
      "status" text NOT NULL DEFAULT 'open' CONSTRAINT "fundraising_projects_status_check" CHECK (status IN ('open', 'closed')),
      "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_fundraising_projects" PRIMARY KEY ("id"), CONSTRAINT "UQ_fundraising_projects_seq" UNIQUE ("community_id", "seq"))`);
    await queryRunner.query(`CREATE TABLE "fundraising_targets" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL REFERENCES "communities"("id") ON DELETE RESTRICT,
      "project_id" uuid NOT NULL REFERENCES "fundraising_projects"("id") ON DELETE RESTRICT,
      "building_id" uuid NOT NULL REFERENCES "buildings"("id") ON DELETE RESTRICT, "stairwell" text,
      "target_fen" bigint NOT NULL CONSTRAINT "fundraising_targets_amount_check" CHECK (target_fen > 0),
      CONSTRAINT "PK_fundraising_targets" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_fundraising_targets_group" UNIQUE NULLS NOT DISTINCT ("project_id", "building_id", "stairwell"))`);
    await queryRunner.query(`CREATE TABLE "fundraising_shares" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL REFERENCES "communities"("id") ON DELETE RESTRICT,
      "project_id" uuid NOT NULL REFERENCES "fundraising_projects"("id") ON DELETE RESTRICT,
      "target_id" uuid NOT NULL REFERENCES "fundraising_targets"("id") ON DELETE RESTRICT,
      "unit_id" uuid NOT NULL REFERENCES "units"("id") ON DELETE RESTRICT,
      "share_fen" bigint NOT NULL CONSTRAINT "fundraising_shares_amount_check" CHECK (share_fen > 0),
      CONSTRAINT "PK_fundraising_shares" PRIMARY KEY ("id"), CONSTRAINT "UQ_fundraising_shares_unit" UNIQUE ("project_id", "unit_id"))`);
    await queryRunner.query(`CREATE TABLE "fundraising_contributions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL REFERENCES "communities"("id") ON DELETE RESTRICT,
      "project_id" uuid NOT NULL REFERENCES "fundraising_projects"("id") ON DELETE RESTRICT,
      "unit_id" uuid NOT NULL REFERENCES "units"("id") ON DELETE RESTRICT, "seq" integer NOT NULL,
      "kind" text NOT NULL CONSTRAINT "fundraising_contributions_kind_check" CHECK (kind IN ('pledge', 'payment', 'refund')),
      "amount_fen" bigint NOT NULL CONSTRAINT "fundraising_contributions_amount_check" CHECK (amount_fen > 0),
      "paid_on" date NOT NULL, "method" text NOT NULL DEFAULT '', "note" text NOT NULL DEFAULT '',
      "reverses_id" uuid REFERENCES "fundraising_contributions"("id") ON DELETE RESTRICT,
      "receipt_code" text UNIQUE, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_fundraising_contributions" PRIMARY KEY ("id"), CONSTRAINT "UQ_fundraising_contributions_seq" UNIQUE ("project_id", "seq"))`);
    await queryRunner.query(`CREATE INDEX "IDX_fundraising_contributions_unit" ON "fundraising_contributions" ("project_id", "unit_id")`);
    await queryRunner.query(`CREATE TABLE "fundraising_disclosures" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL REFERENCES "communities"("id") ON DELETE RESTRICT,
      "project_id" uuid NOT NULL REFERENCES "fundraising_projects"("id") ON DELETE RESTRICT,
      "period_start" date NOT NULL, "period_end" date NOT NULL, "document_id" uuid NOT NULL,
      "published_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_fundraising_disclosures" PRIMARY KEY ("id"), CONSTRAINT "UQ_fundraising_disclosures_period" UNIQUE ("project_id", "period_start"))`);
    await queryRunner.query(`CREATE FUNCTION fundraising_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'fundraising contributions are immutable; record a refund instead'; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER fundraising_contributions_immutable BEFORE UPDATE OR DELETE ON fundraising_contributions FOR EACH ROW EXECUTE FUNCTION fundraising_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER fundraising_shares_immutable BEFORE UPDATE OR DELETE ON fundraising_shares FOR EACH ROW EXECUTE FUNCTION fundraising_refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "fundraising_disclosures"`);
    await queryRunner.query(`DROP TRIGGER fundraising_contributions_immutable ON fundraising_contributions`);
    await queryRunner.query(`DROP TRIGGER fundraising_shares_immutable ON fundraising_shares`);
    await queryRunner.query(`DROP TABLE "fundraising_contributions"`);
    await queryRunner.query(`DROP TABLE "fundraising_shares"`);
    await queryRunner.query(`DROP TABLE "fundraising_targets"`);
    await queryRunner.query(`DROP TABLE "fundraising_projects"`);
    await queryRunner.query(`DROP FUNCTION fundraising_refuse_change()`);
  }
}
