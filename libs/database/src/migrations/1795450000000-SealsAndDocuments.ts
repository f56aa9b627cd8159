import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seals (deployment root CA, per-community seals and custodians), seal requests, the seal log (用章登记) and
 * registered documents with their signed PDF revisions. Stored files and the seal log are insert-only; a
 * document row cannot change once final.
 */
export class SealsAndDocuments1795450000000 implements MigrationInterface {
  name = 'SealsAndDocuments1795450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "number" text NOT NULL, "year" integer NOT NULL, "seq" integer NOT NULL, "type" text NOT NULL, "title" text NOT NULL, "source_type" text NOT NULL, "source_id" uuid, "agenda_item_id" uuid, "input" jsonb NOT NULL, "content_digest" text NOT NULL, "required_seals" text array NOT NULL, "status" text NOT NULL, "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finalised_at" TIMESTAMP WITH TIME ZONE, "file_sha256" text, "final_file_id" uuid, CONSTRAINT "UQ_ffce3a025cba2d79bf4f108d8ee" UNIQUE ("number"), CONSTRAINT "UQ_e457cfbae4feb5c0b35bcf11fb7" UNIQUE ("community_id", "year", "seq"), CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6fdc4c95c9ebc0eb026b778b79" ON "documents"  ("source_type", "source_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9b0c3fb70854ea9e3d6c888903" ON "documents"  ("community_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "document_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "document_id" uuid NOT NULL, "request_id" uuid, "revision" integer NOT NULL, "bytes" bytea NOT NULL, "sha256" text NOT NULL, "size" integer NOT NULL, "seals" jsonb NOT NULL, "is_final" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ab312c20db1ab96e8e0813f7f79" UNIQUE ("document_id", "revision"), CONSTRAINT "PK_15e5583cf50fcf0066e2cb57227" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c522277816055b85cbeb1ad98e" ON "document_files"  ("sha256") `);
    await queryRunner.query(
      `CREATE TABLE "seal_root_cas" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "cert_pem" text NOT NULL, "key_encrypted" text NOT NULL, "fingerprint" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_d575c13f10b5e9af8f542596d44" UNIQUE ("name"), CONSTRAINT "PK_c661bdec2a40331f0fdef19087d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "seals" ("id" uuid NOT NULL, "community_id" uuid NOT NULL, "kind" text NOT NULL, "term" integer NOT NULL, "status" text NOT NULL, "common_name" text NOT NULL, "cert_pem" text NOT NULL, "key_encrypted" text NOT NULL, "serial_number" text NOT NULL, "fingerprint" text NOT NULL, "not_before" TIMESTAMP WITH TIME ZONE NOT NULL, "not_after" TIMESTAMP WITH TIME ZONE NOT NULL, "issued_by" uuid NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "retired_at" TIMESTAMP WITH TIME ZONE, "retired_by" uuid, "retire_reason" text, CONSTRAINT "UQ_d80c24c14a57a6a16f560efd6f8" UNIQUE ("community_id", "kind", "term"), CONSTRAINT "seals_status_check" CHECK (status IN ('active', 'retired')), CONSTRAINT "seals_kind_check" CHECK (kind IN ('assembly', 'committee')), CONSTRAINT "PK_1deb9b3472b2f3b2b41173a2cad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "seals_one_active_per_kind" ON "seals"  ("community_id", "kind") WHERE status = 'active'`);
    await queryRunner.query(
      `CREATE TABLE "seal_custodians" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "seal_id" uuid NOT NULL, "user_id" uuid NOT NULL, "assigned_by" uuid NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "ended_by" uuid, CONSTRAINT "PK_305ec94999c226e3f02e7601f1d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1af4883cbff710047ff9a9dfb1" ON "seal_custodians"  ("seal_id", "ended_at") `);
    await queryRunner.query(
      `CREATE TABLE "seal_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "document_id" uuid NOT NULL, "agenda_item_id" uuid, "decision" text NOT NULL, "committee_seal_id" uuid NOT NULL, "assembly_seal_id" uuid, "status" text NOT NULL, "requested_by" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, CONSTRAINT "seal_requests_status_check" CHECK (status IN ('pending', 'completed', 'refused')), CONSTRAINT "PK_43777d2e6c55d7d8da9e0c939b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "seal_requests_one_pending_per_document" ON "seal_requests"  ("document_id") WHERE status = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_734f85c0a31e6f228dfdd612f3" ON "seal_requests"  ("community_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "seal_log_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "seal_id" uuid NOT NULL, "seal_kind" text NOT NULL, "seal_name" text NOT NULL, "request_id" uuid NOT NULL, "document_id" uuid NOT NULL, "document_number" text NOT NULL, "document_title" text NOT NULL, "decision" text NOT NULL, "requested_by" uuid NOT NULL, "requested_by_name" text NOT NULL, "custodian_id" uuid NOT NULL, "custodian_name" text NOT NULL, "outcome" text NOT NULL, "reason" text NOT NULL DEFAULT '', "file_sha256" text, "used_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "seal_log_entries_outcome_check" CHECK (outcome IN ('applied', 'refused')), CONSTRAINT "PK_8634381795801766a6f3c2d861e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ab9c4d12b5f4530271568c68da" ON "seal_log_entries"  ("request_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_3003491a4487cf7d521a0c8ba8" ON "seal_log_entries"  ("community_id", "used_at") `);
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_ab097f314ef9445c8dab1624c9e" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_8c6230959c6613fdd5e1b667769" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_files" ADD CONSTRAINT "FK_f3dbcef60ebbd1eb931924388b1" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_files" ADD CONSTRAINT "FK_c1b1c6917d00a023493fd7f8ab7" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seals" ADD CONSTRAINT "FK_ca18f98c6bf0496a4149744808c" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seal_custodians" ADD CONSTRAINT "FK_a053ef9b561156fbba0459af339" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seal_custodians" ADD CONSTRAINT "FK_d2353882fbafb97cf803cc97c36" FOREIGN KEY ("seal_id") REFERENCES "seals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seal_custodians" ADD CONSTRAINT "FK_3ee2f656c52821017680af0aa42" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seal_requests" ADD CONSTRAINT "FK_13c82e927a5d13ac58e0e1bb026" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seal_requests" ADD CONSTRAINT "FK_3b6c9df6cd4a2aeced50e2fdea5" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seal_requests" ADD CONSTRAINT "FK_1c35149f7b6afe3f68279d96938" FOREIGN KEY ("committee_seal_id") REFERENCES "seals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seal_requests" ADD CONSTRAINT "FK_8995b5522ae0ffb86e1d802b9b4" FOREIGN KEY ("assembly_seal_id") REFERENCES "seals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seal_log_entries" ADD CONSTRAINT "FK_ac12e84da9a4395250fd7d3c8ff" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seal_log_entries" ADD CONSTRAINT "FK_d8e4412eac308b62e758446a9c6" FOREIGN KEY ("seal_id") REFERENCES "seals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seal_log_entries" ADD CONSTRAINT "FK_ab9c4d12b5f4530271568c68da9" FOREIGN KEY ("request_id") REFERENCES "seal_requests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TRIGGER document_files_immutable BEFORE UPDATE OR DELETE ON document_files FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER seal_log_entries_immutable BEFORE UPDATE OR DELETE ON seal_log_entries FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    // A draft document may still change (status, final file); a final one may not, nor be deleted.
    await queryRunner.query(
      `CREATE TRIGGER documents_final_immutable BEFORE UPDATE OR DELETE ON documents FOR EACH ROW WHEN (OLD.status = 'final') EXECUTE FUNCTION refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER documents_final_immutable ON documents`);
    await queryRunner.query(`DROP TRIGGER seal_log_entries_immutable ON seal_log_entries`);
    await queryRunner.query(`DROP TRIGGER document_files_immutable ON document_files`);
    await queryRunner.query(`ALTER TABLE "seal_log_entries" DROP CONSTRAINT "FK_ab9c4d12b5f4530271568c68da9"`);
    await queryRunner.query(`ALTER TABLE "seal_log_entries" DROP CONSTRAINT "FK_d8e4412eac308b62e758446a9c6"`);
    await queryRunner.query(`ALTER TABLE "seal_log_entries" DROP CONSTRAINT "FK_ac12e84da9a4395250fd7d3c8ff"`);
    await queryRunner.query(`ALTER TABLE "seal_requests" DROP CONSTRAINT "FK_8995b5522ae0ffb86e1d802b9b4"`);
    await queryRunner.query(`ALTER TABLE "seal_requests" DROP CONSTRAINT "FK_1c35149f7b6afe3f68279d96938"`);
    await queryRunner.query(`ALTER TABLE "seal_requests" DROP CONSTRAINT "FK_3b6c9df6cd4a2aeced50e2fdea5"`);
    await queryRunner.query(`ALTER TABLE "seal_requests" DROP CONSTRAINT "FK_13c82e927a5d13ac58e0e1bb026"`);
    await queryRunner.query(`ALTER TABLE "seal_custodians" DROP CONSTRAINT "FK_3ee2f656c52821017680af0aa42"`);
    await queryRunner.query(`ALTER TABLE "seal_custodians" DROP CONSTRAINT "FK_d2353882fbafb97cf803cc97c36"`);
    await queryRunner.query(`ALTER TABLE "seal_custodians" DROP CONSTRAINT "FK_a053ef9b561156fbba0459af339"`);
    await queryRunner.query(`ALTER TABLE "seals" DROP CONSTRAINT "FK_ca18f98c6bf0496a4149744808c"`);
    await queryRunner.query(`ALTER TABLE "document_files" DROP CONSTRAINT "FK_c1b1c6917d00a023493fd7f8ab7"`);
    await queryRunner.query(`ALTER TABLE "document_files" DROP CONSTRAINT "FK_f3dbcef60ebbd1eb931924388b1"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_8c6230959c6613fdd5e1b667769"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_ab097f314ef9445c8dab1624c9e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3003491a4487cf7d521a0c8ba8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ab9c4d12b5f4530271568c68da"`);
    await queryRunner.query(`DROP TABLE "seal_log_entries"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_734f85c0a31e6f228dfdd612f3"`);
    await queryRunner.query(`DROP INDEX "public"."seal_requests_one_pending_per_document"`);
    await queryRunner.query(`DROP TABLE "seal_requests"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1af4883cbff710047ff9a9dfb1"`);
    await queryRunner.query(`DROP TABLE "seal_custodians"`);
    await queryRunner.query(`DROP INDEX "public"."seals_one_active_per_kind"`);
    await queryRunner.query(`DROP TABLE "seals"`);
    await queryRunner.query(`DROP TABLE "seal_root_cas"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c522277816055b85cbeb1ad98e"`);
    await queryRunner.query(`DROP TABLE "document_files"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9b0c3fb70854ea9e3d6c888903"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6fdc4c95c9ebc0eb026b778b79"`);
    await queryRunner.query(`DROP TABLE "documents"`);
  }
}
