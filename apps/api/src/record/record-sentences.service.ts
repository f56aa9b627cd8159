import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ROLE_LABELS_ZH, describeRecordEntry, formatZhDateTime, recordActionName } from '@gongyi/domain/labels';
import { DataSource } from 'typeorm';
import { RecordSearchDto } from './dto/record-search.dto';
import { RecordQueueService } from './record-queue.service';

export interface RecordSentence {
  seq: string;
  occurredAt: string;
  /** "2026年12月1日 16:22" in the community's zone. */
  occurredText: string;
  action: string;
  actionName: string;
  kind: string;
  /** "业委会主任陈主任申请用章：文书 GY-2026-000003". */
  sentence: string;
  itemId: string | null;
  itemTitle: string | null;
  hash: string;
}

// Which role names a person in a sentence when they hold several (the office they most likely acted in).
const ROLE_PRECEDENCE = [
  'committee_director',
  'committee_member',
  'party_secretary',
  'residents_committee',
  'property_company',
  'bank_officer',
  'auditor',
  'representative',
  'vendor',
  'owner',
] as const;

/** Rows scanned when searching words, which are matched against the rendered sentences. */
const SEARCH_SCAN = 5000;

/** The decision record as people read it: sentences with names and document numbers, filtered and searched. */
@Injectable()
export class RecordSentencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: RecordQueueService,
  ) {}

  async search(communityId: string, query: RecordSearchDto): Promise<{ entries: RecordSentence[]; hasMore: boolean }> {
    await this.queue.drainIfPending(communityId);
    const limit = query.limit ?? 50;
    const words = query.q?.trim() ?? '';
    const params: unknown[] = [communityId];
    const where = ['e.community_id = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.kind) add(`e.action LIKE ? || '.%'`, query.kind);
    if (query.before) add('e.seq < ?', query.before);
    if (query.from) add(`e.occurred_at >= (?::date::timestamp AT TIME ZONE c.time_zone)`, query.from);
    if (query.to) add(`e.occurred_at < ((?::date + 1)::timestamp AT TIME ZONE c.time_zone)`, query.to);
    if (query.itemId) add(`x.item_id = ?::uuid`, query.itemId);
    params.push(words ? SEARCH_SCAN : limit + 1);
    const rows = await this.dataSource.query<
      {
        seq: string;
        occurred_at: Date;
        action: string;
        payload: unknown;
        hash: string;
        time_zone: string;
        actor_name: string | null;
        actor_roles: string[] | null;
        item_id: string | null;
        item_title: string | null;
        subject_title: string | null;
        user_name: string | null;
      }[]
    >(
      `SELECT e.seq::text, e.occurred_at, e.action, e.payload, e.hash, c.time_zone,
              u.display_name AS actor_name,
              (SELECT array_agg(DISTINCT r.role) FROM role_assignments r
                WHERE r.community_id = e.community_id AND r.user_id = e.actor_id
                  AND r.starts_on <= (e.occurred_at AT TIME ZONE c.time_zone)::date
                  AND (r.ends_on IS NULL OR r.ends_on >= (e.occurred_at AT TIME ZONE c.time_zone)::date)) AS actor_roles,
              x.item_id, i.title AS item_title, x.subject_title,
              (SELECT display_name FROM users WHERE id::text = e.payload->>'userId') AS user_name
         FROM record_entries e
         JOIN communities c ON c.id = e.community_id
         LEFT JOIN users u ON u.id = e.actor_id
         LEFT JOIN LATERAL (
           SELECT coalesce(
                    CASE WHEN e.subject_type = 'agenda_item' THEN e.subject_id::uuid END,
                    (SELECT v.agenda_item_id FROM assembly_votes v WHERE e.subject_type = 'assembly_vote' AND v.id::text = e.subject_id),
                    (SELECT h.agenda_item_id FROM hearings h WHERE e.subject_type = 'hearing' AND h.id::text = e.subject_id),
                    (SELECT h.agenda_item_id FROM hearings h WHERE e.subject_type = 'bid' AND h.id::text = e.payload->>'hearingId'),
                    CASE WHEN e.payload->>'agendaItemId' ~ '^[0-9a-f-]{36}$' THEN (e.payload->>'agendaItemId')::uuid END
                  ) AS item_id,
                  coalesce(
                    (SELECT v.title FROM assembly_votes v WHERE e.subject_type = 'assembly_vote' AND v.id::text = e.subject_id),
                    (SELECT h.title FROM hearings h WHERE e.subject_type = 'hearing' AND h.id::text = e.subject_id),
                    (SELECT h.title FROM hearings h WHERE e.subject_type = 'bid' AND h.id::text = e.payload->>'hearingId'),
                    (SELECT a.title FROM agenda_items a WHERE e.subject_type = 'agenda_item' AND a.id::text = e.subject_id)
                  ) AS subject_title
         ) x ON true
         LEFT JOIN agenda_items i ON i.id = x.item_id
        WHERE ${where.join(' AND ')}
        ORDER BY e.seq DESC
        LIMIT $${params.length}`,
      params,
    );
    const sentences = rows.map((r): RecordSentence => {
      const role = ROLE_PRECEDENCE.find((p) => r.actor_roles?.includes(p));
      const actor = r.actor_name ? `${role ? ROLE_LABELS_ZH[role] : ''}${r.actor_name}` : null;
      return {
        seq: r.seq,
        occurredAt: new Date(r.occurred_at).toISOString(),
        occurredText: formatZhDateTime(r.occurred_at, r.time_zone),
        action: r.action,
        actionName: recordActionName(r.action),
        kind: r.action.split('.')[0],
        sentence: describeRecordEntry({
          action: r.action,
          payload: r.payload,
          actor,
          subjectTitle: r.subject_title,
          userName: r.user_name,
        }),
        itemId: r.item_id,
        itemTitle: r.item_title,
        hash: r.hash,
      };
    });
    const matched = words
      ? sentences.filter((s) => `${s.sentence} ${s.itemTitle ?? ''} ${s.occurredText}`.toLowerCase().includes(words.toLowerCase()))
      : sentences;
    return { entries: matched.slice(0, limit), hasMore: matched.length > limit };
  }
}
