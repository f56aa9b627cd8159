import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fileDigest, SEAL_KIND_NAME, verifyPdf, type SignatureReport, type VerifyResult } from '@gongyi/pdf';
import { DataSource } from 'typeorm';
import { Invalid, NotFound } from '../common/app-error';
import { DOCUMENT_TYPE_LABELS, type DocumentType } from './document-input';
import { AppliedSeal } from './entities/document-file.entity';
import { RootCaService } from './root-ca.service';

const NUMBER_PATTERN = /GY-[0-9A-F]{8}-\d{4}-\d{6}/;

interface RegisteredRow {
  id: string;
  number: string;
  type: string;
  title: string;
  finalised_at: Date;
  file_sha256: string;
  community_name: string;
  seals: AppliedSeal[];
}

export interface SealCheck {
  sealKind: string | null;
  sealKindLabel: string | null;
  /** The seal the certificate names, e.g. 幸福里小区业主大会章（第三届）. */
  sealName: string;
  subject: string;
  signingTime: string | null;
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rootCa: RootCaService,
  ) {}

  async rootCertificate(): Promise<{ pem: string; fingerprint: string }> {
    const ca = await this.rootCa.ensure();
    return { pem: ca.certPem, fingerprint: ca.fingerprint };
  }

  async verifyUpload(bytes: Buffer) {
    if (bytes.length < 8 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new Invalid('上传的文件不是 PDF (not a PDF file)', 'not_pdf');
    const sha256 = fileDigest(bytes);
    const result = this.check(bytes, await this.rootCa.certPem());
    const [registered] = await this.registered('f.sha256 = $1', [sha256]);
    const claimed = registered ? registered.number : this.claimedNumber(result.signatures);
    const [claimedDocument] = registered || !claimed ? [] : await this.registered('d.number = $1', [claimed]);
    const registeredDoc = registered ?? claimedDocument;
    const signatures = result.signatures.map((s, i) => this.seal(s, registered?.seals[i]));
    const verdict = registered && result.valid ? 'authentic' : result.valid ? 'signatures_valid_not_registered' : 'invalid';
    return {
      sha256,
      verdict,
      signaturesValid: result.valid,
      signatureCount: signatures.length,
      /** The bytes are exactly the registered final file of a document. */
      matchesRegistered: !!registered,
      documentNumber: registeredDoc?.number ?? claimed ?? null,
      document: registeredDoc ? this.summary(registeredDoc) : null,
      signatures,
    };
  }

  async byNumber(number: string) {
    const normalised = number.trim().toUpperCase();
    const [doc] = NUMBER_PATTERN.test(normalised) ? await this.registered('d.number = $1', [normalised]) : [];
    if (!doc) throw new NotFound('已登记的文书 registered document', 'document_not_found');
    const [{ bytes }] = await this.dataSource.query<{ bytes: Buffer }[]>(
      'SELECT bytes FROM document_files WHERE id = (SELECT final_file_id FROM documents WHERE id = $1)',
      [doc.id],
    );
    const result = this.check(bytes, await this.rootCa.certPem());
    return {
      ...this.summary(doc),
      signaturesValid: result.valid && fileDigest(bytes) === doc.file_sha256,
      signatures: result.signatures.map((s, i) => this.seal(s, doc.seals[i])),
    };
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
      `SELECT d.id, d.number, d.type, d.title, d.finalised_at, d.file_sha256, c.name AS community_name, f.seals
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
      appliedBy: applied && applied.kind === s.sealKind ? applied.custodianName : null,
      reason: s.reason ?? null,
      integrity: s.integrity,
      chainTrusted: s.chainTrusted,
      coversWholeFile: s.coversWholeFile,
      valid: s.integrity && s.chainTrusted,
      problems: s.problems,
    };
  }

  /** A tampered copy is not registered; its signature reason still names the number it claims to be. */
  private claimedNumber(signatures: SignatureReport[]): string | undefined {
    for (const s of signatures) {
      const match = s.reason?.match(NUMBER_PATTERN);
      if (match) return match[0];
    }
    return undefined;
  }
}
