import { MigrationInterface, QueryRunner } from 'typeorm';

export class Finance1795470000000 implements MigrationInterface {
  name = 'Finance1795470000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "statements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "version" integer NOT NULL, "status" text NOT NULL, "opening_fen" bigint NOT NULL, "income_fen" bigint NOT NULL, "cost_fen" bigint NOT NULL, "transfer_fen" bigint NOT NULL, "closing_fen" bigint NOT NULL, "lines" jsonb NOT NULL, "by_category" jsonb NOT NULL, "content_digest" text NOT NULL, "compiled_by" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, "posted_until" date, "document_id" uuid, CONSTRAINT "UQ_7aba081060eb04cbb95f355dc41" UNIQUE ("community_id", "period_start", "version"), CONSTRAINT "PK_7f53bcddeb706df7ea7eec10b8d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9b30726269781d95d0aeb74024" ON "statements"  ("community_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "bank_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "statement_id" uuid NOT NULL, "line" integer NOT NULL, "value_date" date NOT NULL, "signed_fen" bigint NOT NULL, "description" text NOT NULL DEFAULT '', "reference" text, "upload_sha256" text NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_15ffc692f66eb277c20b8d828d1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_56db6a001f92004f17ce761731" ON "bank_lines"  ("statement_id") `);
    await queryRunner.query(
      `CREATE TABLE "ledger_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "seq" integer NOT NULL, "kind" text NOT NULL, "category" text NOT NULL, "amount_fen" bigint NOT NULL, "entry_date" date NOT NULL, "counterparty" text NOT NULL, "counterparty_kind" text NOT NULL DEFAULT 'organisation', "evidence_ref" text, "note" text NOT NULL DEFAULT '', "reverses_id" uuid, "decision_item_id" uuid, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_331eed45dced3a7e9a76d7bff7c" UNIQUE ("community_id", "seq"), CONSTRAINT "ledger_entries_counterparty_kind_check" CHECK (counterparty_kind IN ('organisation', 'person')), CONSTRAINT "ledger_entries_amount_check" CHECK (amount_fen > 0), CONSTRAINT "ledger_entries_kind_check" CHECK (kind IN ('income', 'cost', 'transfer')), CONSTRAINT "PK_6efcb84411d3f08b08450ae75d5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0967ffaf9cebaea0e1071cef91" ON "ledger_entries"  ("community_id", "entry_date") `);
    await queryRunner.query(
      `CREATE TABLE "reconciliation_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "statement_id" uuid NOT NULL, "item_id" uuid NOT NULL, "explanation" text NOT NULL, "written_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_3dd241cc6221bac0d006e04bdad" UNIQUE ("statement_id", "item_id"), CONSTRAINT "PK_7334e7c8c3ec33d3c20f5d1359b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "statement_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "statement_id" uuid NOT NULL, "stage" text NOT NULL, "reviewer_id" uuid NOT NULL, "decision" text NOT NULL, "findings" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07198bc893f483f5d50dc813cb4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6728bb71af1f914f3470d10657" ON "statement_reviews"  ("statement_id") `);
    await queryRunner.query(
      `ALTER TABLE "statements" ADD CONSTRAINT "FK_9f7a573994248cacc2c60705775" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bank_lines" ADD CONSTRAINT "FK_6b991cf4bfa83fe842c167f678b" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bank_lines" ADD CONSTRAINT "FK_56db6a001f92004f17ce761731b" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_entries" ADD CONSTRAINT "FK_848c653aa823aaace88a6ca5599" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_entries" ADD CONSTRAINT "FK_0f042cf2bb4e3065ddb083d9663" FOREIGN KEY ("reverses_id") REFERENCES "ledger_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reconciliation_notes" ADD CONSTRAINT "FK_fdd5a87167587ee6c86504f0e5f" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reconciliation_notes" ADD CONSTRAINT "FK_69c2b0ffd671db84bbe78eb513a" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_reviews" ADD CONSTRAINT "FK_29cd1c1be440365f321db13cfe3" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_reviews" ADD CONSTRAINT "FK_6728bb71af1f914f3470d106571" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // The ledger is append-only: corrections are reversing entries.
    await queryRunner.query(
      `CREATE TRIGGER ledger_entries_immutable BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER ledger_entries_immutable ON ledger_entries`);
    await queryRunner.query(`ALTER TABLE "statement_reviews" DROP CONSTRAINT "FK_6728bb71af1f914f3470d106571"`);
    await queryRunner.query(`ALTER TABLE "statement_reviews" DROP CONSTRAINT "FK_29cd1c1be440365f321db13cfe3"`);
    await queryRunner.query(`ALTER TABLE "reconciliation_notes" DROP CONSTRAINT "FK_69c2b0ffd671db84bbe78eb513a"`);
    await queryRunner.query(`ALTER TABLE "reconciliation_notes" DROP CONSTRAINT "FK_fdd5a87167587ee6c86504f0e5f"`);
    await queryRunner.query(`ALTER TABLE "ledger_entries" DROP CONSTRAINT "FK_0f042cf2bb4e3065ddb083d9663"`);
    await queryRunner.query(`ALTER TABLE "ledger_entries" DROP CONSTRAINT "FK_848c653aa823aaace88a6ca5599"`);
    await queryRunner.query(`ALTER TABLE "bank_lines" DROP CONSTRAINT "FK_56db6a001f92004f17ce761731b"`);
    await queryRunner.query(`ALTER TABLE "bank_lines" DROP CONSTRAINT "FK_6b991cf4bfa83fe842c167f678b"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP CONSTRAINT "FK_9f7a573994248cacc2c60705775"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6728bb71af1f914f3470d10657"`);
    await queryRunner.query(`DROP TABLE "statement_reviews"`);
    await queryRunner.query(`DROP TABLE "reconciliation_notes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0967ffaf9cebaea0e1071cef91"`);
    await queryRunner.query(`DROP TABLE "ledger_entries"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_56db6a001f92004f17ce761731"`);
    await queryRunner.query(`DROP TABLE "bank_lines"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9b30726269781d95d0aeb74024"`);
    await queryRunner.query(`DROP TABLE "statements"`);
  }
}
