import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appending to a community's decision record becomes one statement: a head row
 * per community (last seq and hash) is locked, the entry's hash is computed in
 * the database, the entry inserted and the head moved on. The row lock is held
 * only from that statement to commit, instead of across three round trips.
 * Busy paths (ballots) queue their entry in record_pending inside their own
 * transaction instead, and record_drain chains the queue in one statement.
 *
 * record_entry_hash must give exactly what entryHash() in libs/domain gives:
 * SHA-256 of the canonical JSON array of the fields (a test compares the two
 * on random text). The JS ChainVerifier still checks every entry.
 */
export class RecordHeads1795480000000 implements MigrationInterface {
  name = 'RecordHeads1795480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE record_heads (
        community_id uuid PRIMARY KEY REFERENCES communities(id) ON DELETE RESTRICT,
        seq bigint NOT NULL,
        hash text NOT NULL
      )`);
    await queryRunner.query(`
      INSERT INTO record_heads (community_id, seq, hash)
      SELECT DISTINCT ON (community_id) community_id, seq, hash FROM record_entries ORDER BY community_id, seq DESC`);
    await queryRunner.query(`
      CREATE FUNCTION record_json_text(value text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT coalesce(to_json(value)::text, 'null')
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION record_entry_hash(
        community_id uuid, seq bigint, occurred_at timestamptz, actor_id uuid, action text,
        subject_type text, subject_id text, payload_digest text, prev_hash text
      ) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT encode(sha256(convert_to(
          '[' || record_json_text(community_id::text)
          || ',' || record_json_text(seq::text)
          || ',' || record_json_text(to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
          || ',' || record_json_text(actor_id::text)
          || ',' || record_json_text(action)
          || ',' || record_json_text(subject_type)
          || ',' || record_json_text(subject_id)
          || ',' || record_json_text(payload_digest)
          || ',' || record_json_text(prev_hash)
          || ']', 'UTF8')), 'hex')
      $$`);
    // Entries written by busy paths (ballots) inside their own transaction, chained moments later by
    // record_drain: the cast then never waits for the community's head, whose lock is held through commit.
    await queryRunner.query(`
      CREATE TABLE record_pending (
        id bigserial PRIMARY KEY,
        community_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text,
        payload jsonb NOT NULL,
        payload_digest text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX record_pending_by_community ON record_pending (community_id, id)');
    await queryRunner.query(`
      CREATE FUNCTION record_drain(p_community uuid) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        v_seq bigint;
        v_prev text;
        v_hash text;
        v_count integer := 0;
        r record;
      BEGIN
        SELECT h.seq, h.hash INTO v_seq, v_prev FROM record_heads h WHERE h.community_id = p_community FOR UPDATE;
        IF NOT FOUND THEN
          INSERT INTO record_heads (community_id, seq, hash) VALUES (p_community, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
          SELECT h.seq, h.hash INTO v_seq, v_prev FROM record_heads h WHERE h.community_id = p_community FOR UPDATE;
        END IF;
        FOR r IN
          WITH taken AS (DELETE FROM record_pending p WHERE p.community_id = p_community RETURNING p.*)
          SELECT * FROM taken ORDER BY taken.id
        LOOP
          v_seq := v_seq + 1;
          v_hash := record_entry_hash(p_community, v_seq, r.occurred_at, r.actor_id, r.action, r.subject_type, r.subject_id, r.payload_digest, v_prev);
          INSERT INTO record_entries (community_id, seq, occurred_at, actor_id, action, subject_type, subject_id, payload, payload_digest, prev_hash, hash)
          VALUES (p_community, v_seq, r.occurred_at, r.actor_id, r.action, r.subject_type, r.subject_id, r.payload, r.payload_digest, v_prev, v_hash);
          v_prev := v_hash;
          v_count := v_count + 1;
        END LOOP;
        IF v_count > 0 THEN
          UPDATE record_heads h SET seq = v_seq, hash = v_prev WHERE h.community_id = p_community;
        END IF;
        RETURN v_count;
      END $$`);
    // A direct append first chains whatever is pending, so the record never shows an effect before its causes.
    await queryRunner.query(`
      CREATE FUNCTION record_append(
        p_community uuid, p_actor uuid, p_action text, p_subject_type text, p_subject_id text,
        p_payload jsonb, p_payload_digest text
      ) RETURNS TABLE (id uuid, seq bigint, occurred_at timestamptz, prev_hash text, hash text)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_seq bigint;
        v_prev text;
        v_at timestamptz := date_trunc('milliseconds', clock_timestamp());
        v_hash text;
        v_id uuid;
      BEGIN
        PERFORM record_drain(p_community);
        SELECT h.seq, h.hash INTO v_seq, v_prev FROM record_heads h WHERE h.community_id = p_community;
        v_seq := v_seq + 1;
        v_hash := record_entry_hash(p_community, v_seq, v_at, p_actor, p_action, p_subject_type, p_subject_id, p_payload_digest, v_prev);
        UPDATE record_heads h SET seq = v_seq, hash = v_hash WHERE h.community_id = p_community;
        INSERT INTO record_entries AS e (community_id, seq, occurred_at, actor_id, action, subject_type, subject_id, payload, payload_digest, prev_hash, hash)
        VALUES (p_community, v_seq, v_at, p_actor, p_action, p_subject_type, p_subject_id, p_payload, p_payload_digest, v_prev, v_hash)
        RETURNING e.id INTO v_id;
        RETURN QUERY SELECT v_id, v_seq, v_at, v_prev, v_hash;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION record_append(uuid, uuid, text, text, text, jsonb, text)');
    await queryRunner.query('DROP FUNCTION record_drain(uuid)');
    await queryRunner.query('DROP TABLE record_pending');
    await queryRunner.query('DROP FUNCTION record_entry_hash(uuid, bigint, timestamptz, uuid, text, text, text, text, text)');
    await queryRunner.query('DROP FUNCTION record_json_text(text)');
    await queryRunner.query('DROP TABLE record_heads');
  }
}
