import { DataSource } from 'typeorm';
import type { RecordEntry } from './entities/record-entry.entity';

const SEALED = ['bidding', 're_tender'];
export const BID_REDACTED_NOTE = '开标前不公开投标人和投标时间';

/**
 * Bids reveal nothing before the opening (issue 10 item 7): a record entry of a bid submission names the vendor
 * and the time, so while its hearing is still sealed the record as read through the API shows only that a sealed
 * bid arrived. The stored entry (and its hash) is untouched; `npm run record:verify` and the server's verify read
 * the table, and after the opening the entry reads in full.
 */
export async function redactSealedBids(dataSource: DataSource, entries: RecordEntry[]): Promise<RecordEntry[]> {
  const bidEntries = entries.filter((e) => e.action === 'hearing.bid_submitted');
  if (bidEntries.length === 0) return entries;
  const hearingIds = [...new Set(bidEntries.map((e) => String((e.payload as { hearingId?: string }).hearingId ?? '')))].filter(Boolean);
  const rows = await dataSource.query<{ id: string }[]>('SELECT id FROM hearings WHERE id = ANY($1::uuid[]) AND status = ANY($2)', [
    hearingIds,
    SEALED,
  ]);
  const sealed = new Set(rows.map((r) => r.id));
  return entries.map((e) => {
    const hearingId = (e.payload as { hearingId?: string }).hearingId;
    if (e.action !== 'hearing.bid_submitted' || !hearingId || !sealed.has(hearingId)) return e;
    return { ...e, actorId: null, occurredAt: null, payload: { hearingId, note: BID_REDACTED_NOTE } } as unknown as RecordEntry;
  });
}
