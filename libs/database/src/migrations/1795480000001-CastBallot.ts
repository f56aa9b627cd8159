import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Casting a ballot is one call to cast_ballot: on a busy vote every round trip
 * between the server and PostgreSQL costs more than the work itself, and the
 * statements inside a PL/pgSQL function keep their plans between calls.
 *
 * In order: a shared advisory lock on the vote (closing takes it exclusively, so
 * a cast either commits before the close and is counted, or sees the vote
 * closed), then the vote's window and channels at p_now, the voter (the owner
 * linked to p_cast_by, or the elector named in p_elector for proxy and paper
 * ballots), the written proxy, each motion and choice, and finally the ballot
 * rows and, when given, the record entry queued in record_pending. A refusal is
 * returned as a code with the data its message needs; nothing is written then.
 * One ballot per voter per motion stays a unique index: a second cast fails
 * with unique_violation.
 */
export class CastBallot1795480000001 implements MigrationInterface {
  name = 'CastBallot1795480000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION cast_ballot(
        p_community uuid, p_vote uuid, p_channel text, p_cast_by uuid, p_elector uuid, p_now timestamptz,
        p_motions uuid[], p_choices text[], p_status text, p_receipt text, p_paper_ref text,
        p_record_action text, p_record_payload jsonb, p_record_digest text
      ) RETURNS TABLE (refusal text, detail text, elector_id uuid, motions jsonb)
      LANGUAGE plpgsql AS $$
      DECLARE
        v record;
        e record;
        bad record;
        v_proxy boolean;
      BEGIN
        -- 45: VOTE_LOCK_NAMESPACE in vote-closing.service.ts
        PERFORM pg_advisory_xact_lock_shared(45, hashtext(p_vote::text));
        SELECT a.status, a.opens_at, a.closes_at, a.channels INTO v
          FROM assembly_votes a WHERE a.id = p_vote AND a.community_id = p_community;
        IF NOT FOUND THEN RETURN QUERY SELECT 'vote_not_found', NULL::text, NULL::uuid, NULL::jsonb; RETURN; END IF;
        IF v.status = 'draft' THEN RETURN QUERY SELECT 'notice_not_published', NULL::text, NULL::uuid, NULL::jsonb; RETURN; END IF;
        IF v.status = 'closed' OR p_now >= v.closes_at THEN RETURN QUERY SELECT 'vote_closed', NULL::text, NULL::uuid, NULL::jsonb; RETURN; END IF;
        IF p_now < v.opens_at THEN
          RETURN QUERY SELECT 'vote_not_open', to_char(v.opens_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), NULL::uuid, NULL::jsonb;
          RETURN;
        END IF;
        IF NOT p_channel = ANY (v.channels) THEN RETURN QUERY SELECT 'channel_not_allowed', p_channel, NULL::uuid, NULL::jsonb; RETURN; END IF;

        IF p_elector IS NULL THEN
          SELECT x.id, x.voter_key, x.area_hundredths INTO e FROM electors x
            WHERE x.vote_id = p_vote
              AND x.voter_key = (SELECT o.id::text FROM owners o WHERE o.community_id = p_community AND o.user_id = p_cast_by LIMIT 1);
        ELSE
          SELECT x.id, x.voter_key, x.area_hundredths INTO e FROM electors x WHERE x.id = p_elector AND x.vote_id = p_vote;
        END IF;
        IF NOT FOUND THEN RETURN QUERY SELECT 'elector_not_found', NULL::text, NULL::uuid, NULL::jsonb; RETURN; END IF;

        IF p_channel <> 'paper' THEN
          v_proxy := EXISTS (SELECT 1 FROM proxies p WHERE p.vote_id = p_vote AND p.grantor_key = e.voter_key
                               AND (p_channel = 'online' OR p.holder_user_id = p_cast_by));
          IF p_channel = 'proxy' AND NOT v_proxy THEN RETURN QUERY SELECT 'not_proxy_holder', NULL::text, NULL::uuid, NULL::jsonb; RETURN; END IF;
          IF p_channel = 'online' AND v_proxy THEN RETURN QUERY SELECT 'proxy_given', NULL::text, NULL::uuid, NULL::jsonb; RETURN; END IF;
        END IF;

        SELECT c.ord, c.choice, m.id, m.title INTO bad
          FROM unnest(p_motions, p_choices) WITH ORDINALITY AS c(motion_id, choice, ord)
          LEFT JOIN motions m ON m.id = c.motion_id AND m.vote_id = p_vote
          WHERE m.id IS NULL
             OR NOT (c.choice = 'abstain'
                     OR (m.kind = 'yes_no' AND c.choice IN ('yes', 'no'))
                     OR (m.kind <> 'yes_no' AND EXISTS (SELECT 1 FROM jsonb_array_elements(m.options) o WHERE o->>'id' = c.choice)))
          ORDER BY c.ord
          LIMIT 1;
        IF FOUND THEN
          IF bad.id IS NULL THEN RETURN QUERY SELECT 'unknown_motion', NULL::text, NULL::uuid, NULL::jsonb; RETURN; END IF;
          RETURN QUERY SELECT 'invalid_choice', json_build_array(bad.title, bad.choice)::text, NULL::uuid, NULL::jsonb;
          RETURN;
        END IF;

        INSERT INTO ballots (community_id, vote_id, motion_id, voter_key, area_hundredths, choice, channel, status, cast_by, paper_ref, receipt_code, cast_at)
        SELECT p_community, p_vote, c.motion_id, e.voter_key, e.area_hundredths, c.choice, p_channel, p_status, p_cast_by, p_paper_ref, p_receipt, p_now
          FROM unnest(p_motions, p_choices) AS c(motion_id, choice);
        IF p_record_action IS NOT NULL THEN
          INSERT INTO record_pending (community_id, occurred_at, actor_id, action, subject_type, subject_id, payload, payload_digest)
          VALUES (p_community, date_trunc('milliseconds', clock_timestamp()), p_cast_by, p_record_action, 'assembly_vote', p_vote::text,
                  p_record_payload, p_record_digest);
        END IF;
        RETURN QUERY SELECT NULL::text, NULL::text, e.id,
          (SELECT jsonb_agg(jsonb_build_object('motionId', m.id, 'seq', m.seq, 'title', m.title) ORDER BY c.ord)
             FROM unnest(p_motions) WITH ORDINALITY AS c(motion_id, ord) JOIN motions m ON m.id = c.motion_id);
      END $$`);
    // Several casts in one call and one commit (the server gathers casts that arrive together). Each cast runs
    // in its own subtransaction: one voter's second ballot fails alone, as already_voted.
    await queryRunner.query(`
      CREATE FUNCTION cast_ballots(p_items jsonb) RETURNS TABLE (idx integer, refusal text, detail text, elector_id uuid, motions jsonb)
      LANGUAGE plpgsql AS $$
      DECLARE
        it jsonb;
        r record;
      BEGIN
        FOR i IN 0 .. jsonb_array_length(p_items) - 1 LOOP
          it := p_items -> i;
          idx := i;
          BEGIN
            SELECT * INTO r FROM cast_ballot(
              (it->>'communityId')::uuid, (it->>'voteId')::uuid, it->>'channel', (it->>'castBy')::uuid, (it->>'electorId')::uuid,
              (it->>'castAt')::timestamptz,
              ARRAY(SELECT x FROM jsonb_array_elements_text(it->'motionIds') WITH ORDINALITY AS a(x, n) ORDER BY n)::uuid[],
              ARRAY(SELECT x FROM jsonb_array_elements_text(it->'choices') WITH ORDINALITY AS a(x, n) ORDER BY n),
              it->>'status', it->>'receiptCode', it->>'paperRef', it->>'recordAction', it->'recordPayload', it->>'recordDigest');
            refusal := r.refusal;
            detail := r.detail;
            elector_id := r.elector_id;
            motions := r.motions;
          EXCEPTION WHEN unique_violation THEN
            refusal := 'already_voted';
            detail := NULL;
            elector_id := NULL;
            motions := NULL;
          END;
          RETURN NEXT;
        END LOOP;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION cast_ballots(jsonb)');
    await queryRunner.query(
      'DROP FUNCTION cast_ballot(uuid, uuid, text, uuid, uuid, timestamptz, uuid[], text[], text, text, text, text, jsonb, text)',
    );
  }
}
