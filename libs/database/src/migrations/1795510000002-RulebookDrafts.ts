import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rulebook drafts (issue 10 item 5): a committee member drafts a change; it becomes a rulebook version only when
 * it cites a passed owners' assembly vote of the same community on an art278_1 item, or — for the first rulebook —
 * when the residents' committee confirms it. Versions record the decision they rest on. One vote adopts one draft.
 */
export class RulebookDrafts1795510000002 implements MigrationInterface {
  name = 'RulebookDrafts1795510000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "rulebook_drafts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL REFERENCES "communities"("id") ON DELETE RESTRICT,
        "change" jsonb NOT NULL, "note" text NOT NULL, "status" text NOT NULL DEFAULT 'draft',
        "drafted_by" uuid NOT NULL REFERENCES "users"("id"), "drafted_at" timestamptz NOT NULL,
        "basis" text, "vote_id" uuid REFERENCES "assembly_votes"("id"), "decided_by" uuid REFERENCES "users"("id"), "decided_at" timestamptz,
        "version" integer,
        CONSTRAINT "PK_rulebook_drafts" PRIMARY KEY ("id"),
        CONSTRAINT "rulebook_drafts_status_check" CHECK (status IN ('draft', 'adopted', 'withdrawn')),
        CONSTRAINT "rulebook_drafts_basis_check" CHECK (basis IS NULL OR basis IN ('assembly_vote', 'residents_committee')),
        CONSTRAINT "rulebook_drafts_adopted_check" CHECK (status <> 'adopted' OR (basis IS NOT NULL AND version IS NOT NULL AND decided_by IS NOT NULL)
          AND (basis <> 'assembly_vote' OR vote_id IS NOT NULL)))`,
    );
    await q.query(`CREATE INDEX "IDX_rulebook_drafts_community" ON "rulebook_drafts" ("community_id", "drafted_at")`);
    await q.query(`CREATE UNIQUE INDEX "rulebook_drafts_one_per_vote" ON "rulebook_drafts" ("vote_id") WHERE status = 'adopted'`);
    await q.query(
      `ALTER TABLE "rulebooks" ADD "basis" text, ADD "vote_id" uuid REFERENCES "assembly_votes"("id"), ADD "draft_id" uuid REFERENCES "rulebook_drafts"("id")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "rulebooks" DROP COLUMN "draft_id", DROP COLUMN "vote_id", DROP COLUMN "basis"`);
    await q.query(`DROP TABLE "rulebook_drafts"`);
  }
}
