import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795440859038 implements MigrationInterface {
  name = 'Foundation1795440859038';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_throttles" ("identifier" text NOT NULL, "failures" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a0dc4aeb5fc62aa860930eda940" PRIMARY KEY ("identifier"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "communities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "district" text NOT NULL DEFAULT '', "address" text NOT NULL DEFAULT '', "time_zone" text NOT NULL DEFAULT 'Asia/Shanghai', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_501bb6c8f7c8e8a7d614d9435f6" UNIQUE ("name"), CONSTRAINT "PK_fea1fe83c86ccde9d0a089e7ea2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "login_name" text, "mobile" text, "display_name" text NOT NULL, "password_hash" text NOT NULL, "is_platform_admin" boolean NOT NULL DEFAULT false, "must_change_password" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b1d0a1e8ae666d95893eb95c168" UNIQUE ("login_name"), CONSTRAINT "UQ_d376a9f93bba651f32a2c03a7d3" UNIQUE ("mobile"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "role_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "starts_on" date NOT NULL, "ends_on" date, "granted_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "role_assignments_dates_check" CHECK (ends_on IS NULL OR ends_on >= starts_on - 1), CONSTRAINT "role_assignments_role_check" CHECK (role IN ('owner', 'committee_director', 'committee_member', 'party_secretary', 'residents_committee', 'property_company', 'representative', 'bank_officer', 'auditor', 'vendor')), CONSTRAINT "PK_fc2df9835ac1d2a34839f113783" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f737415dcc04653c733648c968" ON "role_assignments"  ("community_id", "user_id") `);
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "record_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "seq" bigint NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "action" text NOT NULL, "subject_type" text NOT NULL, "subject_id" text, "payload" jsonb NOT NULL, "payload_digest" text NOT NULL, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "UQ_87c1298b67eddaa7810377973a9" UNIQUE ("community_id", "seq"), CONSTRAINT "PK_25197177cf2c7d54032ce49f92b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "buildings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "name" text NOT NULL, CONSTRAINT "UQ_87c031b09ae0ea17b73a883334c" UNIQUE ("community_id", "name"), CONSTRAINT "PK_bc65c1acce268c383e41a69003a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "owners" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "mobile" text, "match_key" text NOT NULL, "id_number_hash" text, "id_number_masked" text, "user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "owners_kind_check" CHECK (kind IN ('person', 'organisation', 'developer')), CONSTRAINT "PK_42838282f2e6b216301a70b02d6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f6bd589d3b8a701bf4e96ea932" ON "owners"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5b03353b93265e6e58ad31a201" ON "owners"  ("community_id", "match_key") `);
    await queryRunner.query(
      `CREATE TABLE "units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "building_id" uuid NOT NULL, "stairwell" text NOT NULL DEFAULT '', "room" text NOT NULL, "number" text NOT NULL, "kind" text NOT NULL DEFAULT 'residential', "exclusive_area" numeric(12,2) NOT NULL, "area_source" text NOT NULL, "status" text NOT NULL DEFAULT 'sold', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_70b2005480f71a589eeba5cd7a5" UNIQUE ("community_id", "number"), CONSTRAINT "units_area_positive" CHECK (exclusive_area > 0), CONSTRAINT "units_kind_check" CHECK (kind IN ('residential', 'commercial', 'parking')), CONSTRAINT "units_status_check" CHECK (status IN ('sold', 'unsold', 'undelivered')), CONSTRAINT "units_area_source_check" CHECK (area_source IN ('registry', 'survey', 'contract')), CONSTRAINT "PK_5a8f2f064919b587d93936cb223" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_09a1a3fbfafa173ea407d905c4" ON "units"  ("community_id", "building_id") `);
    await queryRunner.query(
      `CREATE TABLE "unit_owners" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "owner_id" uuid NOT NULL, "is_designated_voter" boolean NOT NULL DEFAULT false, CONSTRAINT "UQ_553a5874ac2ad4370f9f082247b" UNIQUE ("unit_id", "owner_id"), CONSTRAINT "PK_37057da886227b087c544e05577" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1c24ec29b46e25b3e65ad53e0f" ON "unit_owners"  ("community_id", "owner_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "unit_owners_one_voter" ON "unit_owners"  ("unit_id") WHERE is_designated_voter`);
    await queryRunner.query(
      `ALTER TABLE "role_assignments" ADD CONSTRAINT "FK_f7a7fab5e4be43f01aa2868d16b" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_assignments" ADD CONSTRAINT "FK_d91c8ac0c10fd8c6acdcc5ee946" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "record_entries" ADD CONSTRAINT "FK_f3256c123738e36c188daa35834" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "buildings" ADD CONSTRAINT "FK_5ac4dd6ebb069551eb73bef7eaf" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "owners" ADD CONSTRAINT "FK_88b3ac2d098bfa7f360ec20d45b" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "owners" ADD CONSTRAINT "FK_f6bd589d3b8a701bf4e96ea9323" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "units" ADD CONSTRAINT "FK_9c463f5ab5d98eaaeb9b67a25be" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "units" ADD CONSTRAINT "FK_173b4aee6c28c4db7e929760d80" FOREIGN KEY ("building_id") REFERENCES "buildings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit_owners" ADD CONSTRAINT "FK_4c58dd153806db0918d36b9464f" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit_owners" ADD CONSTRAINT "FK_bb96271f9cf2d19d8bf6fb9f8cc" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit_owners" ADD CONSTRAINT "FK_5653e3480211ae0ea775c4c3b8a" FOREIGN KEY ("owner_id") REFERENCES "owners"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unit_owners" DROP CONSTRAINT "FK_5653e3480211ae0ea775c4c3b8a"`);
    await queryRunner.query(`ALTER TABLE "unit_owners" DROP CONSTRAINT "FK_bb96271f9cf2d19d8bf6fb9f8cc"`);
    await queryRunner.query(`ALTER TABLE "unit_owners" DROP CONSTRAINT "FK_4c58dd153806db0918d36b9464f"`);
    await queryRunner.query(`ALTER TABLE "units" DROP CONSTRAINT "FK_173b4aee6c28c4db7e929760d80"`);
    await queryRunner.query(`ALTER TABLE "units" DROP CONSTRAINT "FK_9c463f5ab5d98eaaeb9b67a25be"`);
    await queryRunner.query(`ALTER TABLE "owners" DROP CONSTRAINT "FK_f6bd589d3b8a701bf4e96ea9323"`);
    await queryRunner.query(`ALTER TABLE "owners" DROP CONSTRAINT "FK_88b3ac2d098bfa7f360ec20d45b"`);
    await queryRunner.query(`ALTER TABLE "buildings" DROP CONSTRAINT "FK_5ac4dd6ebb069551eb73bef7eaf"`);
    await queryRunner.query(`ALTER TABLE "record_entries" DROP CONSTRAINT "FK_f3256c123738e36c188daa35834"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"`);
    await queryRunner.query(`ALTER TABLE "role_assignments" DROP CONSTRAINT "FK_d91c8ac0c10fd8c6acdcc5ee946"`);
    await queryRunner.query(`ALTER TABLE "role_assignments" DROP CONSTRAINT "FK_f7a7fab5e4be43f01aa2868d16b"`);
    await queryRunner.query(`DROP INDEX "public"."unit_owners_one_voter"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1c24ec29b46e25b3e65ad53e0f"`);
    await queryRunner.query(`DROP TABLE "unit_owners"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_09a1a3fbfafa173ea407d905c4"`);
    await queryRunner.query(`DROP TABLE "units"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5b03353b93265e6e58ad31a201"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f6bd589d3b8a701bf4e96ea932"`);
    await queryRunner.query(`DROP TABLE "owners"`);
    await queryRunner.query(`DROP TABLE "buildings"`);
    await queryRunner.query(`DROP TABLE "record_entries"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_085d540d9f418cfbdc7bd55bb1"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f737415dcc04653c733648c968"`);
    await queryRunner.query(`DROP TABLE "role_assignments"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "communities"`);
    await queryRunner.query(`DROP TABLE "login_throttles"`);
  }
}
