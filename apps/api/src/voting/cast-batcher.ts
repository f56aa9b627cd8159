import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { BatchQueue } from '../common/batch-queue';

/** One cast as cast_ballot takes it (see the CastBallot migration). */
export interface CastCall {
  communityId: string;
  voteId: string;
  channel: 'online' | 'paper' | 'proxy';
  castBy: string;
  electorId: string | null;
  castAt: Date;
  motionIds: string[];
  choices: string[];
  status: 'counted' | 'pending';
  receiptCode: string;
  paperRef: string | null;
  recordAction: string | null;
  recordPayload: unknown;
  recordDigest: string | null;
  /** Per motion: the choice as stored (sealed) and the random nonce its record commitment includes. */
  sealed: string[];
  nonces: string[];
}

export interface CastResult {
  /** A refusal code ('already_voted' for a second ballot), or null when the ballot was recorded. */
  refusal: string | null;
  detail: string | null;
  elector_id: string | null;
  motions: { motionId: string; seq: number; title: string; commitment: string }[] | null;
}

// Casts per call: each is a subtransaction, and PostgreSQL tracks up to 64 per transaction cheaply.
const MAX_BATCH = 48;
const MAX_IN_FLIGHT = 4;

/** One cast, inside the caller's transaction (paper ballots) or on its own. */
export async function castOne(manager: EntityManager, call: CastCall): Promise<CastResult> {
  try {
    const [result] = await manager.query<CastResult[]>(
      `SELECT refusal, detail, elector_id, motions
       FROM cast_ballot($1, $2, $3, $4, $5, $6, $7::uuid[], $8::text[], $9, $10, $11, $12, $13, $14, $15::text[], $16::text[])`,
      [
        call.communityId,
        call.voteId,
        call.channel,
        call.castBy,
        call.electorId,
        call.castAt,
        call.motionIds,
        call.choices,
        call.status,
        call.receiptCode,
        call.paperRef,
        call.recordAction,
        call.recordAction ? JSON.stringify(call.recordPayload) : null,
        call.recordDigest,
        call.sealed,
        call.nonces,
      ],
    );
    return result;
  } catch (error) {
    if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505') {
      return { refusal: 'already_voted', detail: null, elector_id: null, motions: null };
    }
    throw error;
  }
}

/**
 * Group commit for online ballots: casts that arrive while earlier ones are
 * with the database go together in one cast_ballots call, so a busy vote costs
 * one round trip and one commit per batch instead of per ballot. Each cast's
 * reply waits for the commit of its batch; nothing is acknowledged before.
 */
@Injectable()
export class CastBatcher {
  private readonly queue = new BatchQueue<CastCall, CastResult>((calls) => this.castMany(calls), {
    maxBatch: MAX_BATCH,
    maxInFlight: MAX_IN_FLIGHT,
  });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  cast(call: CastCall): Promise<CastResult> {
    return this.queue.push(call);
  }

  private async castMany(calls: CastCall[]): Promise<(CastResult | Error)[]> {
    if (calls.length === 1) return [await castOne(this.dataSource.manager, calls[0])];
    try {
      const rows = await this.dataSource.query<(CastResult & { idx: number })[]>(
        `SELECT idx, refusal, detail, elector_id, motions FROM cast_ballots($1::jsonb)`,
        [JSON.stringify(calls)],
      );
      const byIndex = new Map(rows.map((row) => [row.idx, row]));
      return calls.map((_, i) => byIndex.get(i) ?? new Error(`cast_ballots returned no row for cast ${i}`));
    } catch {
      // The batch rolled back as a whole: cast one by one, so only a cast that fails by itself answers with an error.
      return Promise.all(calls.map((call) => castOne(this.dataSource.manager, call).catch((error: Error) => error)));
    }
  }
}
