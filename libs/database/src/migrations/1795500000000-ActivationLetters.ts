import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Owner accounts are opened by the owner from an activation letter (激活通知书): codes stored only as keyed
 * hashes, at most one live code per owner; the register keeps keyed hashes of the mobile's last 4 digits and
 * the identity number's last 6 (the facts an owner adds to the code). users.created_by tells which accounts
 * the platform admin made, so it cannot grant them roles.
 */
export class ActivationLetters1795500000000 implements MigrationInterface {
  name = 'ActivationLetters1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "owners" ADD "mobile_tail_hash" text, ADD "id_tail_hash" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "created_by" uuid`);
    await queryRunner.query(
      `CREATE TABLE "activation_letters" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "community_id" uuid NOT NULL,
        "owner_id" uuid NOT NULL,
        "code_hash" text NOT NULL,
        "issued_by" uuid NOT NULL,
        "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        "used_by" uuid,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "revoked_by" uuid,
        "failed_attempts" integer NOT NULL DEFAULT 0,
        CONSTRAINT "PK_activation_letters" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_activation_letters_code_hash" UNIQUE ("code_hash"),
        CONSTRAINT "FK_activation_letters_community" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_activation_letters_owner" FOREIGN KEY ("owner_id") REFERENCES "owners"("id") ON DELETE CASCADE
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_activation_letters_owner" ON "activation_letters" ("community_id", "owner_id", "issued_at")`,
    );
    // One live code per owner: issuing again revokes the old one first.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_activation_letters_live" ON "activation_letters" ("owner_id") WHERE used_at IS NULL AND revoked_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "activation_letters"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "created_by"`);
    await queryRunner.query(`ALTER TABLE "owners" DROP COLUMN "id_tail_hash", DROP COLUMN "mobile_tail_hash"`);
  }
}
