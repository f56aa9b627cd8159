import { Inject, Injectable } from '@nestjs/common';
import { fileDigest, SEAL_KIND_NAME, verifyPdf, type SignatureReport, type VerifyResult } from '@gongyi/pdf';
import { applyRevocations } from '@gongyi/pdf/verify';
import { DataSource } from 'typeorm';
import { InjectPublicReads } from '../database/public-reads';
import { FILE_STORE, type FileStore, readFile, type StoredFile } from './file-store';
import { DomainError } from '@gongyi/domain/errors';
import { DOCUMENT_TYPE_LABELS, type DocumentType } from './document-input';
import { AppliedSeal } from './entities/document-file.entity';
import { RecordCheckpointsService } from './record-checkpoints.service';
import { RootCaService } from './root-ca.service';
import { CrlService } from './crl.service';
import { TimestampAuthorityService } from './timestamp-authority.service';
import { assertPdfHeader } from './verify-limits';
import { byteFacts, type ByteFacts } from './verify-facts';
import { verdictOf, type RegisteredRow } from './verdict-facts';

const NUMBER_PATTERN = /GY-[0-9A-F]{8}-\d{4}-\d{6}/;

export interface SealCheck {
  sealKind: string | null;
  sealKindLabel: string | null;
  /** The seal the certificate names, e.g. 幸福里小区业主大会章（第三届）. */
  sealName: string;
  subject: string;
  signingTime: string | null;
  /** Time proven by the RFC 3161 timestamp (the signature existed then), when the token is valid. */
  trustedTime: string | null;
  /** The time-stamp authority that stamped it. */
  timestampAuthority: string | null;
  /** A timestamp is attached (valid or not). */
  timestamped: boolean;
  /** The seal was retired (certificate revoked) at this time. */
  revokedAt: string | null;
  /** Why the revocation fails the signature: sealed after retirement, or revoked with no trusted time. */
  revocation: string | null;
  /** Who applied it, from the seal log of the registered document. */
  appliedBy: string | null;
  reason: string | null;
  integrity: boolean;
  chainTrusted: boolean;
  coversWholeFile: boolean;
  valid: boolean;
  problems: string[];
}

/**
 * What a reader of a PDF (or of a document number) can check without logging in: every signature against the
 * deployment root CA, and whether the bytes are exactly the file registered under that number.
 */
