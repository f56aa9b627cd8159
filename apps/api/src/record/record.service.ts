import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChainVerdict, ChainVerifier, payloadDigest } from '@gongyi/domain/record/hash-chain';
import { DataSource, EntityManager } from 'typeorm';
import { RecordEntry } from './entities/record-entry.entity';
import { RecordQueueService } from './record-queue.service';
import { redactSealedBids } from './sealed-bid-redaction';
import { BallotIssue, checkCommunityBallots } from '../voting/ballot-integrity';

export interface NewRecordEntry {
  communityId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  payload: unknown;
}

const VERIFY_BATCH = 2000;

/** JSON-safe copy of a payload (bigint as decimal string), as stored and as digested. */
function storablePayload(payload: unknown): unknown {
  return JSON.parse(JSON.stringify(payload ?? {}, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** An entry's payload as stored (JSON text) and its digest: what record_append and the functions calling it take. */
export function recordPayloadArgs(payload: unknown): [string, string] {
  const stored = storablePayload(payload);
  return [JSON.stringify(stored), payloadDigest(stored)];
}

@Injectable()
export class RecordService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: RecordQueueService,
  ) {}

  /**
   * Appends to the community's chain inside the caller's transaction, so the
   * entry commits or rolls back together with the change it records.
   */
  async append(manager: EntityManager, entry: NewRecordEntry): Promise<RecordEntry> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('RecordService.append must run inside a transaction');
    }
    const payload = storablePayload(entry.payload);
    const digest = payloadDigest(payload);
    // One statement: the community's head row is locked from here to commit (see the RecordHeads migration).
    const [row] = await manager.query<{ id: string; seq: string; occurred_at: Date; prev_hash: string; hash: string }[]>(
      'SELECT id, seq, occurred_at, prev_hash, hash FROM record_append($1, $2, $3, $4, $5, $6, $7)',
      [entry.communityId, entry.actorId, entry.action, entry.subjectType, entry.subjectId ?? null, JSON.stringify(payload), digest],
    );
    return Object.assign(new RecordEntry(), {
      id: row.id,
      communityId: entry.communityId,
      seq: row.seq,
      occurredAt: row.occurred_at,
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      payload,
      payloadDigest: digest,
      prevHash: row.prev_hash,
      hash: row.hash,
    });
  }

  /** The record as it stands, queued entries included. */
  async list(communityId: string, afterSeq: bigint, limit: number): Promise<RecordEntry[]> {
    await this.queue.drainIfPending(communityId);
    return redactSealedBids(this.dataSource, await this.page(communityId, afterSeq, limit));
  }

  private async page(communityId: string, afterSeq: bigint, limit: number): Promise<RecordEntry[]> {
    return this.dataSource
      .getRepository(RecordEntry)
      .createQueryBuilder('e')
      .where('e.community_id = :communityId AND e.seq > :after', { communityId, after: afterSeq.toString() })
      .orderBy('e.seq', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** The hash chain, then every ballot against its commitment in the chain (ballotIssues, by unit number). */
  async verify(communityId: string): Promise<ChainVerdict & { ballotIssues?: BallotIssue[] }> {
    const verifier = new ChainVerifier();
    await this.queue.drainIfPending(communityId);
    let after = 0n;
    for (;;) {
      const batch = await this.page(communityId, after, VERIFY_BATCH);
      if (batch.length === 0) break;
      const intact = verifier.feed(batch.map((e) => ({ ...e, seq: BigInt(e.seq) })));
      if (!intact || batch.length < VERIFY_BATCH) break;
      after = BigInt(batch[batch.length - 1].seq);
    }
    const [head] = await this.dataSource.query<{ seq: string; hash: string }[]>(
      'SELECT seq, hash FROM record_heads WHERE community_id = $1',
      [communityId],
    );
    verifier.checkHead(head && { seq: BigInt(head.seq), hash: head.hash });
    const verdict = verifier.verdict();
    const ballotIssues = await checkCommunityBallots((sql, params) => this.dataSource.query(sql, params), communityId);
    return ballotIssues.length ? { ...verdict, ok: false, ballotIssues } : verdict;
  }
}
