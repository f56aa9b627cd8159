import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainFields {
  communityId: string;
  seq: bigint;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  payloadDigest: string;
  prevHash: string;
}

export interface StoredEntry extends Omit<ChainFields, 'payloadDigest'> {
  id: string;
  payload: unknown;
  payloadDigest: string;
  hash: string;
}

export type ChainBreak = 'seq_gap' | 'prev_hash_mismatch' | 'payload_digest_mismatch' | 'hash_mismatch' | 'head_mismatch';

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: string; id: string; reason: ChainBreak };
}

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export function payloadDigest(payload: unknown): string {
  return sha256Hex(canonicalJson(payload));
}

export function entryHash(fields: ChainFields): string {
  return sha256Hex(
    canonicalJson([
      fields.communityId,
      fields.seq,
      fields.occurredAt.toISOString(),
      fields.actorId,
      fields.action,
      fields.subjectType,
      fields.subjectId,
      fields.payloadDigest,
      fields.prevHash,
    ]),
  );
}

/**
 * Walks entries in sequence order, carrying the expected previous hash; feed it
 * batch after batch so a long record never sits in memory at once.
 */
export class ChainVerifier {
  private expectedSeq = 1n;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private broken?: ChainVerdict['firstBroken'];
  private lastId = '';

  feed(entries: Iterable<StoredEntry>): boolean {
    for (const entry of entries) {
      if (this.broken) return false;
      this.checked++;
      const reason = this.check(entry);
      if (reason) {
        this.broken = { seq: entry.seq.toString(), id: entry.id, reason };
        return false;
      }
      this.prevHash = entry.hash;
      this.lastId = entry.id;
      this.expectedSeq++;
    }
    return true;
  }

  /**
   * Compares the walked chain with the community's head (its last seq and hash,
   * kept apart from the entries): a record cut short at its end still chains
   * correctly, but no longer reaches the head.
   */
  checkHead(head: { seq: bigint; hash: string } | undefined): void {
    if (this.broken) return;
    const lastSeq = this.expectedSeq - 1n;
    const matches = head ? head.seq === lastSeq && head.hash === this.prevHash : lastSeq === 0n;
    if (!matches) this.broken = { seq: lastSeq.toString(), id: this.lastId, reason: 'head_mismatch' };
  }

  verdict(): ChainVerdict {
    return { ok: !this.broken, checked: this.checked, ...(this.broken ? { firstBroken: this.broken } : {}) };
  }

  private check(entry: StoredEntry): ChainBreak | undefined {
    if (entry.seq !== this.expectedSeq) return 'seq_gap';
    if (entry.prevHash !== this.prevHash) return 'prev_hash_mismatch';
    if (payloadDigest(entry.payload) !== entry.payloadDigest) return 'payload_digest_mismatch';
    if (entryHash(entry) !== entry.hash) return 'hash_mismatch';
    return undefined;
  }
}

export function verifyChain(entries: Iterable<StoredEntry>): ChainVerdict {
  const verifier = new ChainVerifier();
  verifier.feed(entries);
  return verifier.verdict();
}
