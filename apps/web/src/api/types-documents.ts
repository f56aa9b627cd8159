/** Shapes of the seals, documents and verification endpoints (apps/api/src/seals, apps/api/src/documents). */
import type { CommunityRole } from './types';

export type SealKind = 'assembly' | 'committee';
export type DocumentStatus = 'draft' | 'final';
export type SealRequestStatus = 'pending' | 'completed' | 'refused';
export type SourceDocumentType = 'assembly_notice' | 'meeting_minutes' | 'resolution_announcement';

export interface SealCustodian {
  userId: string;
  displayName: string;
  roles: CommunityRole[];
  assignedAt: string;
  endedAt: string | null;
  active: boolean;
}

export interface Seal {
  id: string;
  communityId: string;
  kind: SealKind;
  term: number;
  status: 'active' | 'retired';
  commonName: string;
  serialNumber: string;
  fingerprint: string;
  notBefore: string;
  notAfter: string;
  issuedAt: string;
  retiredAt: string | null;
  retireReason: string | null;
  custodians: SealCustodian[];
}

export interface SealRequest {
  id: string;
  documentId: string;
  documentNumber: string;
  documentTitle: string;
  agendaItemId: string | null;
  decision: string;
  status: SealRequestStatus;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  closedAt: string | null;
  requiredSeals: SealKind[];
  appliedSeals: SealKind[];
}

export interface SealLogEntry {
  id: string;
  sealKind: SealKind;
  sealName: string;
  custodianName: string;
  outcome: 'applied' | 'refused';
  reason: string;
  usedAt: string;
}

export interface SealRequestDetail extends SealRequest {
  log: SealLogEntry[];
}

export interface AppliedSeal {
  kind: SealKind;
  sealId: string;
  sealName: string;
  custodianName: string;
  appliedAt: string;
}

export interface DocumentSummary {
  id: string;
  number: string;
  type: string;
  typeLabel: string;
  title: string;
  sourceType: string;
  sourceId: string | null;
  agendaItemId: string | null;
  status: DocumentStatus;
  requiredSeals: SealKind[];
  fileSha256: string | null;
  createdAt: string;
  finalisedAt: string | null;
}

export interface DocumentRevision {
  id: string;
  revision: number;
  sha256: string;
  size: number;
  seals: AppliedSeal[];
  isFinal: boolean;
  createdAt: string;
}

export interface DocumentDetail extends DocumentSummary {
  revisions: DocumentRevision[];
}

export interface SealCheck {
  sealKind: SealKind | null;
  sealKindLabel: string | null;
  sealName: string;
  subject: string;
  signingTime: string | null;
  appliedBy: string | null;
  reason: string | null;
  integrity: boolean;
  chainTrusted: boolean;
  coversWholeFile: boolean;
  valid: boolean;
  problems: string[];
}

export interface RegisteredDocument {
  number: string;
  type: string;
  typeLabel: string;
  title: string;
  communityName: string;
  finalisedAt: string;
  registeredSha256: string;
  seals: { kind: SealKind; sealName: string; appliedBy: string; appliedAt: string }[];
}

/** POST /verify: a file someone holds. */
export interface UploadVerification {
  sha256: string;
  verdict: 'authentic' | 'signatures_valid_not_registered' | 'invalid';
  signaturesValid: boolean;
  signatureCount: number;
  matchesRegistered: boolean;
  documentNumber: string | null;
  document: RegisteredDocument | null;
  signatures: SealCheck[];
}

/** GET /verify/:number: the registered file itself. */
export interface NumberVerification extends RegisteredDocument {
  signaturesValid: boolean;
  signatures: SealCheck[];
}
