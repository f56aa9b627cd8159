import { MigrationInterface, QueryRunner } from 'typeorm';
import { functionSql } from '../functions';

/**
 * Written proxies under four eyes (issue 10 item 2): a proxy is entered by one committee member and counts only
 * once a second confirms it; the holder is neither; the principal may revoke it until it is used; an online
 * ballot of the principal voids an unused proxy (cast_ballot.sql, re-applied here). Proxies entered before this
 * migration and already used stay confirmed; unused ones wait for a second member.
 */
const NEW_PROXY_START = '  -- Written proxies (four eyes)';
const NEW_PROXY_END =
  "IF v_proxy THEN RETURN QUERY SELECT 'proxy_given', NULL::text, NULL::uuid, NULL::jsonb; RETURN; END IF;\n  END IF;\n";
const NEW_WRITES_START = '  -- Proxy writes come after every refusal';
const NEW_WRITES_END = "AND p.status IN ('pending', 'confirmed');\n  END IF;\n";
const OLD_PROXY_LINES = `  IF p_channel <> 'paper' THEN
    v_proxy := EXISTS (SELECT 1 FROM proxies p WHERE p.vote_id = p_vote AND p.grantor_key = e.voter_key
                         AND (p_channel = 'online' OR p.holder_user_id = p_cast_by));
    IF p_channel = 'proxy' AND NOT v_proxy THEN RETURN QUERY SELECT 'not_proxy_holder', NULL::text, NULL::uuid, NULL::jsonb; RETURN; END IF;
    IF p_channel = 'online' AND v_proxy THEN RETURN QUERY SELECT 'proxy_given', NULL::text, NULL::uuid, NULL::jsonb; RETURN; END IF;
  END IF;
`;

export class ProxyFourEyes1795510000001 implements MigrationInterface {
  name = 'ProxyFourEyes1795510000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "proxies" ADD "status" text NOT NULL DEFAULT 'pending'`);
    await q.query(
      `ALTER TABLE "proxies" ADD "confirmed_by" uuid REFERENCES "users"("id"), ADD "confirmed_at" timestamptz, ADD "used_at" timestamptz,
        ADD "ended_at" timestamptz, ADD "ended_by" uuid REFERENCES "users"("id"),
        ADD "scan" bytea, ADD "scan_name" text, ADD "scan_type" text`,
    );
    await q.query(
      `UPDATE proxies p SET status = 'confirmed', used_at = (SELECT min(b.cast_at) FROM ballots b WHERE b.vote_id = p.vote_id AND b.voter_key = p.grantor_key AND b.channel = 'proxy')
       WHERE EXISTS (SELECT 1 FROM ballots b WHERE b.vote_id = p.vote_id AND b.voter_key = p.grantor_key AND b.channel = 'proxy')`,
    );
    await q.query(
      `ALTER TABLE "proxies" ADD CONSTRAINT "proxies_status_check" CHECK (status IN ('pending', 'confirmed', 'revoked', 'void'))`,
    );
    // Four eyes in the schema too; NOT VALID: rows entered under the old rule are not judged retroactively.
    await q.query(
      `ALTER TABLE "proxies" ADD CONSTRAINT "proxies_four_eyes" CHECK (recorded_by <> holder_user_id
         AND (confirmed_by IS NULL OR (confirmed_by <> recorded_by AND confirmed_by <> holder_user_id))) NOT VALID`,
    );
    await q.query(`ALTER TABLE "proxies" DROP CONSTRAINT "UQ_494125946f82a85da5fc3b3dffb"`);
    await q.query(
      `CREATE UNIQUE INDEX "proxies_one_open_per_grantor" ON "proxies" ("vote_id", "grantor_key") WHERE status IN ('pending', 'confirmed')`,
    );
    await q.query(functionSql('cast_ballot.sql'));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "proxies" WHERE status IN ('revoked', 'void')`);
    await q.query(`DROP INDEX "proxies_one_open_per_grantor"`);
    await q.query(`ALTER TABLE "proxies" ADD CONSTRAINT "UQ_494125946f82a85da5fc3b3dffb" UNIQUE ("vote_id", "grantor_key")`);
    await q.query(`ALTER TABLE "proxies" DROP CONSTRAINT "proxies_four_eyes"`);
    await q.query(`ALTER TABLE "proxies" DROP CONSTRAINT "proxies_status_check"`);
    await q.query(
      `ALTER TABLE "proxies" DROP COLUMN "status", DROP COLUMN "confirmed_by", DROP COLUMN "confirmed_at", DROP COLUMN "used_at",
        DROP COLUMN "ended_at", DROP COLUMN "ended_by", DROP COLUMN "scan", DROP COLUMN "scan_name", DROP COLUMN "scan_type"`,
    );
    // cast_ballot.sql now reads the columns dropped above: re-apply it with the proxy lines as they were before.
    const current = functionSql('cast_ballot.sql');
    const start = current.indexOf(NEW_PROXY_START);
    const end = current.indexOf(NEW_PROXY_END, start);
    if (start < 0 || end < 0) throw new Error('cast_ballot.sql: proxy lines of ProxyFourEyes1795510000001 not found');
    let restored = current.slice(0, start) + OLD_PROXY_LINES + current.slice(end + NEW_PROXY_END.length);
    const w = restored.indexOf(NEW_WRITES_START);
    const we = restored.indexOf(NEW_WRITES_END, w);
    if (w < 0 || we < 0) throw new Error('cast_ballot.sql: proxy writes of ProxyFourEyes1795510000001 not found');
    restored = restored.slice(0, w) + restored.slice(we + NEW_WRITES_END.length);
    await q.query(restored);
  }
}
