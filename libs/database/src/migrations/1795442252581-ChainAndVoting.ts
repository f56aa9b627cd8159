import { MigrationInterface, QueryRunner } from 'typeorm';

export class ChainAndVoting1795442252581 implements MigrationInterface {
  name = 'ChainAndVoting1795442252581';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agenda_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "seq" integer NOT NULL, "title" text NOT NULL, "category" text NOT NULL, "description" text NOT NULL, "budget_fen" bigint, "funding_source" text, "proposer_id" uuid NOT NULL, "rulebook_version" integer NOT NULL, "status" text NOT NULL, "current_stage" text, "chain_state" jsonb NOT NULL, "chosen_option" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "UQ_97f9633caef56b029e679f8a57c" UNIQUE ("community_id", "seq"), CONSTRAINT "PK_7274c40301175b4b4b347820d0c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "agenda_transitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "stage" text, "kind" text NOT NULL, "reason" text NOT NULL DEFAULT '', "actor_id" uuid, "meeting_id" uuid, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_785bcc0d670feda1d3960542533" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5463547af57217ee355cdddb61" ON "agenda_transitions"  ("agenda_item_id", "occurred_at") `);
    await queryRunner.query(
      `CREATE TABLE "execution_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "progress_percent" integer NOT NULL, "text" text NOT NULL, "reported_by" uuid NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "execution_reports_percent" CHECK (progress_percent BETWEEN 0 AND 100), CONSTRAINT "PK_f864d3d549d48160299de0ff2eb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4ae0c1c628d1879dc507b497d8" ON "execution_reports"  ("agenda_item_id", "reported_at") `);
    await queryRunner.query(
      `CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "stage" text NOT NULL, "held_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" text NOT NULL, "chair" text NOT NULL DEFAULT '', "attendees" jsonb NOT NULL, "minutes" text NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', "outcome" text NOT NULL, "outcome_reason" text NOT NULL DEFAULT '', "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_63380b2c52f78f85e3309f4d68" ON "meetings"  ("agenda_item_id", "stage") `);
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "recipient_role" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_76d685d22d1b8c15910149367b" ON "notifications"  ("community_id", "recipient_role", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rulebooks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "version" integer NOT NULL, "settings" jsonb NOT NULL, "note" text NOT NULL DEFAULT '', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_2514711c98bd63a65454b8a915d" UNIQUE ("community_id", "version"), CONSTRAINT "PK_fa3e304f0551c690453361874e2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "assembly_votes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "title" text NOT NULL, "method" text NOT NULL, "channels" text array NOT NULL, "interim" boolean NOT NULL DEFAULT false, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL, "noticed_at" TIMESTAMP WITH TIME ZONE, "rulebook_version" integer, "total_area_hundredths" bigint, "total_headcount" integer, "closed_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0cde82dafee0bee433e5fbe084a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6c63edc224e15252d734637c0e" ON "assembly_votes"  ("agenda_item_id") `);
    await queryRunner.query(
      `CREATE TABLE "motions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "vote_id" uuid NOT NULL, "seq" integer NOT NULL, "title" text NOT NULL, "full_text" text NOT NULL, "category" text NOT NULL, "kind" text NOT NULL, "options" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "UQ_4f219fe52a464c281dc1f12d467" UNIQUE ("vote_id", "seq"), CONSTRAINT "PK_ed74063669e8afff17504648176" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ballots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "vote_id" uuid NOT NULL, "motion_id" uuid NOT NULL, "voter_key" text NOT NULL, "area_hundredths" bigint NOT NULL, "choice" text NOT NULL, "channel" text NOT NULL, "status" text NOT NULL, "cast_by" uuid NOT NULL, "confirmed_by" uuid, "confirmed_at" TIMESTAMP WITH TIME ZONE, "paper_ref" text, "receipt_code" text NOT NULL, "cast_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ballots_status_check" CHECK (status IN ('counted', 'pending', 'rejected')), CONSTRAINT "ballots_channel_check" CHECK (channel IN ('online', 'paper', 'proxy')), CONSTRAINT "PK_1c29cf82a8045f839f8639634e9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2054ad183e7203e9b110f4c7f4" ON "ballots"  ("vote_id", "receipt_code") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ballots_one_per_voter" ON "ballots"  ("motion_id", "voter_key") WHERE status <> 'rejected'`,
    );
    await queryRunner.query(
      `CREATE TABLE "electors" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "vote_id" uuid NOT NULL, "voter_key" text NOT NULL, "owner_id" uuid, "name" text NOT NULL, "area_hundredths" bigint NOT NULL, "unit_numbers" text array NOT NULL, "buildings" text array NOT NULL, CONSTRAINT "UQ_69968e2ade0f7615cc9b5fce30e" UNIQUE ("vote_id", "voter_key"), CONSTRAINT "PK_3a0910fdff885661c3a5a1ecf3e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "proxies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "vote_id" uuid NOT NULL, "grantor_key" text NOT NULL, "holder_user_id" uuid NOT NULL, "authorisation" text NOT NULL, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_494125946f82a85da5fc3b3dffb" UNIQUE ("vote_id", "grantor_key"), CONSTRAINT "PK_c66b4253ef600a915c610015093" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e942af4014bc95609dffee18e5" ON "proxies"  ("vote_id", "holder_user_id") `);
    await queryRunner.query(
      `CREATE TABLE "tally_records" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "vote_id" uuid NOT NULL, "motion_id" uuid NOT NULL, "result" jsonb NOT NULL, "outcome" text NOT NULL, "result_digest" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_e3f2ca5392901034db1fda71f96" UNIQUE ("motion_id"), CONSTRAINT "PK_ca875b5bd3616309e7714067c01" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_items" ADD CONSTRAINT "FK_17eb25820d2e6c088169f9556b5" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_transitions" ADD CONSTRAINT "FK_cd7028fc475f1ab3ad0aa79bc9c" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_transitions" ADD CONSTRAINT "FK_5b00ff8ba42401c2637c25520c0" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "execution_reports" ADD CONSTRAINT "FK_6dab514be497e64c16659927290" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "execution_reports" ADD CONSTRAINT "FK_db32a7df13df4419d746abed986" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_4c964404950ac7d27d19d650421" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_b2595dd99eb99a95c64b7df4551" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_6b7088e778848840b7c6d0e5683" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rulebooks" ADD CONSTRAINT "FK_fdc0d1fde4ce545e8d21359701d" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assembly_votes" ADD CONSTRAINT "FK_c2b1a0e14269b3e0aa21b23499e" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assembly_votes" ADD CONSTRAINT "FK_6c63edc224e15252d734637c0ea" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "motions" ADD CONSTRAINT "FK_e9a0a8515f2670b0ca80f18504d" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "motions" ADD CONSTRAINT "FK_ce254e909b818ac21ba9dfa37ae" FOREIGN KEY ("vote_id") REFERENCES "assembly_votes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ballots" ADD CONSTRAINT "FK_b5bf2062f0cd4f3b664be3af39c" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ballots" ADD CONSTRAINT "FK_2c6e4620bf87a173eefc793d321" FOREIGN KEY ("vote_id") REFERENCES "assembly_votes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ballots" ADD CONSTRAINT "FK_2ea5c31ae0d38c9114b1dd54be6" FOREIGN KEY ("motion_id") REFERENCES "motions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "electors" ADD CONSTRAINT "FK_c1c9b106be2da8fd4552779e8b3" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "electors" ADD CONSTRAINT "FK_9286043cae7eaa698dc03b22620" FOREIGN KEY ("vote_id") REFERENCES "assembly_votes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proxies" ADD CONSTRAINT "FK_8a199ac97206a4677b2e9361a0c" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proxies" ADD CONSTRAINT "FK_1adbd8cadd82e811a8d57c92c7d" FOREIGN KEY ("vote_id") REFERENCES "assembly_votes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tally_records" ADD CONSTRAINT "FK_9c2c7611af868b034e27c28ee8c" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tally_records" ADD CONSTRAINT "FK_e3f2ca5392901034db1fda71f96" FOREIGN KEY ("motion_id") REFERENCES "motions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tally_records" DROP CONSTRAINT "FK_e3f2ca5392901034db1fda71f96"`);
    await queryRunner.query(`ALTER TABLE "tally_records" DROP CONSTRAINT "FK_9c2c7611af868b034e27c28ee8c"`);
    await queryRunner.query(`ALTER TABLE "proxies" DROP CONSTRAINT "FK_1adbd8cadd82e811a8d57c92c7d"`);
    await queryRunner.query(`ALTER TABLE "proxies" DROP CONSTRAINT "FK_8a199ac97206a4677b2e9361a0c"`);
    await queryRunner.query(`ALTER TABLE "electors" DROP CONSTRAINT "FK_9286043cae7eaa698dc03b22620"`);
    await queryRunner.query(`ALTER TABLE "electors" DROP CONSTRAINT "FK_c1c9b106be2da8fd4552779e8b3"`);
    await queryRunner.query(`ALTER TABLE "ballots" DROP CONSTRAINT "FK_2ea5c31ae0d38c9114b1dd54be6"`);
    await queryRunner.query(`ALTER TABLE "ballots" DROP CONSTRAINT "FK_2c6e4620bf87a173eefc793d321"`);
    await queryRunner.query(`ALTER TABLE "ballots" DROP CONSTRAINT "FK_b5bf2062f0cd4f3b664be3af39c"`);
    await queryRunner.query(`ALTER TABLE "motions" DROP CONSTRAINT "FK_ce254e909b818ac21ba9dfa37ae"`);
    await queryRunner.query(`ALTER TABLE "motions" DROP CONSTRAINT "FK_e9a0a8515f2670b0ca80f18504d"`);
    await queryRunner.query(`ALTER TABLE "assembly_votes" DROP CONSTRAINT "FK_6c63edc224e15252d734637c0ea"`);
    await queryRunner.query(`ALTER TABLE "assembly_votes" DROP CONSTRAINT "FK_c2b1a0e14269b3e0aa21b23499e"`);
    await queryRunner.query(`ALTER TABLE "rulebooks" DROP CONSTRAINT "FK_fdc0d1fde4ce545e8d21359701d"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_6b7088e778848840b7c6d0e5683"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_b2595dd99eb99a95c64b7df4551"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_4c964404950ac7d27d19d650421"`);
    await queryRunner.query(`ALTER TABLE "execution_reports" DROP CONSTRAINT "FK_db32a7df13df4419d746abed986"`);
    await queryRunner.query(`ALTER TABLE "execution_reports" DROP CONSTRAINT "FK_6dab514be497e64c16659927290"`);
    await queryRunner.query(`ALTER TABLE "agenda_transitions" DROP CONSTRAINT "FK_5b00ff8ba42401c2637c25520c0"`);
    await queryRunner.query(`ALTER TABLE "agenda_transitions" DROP CONSTRAINT "FK_cd7028fc475f1ab3ad0aa79bc9c"`);
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP CONSTRAINT "FK_17eb25820d2e6c088169f9556b5"`);
    await queryRunner.query(`DROP TABLE "tally_records"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e942af4014bc95609dffee18e5"`);
    await queryRunner.query(`DROP TABLE "proxies"`);
    await queryRunner.query(`DROP TABLE "electors"`);
    await queryRunner.query(`DROP INDEX "public"."ballots_one_per_voter"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2054ad183e7203e9b110f4c7f4"`);
    await queryRunner.query(`DROP TABLE "ballots"`);
    await queryRunner.query(`DROP TABLE "motions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6c63edc224e15252d734637c0e"`);
    await queryRunner.query(`DROP TABLE "assembly_votes"`);
    await queryRunner.query(`DROP TABLE "rulebooks"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_76d685d22d1b8c15910149367b"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_63380b2c52f78f85e3309f4d68"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4ae0c1c628d1879dc507b497d8"`);
    await queryRunner.query(`DROP TABLE "execution_reports"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5463547af57217ee355cdddb61"`);
    await queryRunner.query(`DROP TABLE "agenda_transitions"`);
    await queryRunner.query(`DROP TABLE "agenda_items"`);
  }
}
