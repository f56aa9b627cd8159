import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createSign } from 'node:crypto';
import {
  CHECKPOINT_FILE_FORMAT,
  checkpointSignatureValid,
  checkpointText,
  keptHeadVerdict,
  type HeadSignature,
  type KeptHeadVerdict,
  type RecordHead,
  type SignedCheckpoint,
} from '@gongyi/domain/record/checkpoint';
import { DataSource, EntityManager } from 'typeorm';
import { NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { RootCaService } from './root-ca.service';

/** Whether today's chain still holds a head someone kept: the entry at that seq has that hash. */
export interface HeadCheck extends RecordHead {
  contained: boolean;
  /** no_such_entry: the record is shorter today; hash_differs: history up to that entry was rewritten. */
  reason?: 'no_such_entry' | 'hash_differs';
}

/** A kept head checked in full: its signature (root key, or the seals of the PDF it came in) and the chain. */
export interface KeptHeadResult extends HeadCheck {
  source: 'checkpoint' | 'pdf';
  signature: HeadSignature;
  verdict: KeptHeadVerdict;
  ok: boolean;
  /** The verdict in Chinese (keptHeadVerdict, the same text the CLI prints). */
  message: string;
}

/**
 * Signed checkpoints of each community's record head. One is made when a document is first sealed (its
 * footer and metadata print it) or when staff publish one; the list is public and downloadable, so a rewrite
 * of history before any of them is caught by whoever kept an older file or document.
 */
@Injectable()
export class RecordCheckpointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rootCa: RootCaService,
    private readonly clock: Clock,
  ) {}

  /** Signs the current head (queued entries chained first), once per document when one is given. */
  async create(manager: EntityManager, communityId: string, documentId: string | null = null): Promise<SignedCheckpoint> {
    if (documentId) {
      const [kept] = await manager.query<Row[]>(`${SELECT} WHERE document_id = $1`, [documentId]);
      if (kept) return toCheckpoint(kept);
    }
    await manager.query('SELECT record_drain($1)', [communityId]);
    const [head] = await manager.query<{ seq: string; hash: string }[]>(
      'SELECT seq::text, hash FROM record_heads WHERE community_id = $1',
      [communityId],
    );
    if (!head) throw new NotFound('小区决策记录 community record');
    const signedAt = this.clock.now().toISOString();
    const { keyPem } = await this.rootCa.keyAndCertificate();
    const unsigned = { communityId, seq: head.seq, hash: head.hash, signedAt };
    const signature = createSign('sha256').update(checkpointText(unsigned)).sign(keyPem, 'base64');
    await manager.query(
      'INSERT INTO record_checkpoints (community_id, seq, hash, signed_at, signature, document_id) VALUES ($1, $2, $3, $4, $5, $6)',
      [communityId, head.seq, head.hash, signedAt, signature, documentId],
    );
    return { ...unsigned, signature };
  }

  async list(communityId: string): Promise<SignedCheckpoint[]> {
    const rows = await this.dataSource.query<Row[]>(`${SELECT} WHERE community_id = $1 ORDER BY seq, signed_at`, [communityId]);
    return rows.map(toCheckpoint);
  }

  /** The downloadable file: every checkpoint and the root certificate that signed them. */
  async file(communityId: string) {
    const [community] = await this.dataSource.query<{ name: string }[]>('SELECT name FROM communities WHERE id = $1', [communityId]);
    if (!community) throw new NotFound('小区 community');
    return {
      format: CHECKPOINT_FILE_FORMAT,
      communityId,
      communityName: community.name,
      downloadedAt: this.clock.now().toISOString(),
      rootCertificatePem: await this.rootCa.certPem(),
      checkpoints: await this.list(communityId),
    };
  }

  async check(head: RecordHead, manager: EntityManager = this.dataSource.manager): Promise<HeadCheck> {
    const [entry] = await manager.query<{ hash: string }[]>('SELECT hash FROM record_entries WHERE community_id = $1 AND seq = $2', [
      head.communityId,
      head.seq,
    ]);
    if (!entry) return { ...head, contained: false, reason: 'no_such_entry' };
    return entry.hash === head.hash ? { ...head, contained: true } : { ...head, contained: false, reason: 'hash_differs' };
  }

  /**
   * A kept checkpoint: the root key's signature when it carries one (signedAt + signature, as in the
   * downloaded file), then the chain. A forged or altered checkpoint is reported as such, not as a rewrite.
   */
  async checkKept(head: RecordHead & { signedAt?: string; signature?: string }): Promise<KeptHeadResult> {
    const signed = head.signature !== undefined || head.signedAt !== undefined;
    const signature: HeadSignature = !signed
      ? 'absent'
      : checkpointSignatureValid({ ...head, signedAt: head.signedAt ?? '' }, await this.rootCa.certPem())
        ? 'valid'
        : 'invalid';
    return this.withVerdict(await this.check(head), 'checkpoint', signature);
  }

  /** A head from an uploaded PDF: its seals vouch for it (sealsValid = every seal valid over the whole file). */
  async checkInPdf(head: RecordHead, sealsValid: boolean): Promise<KeptHeadResult> {
    return this.withVerdict(await this.check(head), 'pdf', sealsValid ? 'valid' : 'invalid');
  }

  private withVerdict(check: HeadCheck, source: 'checkpoint' | 'pdf', signature: HeadSignature): KeptHeadResult {
    const { code, ok, message } = keptHeadVerdict({ ...check, source, signature });
    return { ...check, source, signature, verdict: code, ok, message };
  }
}

interface Row {
  community_id: string;
  seq: string;
  hash: string;
  signed_at: Date;
  signature: string;
}

const SELECT = 'SELECT community_id, seq::text, hash, signed_at, signature FROM record_checkpoints';

function toCheckpoint(r: Row): SignedCheckpoint {
  return { communityId: r.community_id, seq: r.seq, hash: r.hash, signedAt: new Date(r.signed_at).toISOString(), signature: r.signature };
}
