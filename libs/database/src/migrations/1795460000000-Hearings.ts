import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hearings: panel, invitations, sealed bids and their versions, scores and objections. A sealed bid version is
 * evidence of what was submitted and when, so the database refuses to change or delete one.
 */
export class Hearings1795460000000 implements MigrationInterface {
  name = 'Hearings1795460000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "hearings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "place" text NOT NULL, "criteria" jsonb NOT NULL, "bid_deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "opening_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE, "opened_by" uuid, "result" jsonb, "result_published_at" TIMESTAMP WITH TIME ZONE, "objection_ends_at" TIMESTAMP WITH TIME ZONE, "shortlist" jsonb, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "hearings_schedule_check" CHECK (opening_at >= bid_deadline), CONSTRAINT "hearings_status_check" CHECK (status IN ('bidding', 're_tender', 'opened', 'result_published')), CONSTRAINT "PK_79d1a17d4ddd70a11c44bf3b42c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "hearings_one_active_per_item" ON "hearings"  ("agenda_item_id") WHERE status <> 're_tender'`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e3bc58b98c9a06b728c13d3dcc" ON "hearings"  ("community_id", "agenda_item_id") `);
    await queryRunner.query(
      `CREATE TABLE "hearing_panel_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "hearing_id" uuid NOT NULL, "user_id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "declared_at" TIMESTAMP WITH TIME ZONE, "conflict" text, "recused" boolean NOT NULL DEFAULT false, CONSTRAINT "UQ_7781d97e3cda0d4bda5a64463ff" UNIQUE ("hearing_id", "user_id"), CONSTRAINT "hearing_panel_recusal_check" CHECK (recused = (conflict IS NOT NULL)), CONSTRAINT "hearing_panel_kind_check" CHECK (kind IN ('representative', 'committee', 'property_company', 'expert')), CONSTRAINT "PK_c202de24377d6d2672fa224274f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "hearing_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "hearing_id" uuid NOT NULL, "vendor_user_id" uuid NOT NULL, "vendor_name" text NOT NULL, "invited_by" uuid NOT NULL, "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_8f93f1c124fe3ee85373b9060ef" UNIQUE ("hearing_id", "vendor_user_id"), CONSTRAINT "PK_ff060998dd67b210623b52a32f5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "bids" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "hearing_id" uuid NOT NULL, "vendor_user_id" uuid NOT NULL, "current_version" integer NOT NULL, "first_submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revealed_version" integer, "amount_fen" bigint, "warranty_months" integer, "delivery_days" integer, "proposal" text, "attachment" jsonb, CONSTRAINT "UQ_dff554c4ce88c1d7119f0a07023" UNIQUE ("hearing_id", "vendor_user_id"), CONSTRAINT "bids_amount_check" CHECK (amount_fen IS NULL OR amount_fen >= 0), CONSTRAINT "PK_7950d066d322aab3a488ac39fe5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "bid_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "hearing_id" uuid NOT NULL, "bid_id" uuid NOT NULL, "version" integer NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "iv" bytea NOT NULL, "ciphertext" bytea NOT NULL, "auth_tag" bytea NOT NULL, "commitment" text NOT NULL, CONSTRAINT "UQ_3b180f3580bc6faeb6a2d132aaa" UNIQUE ("bid_id", "version"), CONSTRAINT "PK_c4e4bae434da652eebf3bf58c39" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "hearing_scores" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "hearing_id" uuid NOT NULL, "member_id" uuid NOT NULL, "bid_id" uuid NOT NULL, "criterion" text NOT NULL, "score" integer NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_3aac5ba146f746ce375876527c7" UNIQUE ("member_id", "bid_id", "criterion"), CONSTRAINT "hearing_scores_range" CHECK (score BETWEEN 0 AND 100), CONSTRAINT "PK_8e179713933fd2c848258cabb9d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "hearing_objections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "hearing_id" uuid NOT NULL, "filed_by" uuid NOT NULL, "text" text NOT NULL, "filed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_789c5c58ea78d20ff8cf2e3fb81" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearings" ADD CONSTRAINT "FK_1372b814a753969152a011c8a59" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearings" ADD CONSTRAINT "FK_f83bfa1790b8d78042f8f726f87" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_panel_members" ADD CONSTRAINT "FK_b300791f9c3cbb688207973ca44" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_panel_members" ADD CONSTRAINT "FK_6a47128a2a115f1c05fe6aaa13c" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_invitations" ADD CONSTRAINT "FK_dae2d0be9cf5c7ac3b151304066" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_invitations" ADD CONSTRAINT "FK_9a2da90ec80779bf2c7dbf78916" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bids" ADD CONSTRAINT "FK_4636f42be99b2dd13a7419b2233" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bids" ADD CONSTRAINT "FK_dfa2dc9d648b855bbf4fc7c7549" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bid_versions" ADD CONSTRAINT "FK_0947e64c4a484a2b294a5818e55" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bid_versions" ADD CONSTRAINT "FK_13887228457540ffdeb5c628d91" FOREIGN KEY ("bid_id") REFERENCES "bids"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_scores" ADD CONSTRAINT "FK_cb3c9dd9e4f3b030aa1d178bbb2" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_scores" ADD CONSTRAINT "FK_bb5c31534865d71ea6da5f2c43c" FOREIGN KEY ("member_id") REFERENCES "hearing_panel_members"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_scores" ADD CONSTRAINT "FK_de6ead49fbab8ac24e53ee1191b" FOREIGN KEY ("bid_id") REFERENCES "bids"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_objections" ADD CONSTRAINT "FK_b8986bf1e36d166c5f95e179803" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_objections" ADD CONSTRAINT "FK_8f8eb8b4060c07c5a82c8df7141" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      CREATE TRIGGER bid_versions_immutable BEFORE UPDATE OR DELETE ON bid_versions
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER bid_versions_immutable ON bid_versions');
    await queryRunner.query(`ALTER TABLE "hearing_objections" DROP CONSTRAINT "FK_8f8eb8b4060c07c5a82c8df7141"`);
    await queryRunner.query(`ALTER TABLE "hearing_objections" DROP CONSTRAINT "FK_b8986bf1e36d166c5f95e179803"`);
    await queryRunner.query(`ALTER TABLE "hearing_scores" DROP CONSTRAINT "FK_de6ead49fbab8ac24e53ee1191b"`);
    await queryRunner.query(`ALTER TABLE "hearing_scores" DROP CONSTRAINT "FK_bb5c31534865d71ea6da5f2c43c"`);
    await queryRunner.query(`ALTER TABLE "hearing_scores" DROP CONSTRAINT "FK_cb3c9dd9e4f3b030aa1d178bbb2"`);
    await queryRunner.query(`ALTER TABLE "bid_versions" DROP CONSTRAINT "FK_13887228457540ffdeb5c628d91"`);
    await queryRunner.query(`ALTER TABLE "bid_versions" DROP CONSTRAINT "FK_0947e64c4a484a2b294a5818e55"`);
    await queryRunner.query(`ALTER TABLE "bids" DROP CONSTRAINT "FK_dfa2dc9d648b855bbf4fc7c7549"`);
    await queryRunner.query(`ALTER TABLE "bids" DROP CONSTRAINT "FK_4636f42be99b2dd13a7419b2233"`);
    await queryRunner.query(`ALTER TABLE "hearing_invitations" DROP CONSTRAINT "FK_9a2da90ec80779bf2c7dbf78916"`);
    await queryRunner.query(`ALTER TABLE "hearing_invitations" DROP CONSTRAINT "FK_dae2d0be9cf5c7ac3b151304066"`);
    await queryRunner.query(`ALTER TABLE "hearing_panel_members" DROP CONSTRAINT "FK_6a47128a2a115f1c05fe6aaa13c"`);
    await queryRunner.query(`ALTER TABLE "hearing_panel_members" DROP CONSTRAINT "FK_b300791f9c3cbb688207973ca44"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP CONSTRAINT "FK_f83bfa1790b8d78042f8f726f87"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP CONSTRAINT "FK_1372b814a753969152a011c8a59"`);
    await queryRunner.query(`DROP TABLE "hearing_objections"`);
    await queryRunner.query(`DROP TABLE "hearing_scores"`);
    await queryRunner.query(`DROP TABLE "bid_versions"`);
    await queryRunner.query(`DROP TABLE "bids"`);
    await queryRunner.query(`DROP TABLE "hearing_invitations"`);
    await queryRunner.query(`DROP TABLE "hearing_panel_members"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e3bc58b98c9a06b728c13d3dcc"`);
    await queryRunner.query(`DROP INDEX "public"."hearings_one_active_per_item"`);
    await queryRunner.query(`DROP TABLE "hearings"`);
  }
}
