import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChainVerdict, ChainVerifier, entryHash, GENESIS_HASH, payloadDigest } from '@gongyi/domain/record/hash-chain';
import { DataSource, EntityManager } from 'typeorm';
import { RecordEntry } from './entities/record-entry.entity';

export interface NewRecordEntry {
  communityId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  payload: unknown;
}

// Namespace for pg_advisory_xact_lock(ns, hashtext(community)): appends to one community's chain queue up.
const RECORD_LOCK_NAMESPACE = 41;
const VERIFY_BATCH = 2000;

@Injectable()
export class RecordService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends to the community's chain inside the caller's transaction, so the
   * entry commits or rolls back together with the change it records.
   */
  async append(manager: EntityManager, entry: NewRecordEntry): Promise<RecordEntry> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('RecordService.append must run inside a transaction');
    }
    await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RECORD_LOCK_NAMESPACE, entry.communityId]);
    const [last] = await manager.query<{ seq: string; hash: string }[]>(
      'SELECT seq, hash FROM record_entries WHERE community_id = $1 ORDER BY seq DESC LIMIT 1',
      [entry.communityId],
    );
    const payload = JSON.parse(JSON.stringify(entry.payload ?? {}, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
    const fields = {
      communityId: entry.communityId,
      seq: last ? BigInt(last.seq) + 1n : 1n,
      occurredAt: new Date(),
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      payloadDigest: payloadDigest(payload),
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const hash = entryHash(fields);
    // Raw INSERT: this runs while the chain lock is held, so it should cost one round trip and little CPU.
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO record_entries (community_id, seq, occurred_at, actor_id, action, subject_type, subject_id, payload, payload_digest, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        fields.communityId,
        fields.seq.toString(),
        fields.occurredAt,
        fields.actorId,
        fields.action,
        fields.subjectType,
        fields.subjectId,
        JSON.stringify(payload),
        fields.payloadDigest,
        fields.prevHash,
        hash,
      ],
    );
    return Object.assign(new RecordEntry(), { ...fields, id, seq: fields.seq.toString(), payload, hash });
  }

  async list(communityId: string, afterSeq: bigint, limit: number): Promise<RecordEntry[]> {
    return this.dataSource
      .getRepository(RecordEntry)
      .createQueryBuilder('e')
      .where('e.community_id = :communityId AND e.seq > :after', { communityId, after: afterSeq.toString() })
      .orderBy('e.seq', 'ASC')
      .limit(limit)
      .getMany();
  }

  async verify(communityId: string): Promise<ChainVerdict> {
    const verifier = new ChainVerifier();
    let after = 0n;
    for (;;) {
      const batch = await this.list(communityId, after, VERIFY_BATCH);
      if (batch.length === 0) break;
      const intact = verifier.feed(batch.map((e) => ({ ...e, seq: BigInt(e.seq) })));
      if (!intact || batch.length < VERIFY_BATCH) break;
      after = BigInt(batch[batch.length - 1].seq);
    }
    return verifier.verdict();
  }
}