@Injectable()
export class VerificationService {
  constructor(
    /** Verification is public: its reads go to the replica when DATABASE_REPLICA_URL is set. */
    @InjectPublicReads() private readonly dataSource: DataSource,
    private readonly rootCa: RootCaService,
    private readonly checkpoints: RecordCheckpointsService,
    private readonly crl: CrlService,
    private readonly tsa: TimestampAuthorityService,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  async rootCertificate(): Promise<{ pem: string; fingerprint: string }> {
    const ca = await this.rootCa.ensure();
    return { pem: ca.certPem, fingerprint: ca.fingerprint };
  }

  /**
   * `checked`, `digest`, `facts`: the signature check, file digest and byte scans already done off the event loop
   * (bounded-verification.service.ts); without them they are computed here.
   */
  async verifyUpload(bytes: Buffer, checked?: VerifyResult, digest?: string, facts?: ByteFacts) {
    assertPdfHeader(bytes);
    const sha256 = digest ?? fileDigest(bytes);
    const revocations = await this.crl.revocations();
    // Retired seals (the CRL) apply to every check, also to one done off the event loop without them. The exact
    // registered file was sealed when it was registered: that time counts for documents sealed before timestamps.
    const { verdict, registered, claimed, number, revision, result } = await verdictOf(
      (sql, params) => this.dataSource.query(sql, params),
      bytes,
      sha256,
      async (registeredAt) => applyRevocations(checked ?? this.check(bytes, await this.tsa.trustPem()), revocations, registeredAt),
      facts,
    );
    const recordHeads = facts?.recordHeads ?? byteFacts(bytes, result).recordHeads;
    const registeredDoc = registered ?? (claimed?.status === 'final' ? claimed : undefined);
    const doc = registered ?? claimed;
    const seals = registered?.seals ?? revision?.seals ?? registeredDoc?.seals;
    const signatures = result.signatures.map((s, i) => this.seal(s, seals?.[i]));
    return {
      sha256,
      verdict: verdict.code,
      ok: verdict.ok,
      headline: verdict.headline,
      detail: verdict.detail,
      revision: verdict.revision ?? null,
      change: verdict.change ?? null,
      signaturesValid: result.valid,
      signatureCount: signatures.length,
      /** The bytes are exactly the registered final file of a document. */
      matchesRegistered: !!registered,
      documentNumber: doc?.number ?? number ?? null,
      document: registeredDoc ? this.summary(registeredDoc) : null,
      signatures,
      // The record head the document was sealed with, and whether today's chain still holds it.
      // Its seals vouch for the head: a file whose seals fail cannot prove anything about the chain.
      recordCheckpoints: await Promise.all(recordHeads.map((head) => this.checkpoints.checkInPdf(head, result.valid))),
    };
  }

  async byNumber(number: string) {
    const doc = await this.finalByNumber(number);
    const bytes = await this.finalBytes(doc.id);
    const result = applyRevocations(this.check(bytes, await this.tsa.trustPem()), await this.crl.revocations(), new Date(doc.finalised_at));
    // Minutes their attendees confirmed carry no seal by policy: the registered bytes are the record.
    const unsealedByPolicy = doc.required_seals.length === 0 && result.signatures.length === 0;
    const valid = (unsealedByPolicy || result.valid) && fileDigest(bytes) === doc.file_sha256;
    return {
      ...this.summary(doc),
      verdict: valid ? 'genuine' : 'changed_after_sealing',
      ok: valid,
      headline: valid
        ? unsealedByPolicy
          ? '已登记的定稿（经全体出席人员确认，无需盖章）'
          : '已登记的盖章定稿'
        : '登记的文件未通过验章，请联系业主委员会',
      detail: unsealedByPolicy
        ? `${doc.community_name}「${doc.title}」（${doc.number}）经全体出席人员确认后定稿，确认人和时间印在签字栏中。可下载登记的定稿与纸质文件比对。`
        : `${doc.community_name}「${doc.title}」（${doc.number}）于登记时加盖${doc.seals.map((s) => s.sealName).join('、')}。可下载登记的定稿与纸质文件比对。`,
      downloadUrl: `/api/verify/${doc.number}/file`,
      signaturesValid: valid,
      signatures: result.signatures.map((s, i) => this.seal(s, doc.seals[i])),
    };
  }

  /** The registered final file, for anyone to compare with a paper copy. */
  async registeredFile(number: string): Promise<{ bytes: Buffer; sha256: string; filename: string }> {
    const doc = await this.finalByNumber(number);
    return { bytes: await this.finalBytes(doc.id), sha256: doc.file_sha256, filename: `${doc.number}.pdf` };
  }

  private async finalByNumber(number: string): Promise<RegisteredRow> {
    const normalised = number.trim().toUpperCase();
    const [doc] = NUMBER_PATTERN.test(normalised) ? await this.registered('d.number = $1', [normalised]) : [];
    if (!doc)
      throw new DomainError(
        'not_found',
        'document_not_found',
        `未找到编号为 ${number.trim().slice(0, 40)} 的已盖章文书。请核对编号（形如 GY-1A2B3C4D-2026-000001）；尚未盖章定稿的文书不能查验。`,
      );
    return doc;
  }

  /** The registered bytes, from the row or the file store; unchecked: the verdict compares their SHA-256 itself. */
  private async finalBytes(documentId: string): Promise<Buffer> {
    const [file] = await this.dataSource.query<StoredFile[]>(
      `SELECT bytes, sha256, stored_in AS "storedIn" FROM document_files WHERE id = (SELECT final_file_id FROM documents WHERE id = $1)`,
      [documentId],
    );
    return readFile(this.files, file, false);
  }

  private check(bytes: Buffer, rootPem: string): VerifyResult {
    try {
      return verifyPdf(bytes, rootPem);
    } catch {
      return { signatures: [], valid: false };
    }
  }

  private registered(where: string, params: unknown[]): Promise<RegisteredRow[]> {
    return this.dataSource.query<RegisteredRow[]>(
      `SELECT d.id, d.number, d.type, d.title, d.issue_number, d.status, d.required_seals, d.finalised_at, d.file_sha256, c.name AS community_name, f.seals
       FROM documents d JOIN document_files f ON f.id = d.final_file_id JOIN communities c ON c.id = d.community_id
       WHERE d.status = 'final' AND ${where} LIMIT 1`,
      params,
    );
  }

  private summary(doc: RegisteredRow) {
    return {
      number: doc.number,
      type: doc.type,
      typeLabel: DOCUMENT_TYPE_LABELS[doc.type as DocumentType] ?? doc.type,
      title: doc.title,
      issueNumber: doc.issue_number,
      communityName: doc.community_name,
      finalisedAt: doc.finalised_at,
      registeredSha256: doc.file_sha256,
      seals: doc.seals.map((s) => ({ kind: s.kind, sealName: s.sealName, appliedBy: s.custodianName, appliedAt: s.appliedAt })),
    };
  }

  private seal(s: SignatureReport, applied?: AppliedSeal): SealCheck {
    return {
      sealKind: s.sealKind ?? null,
      sealKindLabel: s.sealKind ? SEAL_KIND_NAME[s.sealKind] : null,
      sealName: s.signerName,
      subject: s.subject,
      signingTime: s.signingTime?.toISOString() ?? null,
      trustedTime: s.trustedTime ? new Date(s.trustedTime).toISOString() : null,
      timestampAuthority: s.timestamp?.authority || null,
      timestamped: !!s.timestamp,
      revokedAt: s.revokedAt ? new Date(s.revokedAt).toISOString() : null,
      revocation: s.revocation ?? null,
      appliedBy: applied && applied.kind === s.sealKind ? applied.custodianName : null,
      reason: s.reason ?? null,
      integrity: s.integrity,
      chainTrusted: s.chainTrusted,
      coversWholeFile: s.coversWholeFile,
      valid: s.integrity && s.chainTrusted && !s.revocation && s.timestamp?.valid !== false,
      problems: s.problems,
    };
  }
}
