/** Shared input types for the PDF templates. All dates are JS Dates; they are printed in Asia/Shanghai time. */

export type SealKind = 'assembly' | 'committee';

/** A seal impression to draw into a reserved slot on the last page (the server adds it just before signing). */
export interface SealImpression {
  kind: SealKind;
  /** Community name, printed along the upper arc, e.g. 「幸福里小区」. */
  communityName: string;
  /** Term (届别) of the body the seal belongs to, printed as 第X届 when present. */
  term?: number;
}

export interface RenderOptions {
  /** Unique document number, printed on every page and used in the verification link. */
  documentNumber: string;
  /** 发文字号 (e.g. 太业委〔2026〕1号), printed under the title and beside the document number. */
  issueNumber?: string;
  /** e.g. https://gongyi.example.cn — the QR code links to `${verifyBaseUrl}/verify/${documentNumber}`. */
  verifyBaseUrl: string;
  /** Written as the PDF's CreationDate/ModDate so the same input renders the same bytes. */
  generatedAt: Date;
  /** Seal impressions to draw; each fills the slot of its kind (a slot is added if the template lacks it). */
  seals?: SealImpression[];
  /**
   * The community record's signed head when the document was sealed: printed as a footer line on every page
   * (决策记录第 N 条，哈希 …) and kept in the PDF metadata, so whoever holds the document holds a checkpoint.
   */
  recordCheckpoint?: { communityId: string; seq: string; hash: string };
  /** When the seals are applied: a notice is dated the day it is sealed (publishing is the sealing). */
  sealedAt?: Date;
  /**
   * The final file of a kind that carries no seal (minutes the attendees confirmed): no 草稿 watermark. Without
   * it, a render without seals is a preview and says so on every page.
   */
  final?: boolean;
}

/** A name that signs (签字) a document, e.g. minutes attendees. */
export interface Signatory {
  name: string;
  role?: string;
}

/** Which issuing bodies a template reserves seal slots for, in print order (at most two). */
export type SealSlots = SealKind[];
