/**
 * One query per kind of waiting work. Each reads the state of the work itself (a request still pending, a stage
 * not yet recorded, a ballot not yet cast), so the list is never stale and needs no table of its own.
 * Parameters: $1::uuid community, $2::uuid user. Every row: id, title, detail, at (a time shown with it), due (a deadline).
 */
export interface TodoRow {
  id: string;
  title: string;
  detail: string | null;
  at: Date | null;
  due: Date | null;
}

export const TODO_QUERIES = {
  /** 党支部书记: items waiting at 支部先议. */
  prediscussion: `
    SELECT i.id, i.title, '第 ' || i.seq || ' 号议题' AS detail, i.updated_at AS at, NULL::timestamptz AS due
      FROM agenda_items i
     WHERE i.community_id = $1::uuid AND i.status = 'in_stage' AND i.current_stage = 'party_prediscussion'
     ORDER BY i.updated_at`,

  /** 业委会: items at a stage the committee records (联席会议, 居民代表会议, 业委会决议) or returned to it. */
  committeeStages: `
    SELECT i.id, i.title, i.current_stage AS detail, i.updated_at AS at, NULL::timestamptz AS due
      FROM agenda_items i
     WHERE i.community_id = $1::uuid
       AND ((i.status = 'in_stage' AND i.current_stage IN ('joint_meeting', 'representatives_meeting', 'committee_resolution'))
            OR i.status = 'returned')
     ORDER BY i.updated_at`,

  /** 物业: items at 物业执行, with the time of the last progress report. */
  execution: `
    SELECT i.id, i.title,
           coalesce((SELECT max(r.progress_percent)::text FROM execution_reports r WHERE r.agenda_item_id = i.id), '0') AS detail,
           coalesce((SELECT max(r.reported_at) FROM execution_reports r WHERE r.agenda_item_id = i.id), i.updated_at) AS at,
           NULL::timestamptz AS due
      FROM agenda_items i
     WHERE i.community_id = $1::uuid AND i.status = 'in_stage' AND i.current_stage = 'execution'
     ORDER BY i.updated_at`,

  /** 印章保管人: pending requests for a seal this person keeps, not yet applied with it, not their own. */
  sealRequests: `
    SELECT r.id, d.title, d.number || '｜' || s.kind AS detail, r.requested_at AS at, NULL::timestamptz AS due
      FROM seal_requests r
      JOIN documents d ON d.id = r.document_id
      JOIN seals s ON s.id IN (r.committee_seal_id, r.assembly_seal_id)
      JOIN seal_custodians c ON c.seal_id = s.id AND c.user_id = $2::uuid AND c.ended_at IS NULL
     WHERE r.community_id = $1::uuid AND r.status = 'pending' AND r.requested_by <> $2::uuid
       AND NOT EXISTS (SELECT 1 FROM seal_log_entries l WHERE l.request_id = r.id AND l.seal_kind = s.kind AND l.outcome = 'applied')
     ORDER BY r.requested_at`,

  /** 三方审核: statements at the reviewer's stage ($2 = the statement status of that stage). */
  statementsAt: `
    SELECT st.id, st.period_start::text || ' 至 ' || st.period_end::text AS title, '第 ' || st.version || ' 版' AS detail,
           st.submitted_at AS at, NULL::timestamptz AS due
      FROM statements st
     WHERE st.community_id = $1::uuid AND st.status = $2::text
     ORDER BY st.submitted_at`,

  /** 业委会: statements approved by all three, waiting to be published. */
  statementsToPublish: `
    SELECT st.id, st.period_start::text || ' 至 ' || st.period_end::text AS title, '第 ' || st.version || ' 版' AS detail,
           st.submitted_at AS at, NULL::timestamptz AS due
      FROM statements st
     WHERE st.community_id = $1::uuid AND st.status = 'approved'
     ORDER BY st.submitted_at`,

  /** 第二位委员: paper ballots another member entered, waiting for a second member to confirm. */
  paperBallots: `
    SELECT v.id, v.title, count(DISTINCT b.receipt_code)::text AS detail, min(b.cast_at) AS at, v.closes_at AS due
      FROM ballots b JOIN assembly_votes v ON v.id = b.vote_id
     WHERE b.community_id = $1::uuid AND b.channel = 'paper' AND b.status = 'pending' AND b.cast_by <> $2::uuid
     GROUP BY v.id, v.title, v.closes_at
     ORDER BY min(b.cast_at)`,

  /** 第二位委员: written proxies another member entered, waiting for a second member to confirm. */
  proxies: `
    SELECT v.id, v.title, count(*)::text AS detail, min(p.created_at) AS at, v.closes_at AS due
      FROM proxies p JOIN assembly_votes v ON v.id = p.vote_id
     WHERE p.community_id = $1::uuid AND p.status = 'pending' AND p.recorded_by <> $2::uuid AND p.holder_user_id <> $2::uuid
     GROUP BY v.id, v.title, v.closes_at
     ORDER BY min(p.created_at)`,

  /**
   * 与会人员: minutes of a meeting this person attended (linked account, present) that wait for their answer in
   * the current round. The stages whose minutes attendees confirm are passed as $3 (seal policy).
   */
  minutesToConfirm: `
    SELECT m.id, i.title, m.stage AS detail, coalesce(
             (SELECT max(t.occurred_at) FROM agenda_transitions t WHERE t.meeting_id = m.id), m.created_at) AS at,
           NULL::timestamptz AS due
      FROM meetings m JOIN agenda_items i ON i.id = m.agenda_item_id
      CROSS JOIN LATERAL jsonb_array_elements(m.attendees) WITH ORDINALITY AS a(attendee, n)
     WHERE m.community_id = $1::uuid AND m.stage = ANY($3::text[]) AND m.minutes_final_at IS NULL
       AND a.attendee->>'userId' = $2::text AND (a.attendee->>'present')::boolean
       AND NOT EXISTS (SELECT 1 FROM minutes_confirmations c
                        WHERE c.meeting_id = m.id AND c.round = m.minutes_round AND c.attendee_index = a.n - 1
                          AND c.kind IN ('confirmed', 'objected'))
     ORDER BY m.created_at`,

  /** 第二位委员: paper signatures on minutes another person entered, waiting for a countersignature. */
  paperSignatures: `
    SELECT m.id, i.title, m.stage AS detail, c.at, NULL::timestamptz AS due
      FROM minutes_confirmations c JOIN meetings m ON m.id = c.meeting_id JOIN agenda_items i ON i.id = m.agenda_item_id
     WHERE c.community_id = $1::uuid AND c.kind = 'paper_entered' AND c.round = m.minutes_round AND c.actor_id <> $2::uuid
       AND m.minutes_final_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM minutes_confirmations k WHERE k.meeting_id = c.meeting_id AND k.round = c.round
                        AND k.attendee_index = c.attendee_index AND k.kind = 'paper_countersigned')
     ORDER BY c.at`,

  /** 记录人: minutes an attendee objected to, waiting for the recorder to amend them. */
  minutesObjected: `
    SELECT m.id, i.title, m.stage AS detail, max(c.at) AS at, NULL::timestamptz AS due
      FROM minutes_confirmations c JOIN meetings m ON m.id = c.meeting_id JOIN agenda_items i ON i.id = m.agenda_item_id
     WHERE c.community_id = $1::uuid AND c.kind = 'objected' AND c.round = m.minutes_round AND m.recorded_by = $2::uuid
       AND m.minutes_final_at IS NULL
     GROUP BY m.id, i.title, m.stage
     ORDER BY max(c.at)`,

  /** 业委会: vote drafts not yet published. */
  voteDrafts: `
    SELECT v.id, v.title, NULL AS detail, v.created_at AS at, v.opens_at AS due
      FROM assembly_votes v
     WHERE v.community_id = $1::uuid AND v.status = 'draft'
     ORDER BY v.created_at`,

  /** 业主: open votes (notice sealed: publishing is the sealing) where an owner account of this person is on the roll and has not voted. */
  openVotes: `
    SELECT v.id, v.title, NULL AS detail, v.opens_at AS at, v.closes_at AS due
      FROM assembly_votes v
     WHERE v.community_id = $1::uuid AND v.status = 'noticed' AND v.notice_sealed_at IS NOT NULL AND v.opens_at <= now() AND v.closes_at > now()
       AND EXISTS (
         SELECT 1 FROM electors e JOIN owners o ON o.id::text = e.voter_key
          WHERE e.vote_id = v.id AND o.user_id = $2::uuid
            AND NOT EXISTS (SELECT 1 FROM ballots b WHERE b.vote_id = v.id AND b.voter_key = e.voter_key AND b.status <> 'rejected'))
     ORDER BY v.closes_at`,

  /** 业主: votes announced but not open yet (so they know when). */
  upcomingVotes: `
    SELECT v.id, v.title, NULL AS detail, v.opens_at AS at, v.closes_at AS due
      FROM assembly_votes v
     WHERE v.community_id = $1::uuid AND v.status = 'noticed' AND v.notice_sealed_at IS NOT NULL AND v.opens_at > now()
       AND EXISTS (SELECT 1 FROM electors e JOIN owners o ON o.id::text = e.voter_key WHERE e.vote_id = v.id AND o.user_id = $2::uuid)
     ORDER BY v.opens_at`,

  /** Everyone: hearing results whose objection period is still running. */
  objectionWindows: `
    SELECT h.id, h.title, NULL AS detail, h.result_published_at AS at, h.objection_ends_at AS due
      FROM hearings h
     WHERE h.community_id = $1::uuid AND h.status = 'result_published' AND h.objection_ends_at > now()
     ORDER BY h.objection_ends_at`,

  /** 业主: preliminary results of votes this person is on the roll of, whose objection period still runs. */
  voteObjectionWindows: `
    SELECT v.id, v.title, NULL AS detail, v.closed_at AS at, v.objection_ends_at AS due
      FROM assembly_votes v
     WHERE v.community_id = $1::uuid AND v.status = 'closed' AND v.objection_ends_at > now()
       AND EXISTS (SELECT 1 FROM electors e JOIN owners o ON o.id::text = e.voter_key WHERE e.vote_id = v.id AND o.user_id = $2::uuid)
     ORDER BY v.objection_ends_at`,

  /** 业委会: objections to a preliminary result not answered yet. */
  voteObjectionsToAnswer: `
    SELECT v.id, v.title, count(o.id)::text AS detail, min(o.filed_at) AS at, v.objection_ends_at AS due
      FROM vote_objections o JOIN assembly_votes v ON v.id = o.vote_id
     WHERE o.community_id = $1::uuid AND o.answer IS NULL
     GROUP BY v.id, v.title, v.objection_ends_at
     ORDER BY min(o.filed_at)`,

  /** 业委会: closed votes whose objection period has run and whose final announcement is not issued yet. */
  votesAwaitingFinal: `
    SELECT v.id, v.title, NULL AS detail, v.objection_ends_at AS at, NULL::timestamptz AS due
      FROM assembly_votes v
     WHERE v.community_id = $1::uuid AND v.status = 'closed' AND v.objection_ends_at <= now() AND v.final_issued_at IS NULL
     ORDER BY v.objection_ends_at`,

  /** 供应商: hearings this vendor is invited to, still taking bids, with or without a bid so far. */
  vendorBids: `
    SELECT h.id, h.title,
           CASE WHEN EXISTS (SELECT 1 FROM bids b WHERE b.hearing_id = h.id AND b.vendor_user_id = $2::uuid) THEN 'submitted' ELSE 'none' END AS detail,
           i.invited_at AS at, h.bid_deadline AS due
      FROM hearing_invitations i JOIN hearings h ON h.id = i.hearing_id
     WHERE i.community_id = $1::uuid AND i.vendor_user_id = $2::uuid AND h.status = 'bidding' AND h.bid_deadline > now()
     ORDER BY h.bid_deadline`,

  /** 党支部书记: requests escalated by the overdue timer and still open (督办). */
  requestsEscalated: `
    SELECT r.id, r.title, '诉求 #' || r.seq AS detail, r.escalated_at AS at,
           CASE WHEN r.status = 'dispatched' THEN r.accept_due_at ELSE r.resolve_due_at END AS due
      FROM service_requests r
     WHERE r.community_id = $1::uuid AND r.escalated_at IS NOT NULL AND r.status IN ('dispatched', 'accepted', 'in_progress')
     ORDER BY r.escalated_at`,

  /** 派单人: requests filed or reopened, waiting for dispatch. */
  requestsToDispatch: `
    SELECT r.id, r.title, '诉求 #' || r.seq AS detail, r.updated_at AS at, NULL::timestamptz AS due
      FROM service_requests r
     WHERE r.community_id = $1::uuid AND r.status IN ('filed', 'reopened')
     ORDER BY r.filed_at`,

  /** 接单人: requests dispatched to this person (or, $3, to the property company) and not closed. */
  requestsAssigned: `
    SELECT r.id, r.title, r.status AS detail, r.dispatched_at AS at,
           CASE WHEN r.status = 'dispatched' THEN r.accept_due_at ELSE r.resolve_due_at END AS due
      FROM service_requests r
     WHERE r.community_id = $1::uuid AND r.status IN ('dispatched', 'accepted', 'in_progress')
       AND (r.assignee_user_id = $2::uuid OR ($3::boolean AND r.assignee_kind = 'property_company'))
     ORDER BY 5 NULLS LAST`,

  /** 居民: own requests closed and waiting for a rating. */
  requestsToRate: `
    SELECT r.id, r.title, '诉求 #' || r.seq AS detail, r.closed_at AS at, NULL::timestamptz AS due
      FROM service_requests r
     WHERE r.community_id = $1::uuid AND r.filer_user_id = $2::uuid AND r.status = 'closed'
     ORDER BY r.closed_at`,

  /** 工作人员: requests entered at a reception day, closed but not yet written off (销号). */
  receptionWriteOffs: `
    SELECT r.id, r.title, r.filer_name AS detail, r.closed_at AS at, NULL::timestamptz AS due
      FROM service_requests r
     WHERE r.community_id = $1::uuid AND r.channel = 'reception' AND r.status IN ('closed', 'rated') AND r.confirmed_at IS NULL
     ORDER BY r.closed_at`,

  /** Anyone: messages not read yet ($3 = the reader's roles). */
  unread: `
    SELECT n.id, n.subject AS title, n.body AS detail, n.created_at AS at, NULL::timestamptz AS due
      FROM notifications n
     WHERE n.community_id = $1::uuid AND n.recipient_role = ANY($3::text[])
       AND (n.recipient_user_id IS NULL OR n.recipient_user_id = $2::uuid)
       AND NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.user_id = $2::uuid)
     ORDER BY n.created_at DESC
     LIMIT 50`,
  /** 物业: 整改事项 not yet submitted (overdue ones first), assigned to this person or to the whole property company. */
  rectificationsOpen: `
    SELECT r.id, r.title, CASE WHEN r.overdue_at IS NOT NULL THEN 'overdue' ELSE r.status END AS detail,
           r.raised_at AS at, ((r.due_on + 1)::timestamp AT TIME ZONE c.time_zone) AS due
      FROM rectification_items r JOIN communities c ON c.id = r.community_id
     WHERE r.community_id = $1::uuid AND r.status IN ('assigned', 'in_progress')
       AND (r.assignee_user_id IS NULL OR r.assignee_user_id = $2::uuid)
     ORDER BY (r.overdue_at IS NULL), r.due_on`,

  /** 业委会: 整改事项 the property company submitted, waiting for 验收. */
  rectificationsToAccept: `
    SELECT r.id, r.title, '第 ' || r.seq || ' 号整改事项' AS detail, r.submitted_at AS at, NULL::timestamptz AS due
      FROM rectification_items r
     WHERE r.community_id = $1::uuid AND r.status = 'submitted'
     ORDER BY r.submitted_at`,

  /** 业委会: overdue 整改事项 (to follow up with the property company). */
  rectificationsOverdue: `
    SELECT r.id, r.title, r.due_on::text AS detail, r.overdue_at AS at, NULL::timestamptz AS due
      FROM rectification_items r
     WHERE r.community_id = $1::uuid AND r.overdue_at IS NOT NULL AND r.status IN ('assigned', 'in_progress')
     ORDER BY r.due_on`,

  /** 居委会: how many owners (not yet linked to an account) have no verification fact from the register; none → no row. */
  ownersWithoutFacts: `
    SELECT $1::uuid AS id, count(*)::text AS title, NULL AS detail, max(o.created_at) AS at, NULL::timestamptz AS due
      FROM owners o
     WHERE o.community_id = $1::uuid AND o.kind <> 'developer' AND o.user_id IS NULL
       AND o.mobile_tail_hash IS NULL AND o.id_tail_hash IS NULL
    HAVING count(*) > 0`,

  /** 居委会: role grants the platform admin asked for, not yet decided; never the holder's own grant. */
  /** 业委会章保管人决定: a member's proposal waits for a second member (never the proposer). */
  custodyProposals: `
    SELECT p.id, s.common_name AS title, u.display_name AS detail, p.proposed_at AS at, NULL::timestamptz AS due
      FROM seal_custody_proposals p JOIN seals s ON s.id = p.seal_id JOIN users u ON u.id = p.proposed_by
     WHERE p.community_id = $1::uuid AND p.status = 'pending' AND p.proposed_by <> $2::uuid
     ORDER BY p.proposed_at`,

  /**
   * A seal in use that nobody can keep now ($2 = its kind): no custodian in office, or none who still holds a role
   * here today (a custodian whose term ended cannot seal). Whoever appoints its custodians has work.
   */
  sealsWithoutCustodian: `
    SELECT s.id, s.common_name AS title, s.kind AS detail, s.issued_at AS at, NULL::timestamptz AS due
      FROM seals s JOIN communities cm ON cm.id = s.community_id
     WHERE s.community_id = $1::uuid AND s.status = 'active' AND s.kind = $2
       AND NOT EXISTS (
         SELECT 1 FROM seal_custodians c JOIN role_assignments ra ON ra.user_id = c.user_id AND ra.community_id = s.community_id
          WHERE c.seal_id = s.id AND c.ended_at IS NULL
            AND ra.starts_on <= (now() AT TIME ZONE cm.time_zone)::date
            AND (ra.ends_on IS NULL OR ra.ends_on >= (now() AT TIME ZONE cm.time_zone)::date))
     ORDER BY s.issued_at`,

  roleRequests: `
    SELECT r.id, u.display_name AS title, r.role AS detail, r.requested_at AS at, NULL::timestamptz AS due
      FROM role_grant_requests r JOIN users u ON u.id = r.user_id
     WHERE r.community_id = $1::uuid AND r.status = 'pending' AND r.user_id <> $2::uuid
     ORDER BY r.requested_at`,
} as const;
