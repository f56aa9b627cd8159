import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seal keys only their custodian can use, and custody decided by the right party (issue 10, items 3–4).
 * - custodian_keys: a custodian's personal X25519 key, its private half encrypted under their seal PIN (argon2id).
 * - seal_key_copies: a seal's private key encrypted to one custodian's public key; one row per custodian.
 * - seals.key_encrypted (MASTER_KEY) becomes nullable: new seals never have it; older seals lose it once every
 *   active custodian holds a PIN-protected copy.
 * - seal_custody_proposals: committee-seal custody proposed by one committee member, confirmed by a second.
 */
export class SealCustody1795510000000 implements MigrationInterface {
  name = 'SealCustody1795510000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "seals" ALTER COLUMN "key_encrypted" DROP NOT NULL`);
    await q.query(
      `CREATE TABLE "custodian_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL REFERENCES "communities"("id") ON DELETE RESTRICT,
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE RESTRICT, "public_key_pem" text NOT NULL, "private_wrapped" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(), "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_custodian_keys" PRIMARY KEY ("id"), CONSTRAINT "UQ_custodian_keys_user" UNIQUE ("community_id", "user_id"))`,
    );
    await q.query(
      `CREATE TABLE "seal_key_copies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL REFERENCES "communities"("id") ON DELETE RESTRICT,
        "seal_id" uuid NOT NULL REFERENCES "seals"("id") ON DELETE RESTRICT, "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE RESTRICT,
        "key_wrapped" text NOT NULL, "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_seal_key_copies" PRIMARY KEY ("id"), CONSTRAINT "UQ_seal_key_copies" UNIQUE ("seal_id", "user_id"))`,
    );
    await q.query(
      `CREATE TABLE "seal_custody_proposals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL REFERENCES "communities"("id") ON DELETE RESTRICT,
        "seal_id" uuid NOT NULL REFERENCES "seals"("id") ON DELETE RESTRICT, "user_ids" uuid[] NOT NULL, "note" text NOT NULL DEFAULT '',
        "status" text NOT NULL, "proposed_by" uuid NOT NULL REFERENCES "users"("id"), "proposed_at" timestamptz NOT NULL,
        "decided_by" uuid REFERENCES "users"("id"), "decided_at" timestamptz,
        CONSTRAINT "PK_seal_custody_proposals" PRIMARY KEY ("id"),
        CONSTRAINT "seal_custody_proposals_status_check" CHECK (status IN ('pending', 'confirmed', 'withdrawn')),
        CONSTRAINT "seal_custody_proposals_two_people" CHECK (decided_by IS NULL OR decided_by <> proposed_by))`,
    );
    await q.query(`CREATE INDEX "IDX_seal_custody_proposals_seal" ON "seal_custody_proposals" ("community_id", "seal_id", "status")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "seal_custody_proposals"`);
    await q.query(`DROP TABLE "seal_key_copies"`);
    await q.query(`DROP TABLE "custodian_keys"`);
    // Seals issued after this migration have no MASTER_KEY copy; they cannot be brought back under the old scheme.
    await q.query(`DELETE FROM "seal_custodians" WHERE seal_id IN (SELECT id FROM seals WHERE key_encrypted IS NULL)`);
    await q.query(`UPDATE "seals" SET key_encrypted = '' WHERE key_encrypted IS NULL`);
    await q.query(`ALTER TABLE "seals" ALTER COLUMN "key_encrypted" SET NOT NULL`);
  }
}
