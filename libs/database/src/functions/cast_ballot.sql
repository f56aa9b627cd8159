-- cast_ballot and cast_ballots: every check and write of a ballot cast, in one call.
-- The current version of these functions; the migrations that change them re-apply this file
-- (libs/database/src/functions/index.ts). Why one call: on a busy vote every round trip costs more
-- than the work, and PL/pgSQL keeps its plans between calls. See migration 1795480000001 for the order of checks.

-- What a ballot's record entry commits to: ballotCommitment() in libs/domain/src/voting/ballot-commitment.ts.
CREATE OR REPLACE FUNCTION ballot_commitment(
  p_vote uuid, p_motion uuid, p_voter text, p_area bigint, p_stored_choice text, p_nonce text
) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
  SELECT encode(sha256(convert_to(
    '[' || record_json_text(p_vote::text) || ',' || record_json_text(p_motion::text) || ',' || record_json_text(p_voter)
    || ',' || record_json_text(p_area::text) || ',' || record_json_text(p_stored_choice) || ',' || record_json_text(p_nonce) || ']',
    'UTF8')), 'hex')
$fn$;

CREATE OR REPLACE FUNCTION cast_ballot(
  p_community uuid, p_vote uuid, p_channel text, p_cast_by uuid, p_elector uuid, p_now timestamptz,
  p_motions uuid[], p_choices text[], p_status text, p_receipt text, p_paper_ref text,
  p_record_action text, p_record_payload jsonb, p_record_digest text,
  -- 1795520000001: per motion the stored (sealed) choice and a random nonce; the record entry of an online cast
  -- is then built here, committing to each ballot (ballot_commitment), and p_record_payload/p_record_digest are unused.
  p_sealed text[] DEFAULT NULL, p_nonces text[] DEFAULT NULL
) RETURNS TABLE (refusal text, detail text, elector_id uuid, motions jsonb)
-- 1795760000000: SECURITY DEFINER — the app role may not INSERT into ballots or record_pending itself; a ballot
-- exists only through these checks, with its commitment in the record.
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v record;
  e record;
  bad record;
  v_proxy boolean;
  v_commitments text[];
  v_payload text;
