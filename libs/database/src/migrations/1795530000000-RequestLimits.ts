import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-client request counters (one row per bucket and client, a fixed window, one upsert per hit) and login
 * lockouts per identifier + client, so that a stranger's wrong passwords no longer lock the real owner out.
 * The counters are UNLOGGED: losing them in a crash only forgives a minute of hits, and they cost no WAL.
 */
export class RequestLimits1795530000000 implements MigrationInterface {
  name = 'RequestLimits1795530000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "rate_limit_hits" ("bucket" text NOT NULL, "client" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, CONSTRAINT "PK_rate_limit_hits" PRIMARY KEY ("bucket", "client"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "login_lockouts" ("identifier" text NOT NULL, "client" text NOT NULL, "failures" integer NOT NULL DEFAULT 0, "locked_until" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_login_lockouts" PRIMARY KEY ("identifier", "client"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_lockouts"`);
    await queryRunner.query(`DROP TABLE "rate_limit_hits"`);
  }
}