BEGIN
  -- 1795760000000: every ballot commits in the record (sealed choice + nonce); a cast without them would write a
  -- row that looks like one from before commitments. The server always passes them; only a direct call lacks them.
  IF p_sealed IS NULL OR p_nonces IS NULL THEN
    RAISE EXCEPTION 'cast_ballot: sealed choices and nonces are required' USING ERRCODE = '22023';
  END IF;
  -- 45: VOTE_LOCK_NAMESPACE in vote-closing.service.ts
  PERFORM pg_advisory_xact_lock_shared(45, hashtext(p_vote::text));
  SELECT a.status, a.opens_at, a.closes_at, a.channels, a.notice_sealed_at INTO v
    FROM assembly_votes a WHERE a.id = p_vote AND a.community_id = p_community;
  IF NOT FOUND THEN RETURN QUERY SELECT 'vote_not_found', NULL::text, NULL::uuid, NULL::jsonb; RETURN; END IF;
  IF v.status = 'draft' THEN RETURN QUERY SELECT 'notice_not_published', NULL::text, NULL::uuid, NULL::jsonb; RETURN; END IF;
  -- 1795700000000: publishing is the sealing. A published notice without both seals is not public, so no ballot.
  IF v.notice_sealed_at IS NULL THEN RETURN QUERY SELECT 'notice_not_sealed', NULL::text, NULL::uuid, NULL::jsonb; RETURN; END IF;
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

  -- Written proxies (four eyes): only a confirmed proxy lets its holder vote; a principal whose proxy was already
  -- used is refused; an unused proxy (pending or confirmed) becomes void when the principal votes in person —
  -- online, or on paper (1795760000000) — (below).
  IF p_channel = 'proxy' THEN
    v_proxy := EXISTS (SELECT 1 FROM proxies p WHERE p.vote_id = p_vote AND p.grantor_key = e.voter_key
                         AND p.status = 'confirmed' AND p.holder_user_id = p_cast_by);
    IF NOT v_proxy THEN RETURN QUERY SELECT 'not_proxy_holder', NULL::text, NULL::uuid, NULL::jsonb; RETURN; END IF;
  ELSIF p_channel IN ('online', 'paper') THEN
    v_proxy := EXISTS (SELECT 1 FROM proxies p WHERE p.vote_id = p_vote AND p.grantor_key = e.voter_key
                         AND p.status = 'confirmed' AND p.used_at IS NOT NULL);
    IF v_proxy THEN RETURN QUERY SELECT 'proxy_given', NULL::text, NULL::uuid, NULL::jsonb; RETURN; END IF;
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

  -- Proxy writes come after every refusal: a refused cast returns normally and must leave nothing behind.
  IF p_channel = 'proxy' THEN
    UPDATE proxies p SET used_at = p_now WHERE p.vote_id = p_vote AND p.grantor_key = e.voter_key AND p.status = 'confirmed' AND p.used_at IS NULL;
  ELSIF p_channel IN ('online', 'paper') THEN
    UPDATE proxies p SET status = 'void', ended_at = p_now, ended_by = p_cast_by
      WHERE p.vote_id = p_vote AND p.grantor_key = e.voter_key AND p.status IN ('pending', 'confirmed');
  END IF;
  INSERT INTO ballots (community_id, vote_id, motion_id, voter_key, area_hundredths, choice, channel, status, cast_by, paper_ref, receipt_code, cast_at, nonce)
  SELECT p_community, p_vote, c.motion_id, e.voter_key, e.area_hundredths, coalesce(c.sealed, c.choice), p_channel, p_status, p_cast_by, p_paper_ref, p_receipt, p_now, c.nonce
    FROM unnest(p_motions, p_choices, p_sealed, p_nonces) AS c(motion_id, choice, sealed, nonce);
  IF p_nonces IS NOT NULL THEN
    v_commitments := ARRAY(
      SELECT ballot_commitment(p_vote, c.motion_id, e.voter_key, e.area_hundredths, c.sealed, c.nonce)
        FROM unnest(p_motions, p_sealed, p_nonces) WITH ORDINALITY AS c(motion_id, sealed, nonce, ord) ORDER BY c.ord);
  END IF;
  IF p_record_action IS NOT NULL AND p_nonces IS NOT NULL THEN
    -- The canonical JSON (keys sorted, as canonicalJson in libs/domain) of the entry's payload, and its digest.
    v_payload := '{"channel":' || record_json_text(p_channel) || ',"commitments":['
      || (SELECT string_agg('{"commitment":' || record_json_text(v_commitments[c.ord::int]) || ',"motionId":' || record_json_text(c.motion_id::text) || '}', ',' ORDER BY c.ord)
            FROM unnest(p_motions) WITH ORDINALITY AS c(motion_id, ord))
      || '],"electorId":' || record_json_text(e.id::text)
      || ',"receiptDigest":' || record_json_text(encode(sha256(convert_to(p_receipt, 'UTF8')), 'hex')) || '}';
    p_record_payload := v_payload::jsonb;
    p_record_digest := encode(sha256(convert_to(v_payload, 'UTF8')), 'hex');
  END IF;
  IF p_record_action IS NOT NULL THEN
    INSERT INTO record_pending (community_id, occurred_at, actor_id, action, subject_type, subject_id, payload, payload_digest)
    VALUES (p_community, date_trunc('milliseconds', clock_timestamp()), p_cast_by, p_record_action, 'assembly_vote', p_vote::text,
            p_record_payload, p_record_digest);
  END IF;
  RETURN QUERY SELECT NULL::text, NULL::text, e.id,
    (SELECT jsonb_agg(jsonb_build_object('motionId', m.id, 'seq', m.seq, 'title', m.title, 'commitment', v_commitments[c.ord::int]) ORDER BY c.ord)
       FROM unnest(p_motions) WITH ORDINALITY AS c(motion_id, ord) JOIN motions m ON m.id = c.motion_id);
END $$;

CREATE OR REPLACE FUNCTION cast_ballots(p_items jsonb) RETURNS TABLE (idx integer, refusal text, detail text, elector_id uuid, motions jsonb)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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
        it->>'status', it->>'receiptCode', it->>'paperRef', it->>'recordAction', it->'recordPayload', it->>'recordDigest',
        CASE WHEN it ? 'sealed' THEN ARRAY(SELECT x FROM jsonb_array_elements_text(it->'sealed') WITH ORDINALITY AS a(x, n) ORDER BY n) END,
        CASE WHEN it ? 'nonces' THEN ARRAY(SELECT x FROM jsonb_array_elements_text(it->'nonces') WITH ORDINALITY AS a(x, n) ORDER BY n) END);
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
END $$;
