/** Shapes of public income, statements and the three-party audit. Money is integer fen as a string ("1200000"). */

export type EntryKind = 'income' | 'cost' | 'transfer';
export type StatementStatus = 'submitted' | 'bank_review' | 'audit_review' | 'approved' | 'returned' | 'superseded' | 'published';
export type AuditStage = 'residents_committee' | 'bank' | 'audit_firm';

export interface LedgerEntry {
  id: string;
  seq: number;
  kind: EntryKind;
  category: string;
  amountFen: string;
  entryDate: string;
  counterparty: string;
  counterpartyKind: 'organisation' | 'person';
  evidenceRef: string | null;
  note: string;
  reversesId: string | null;
  decisionItemId: string | null;
  recordedBy: string;
  createdAt: string;
}

export interface NewLedgerEntry {
  kind: EntryKind;
  category: string;
  amountFen: string;
  entryDate: string;
  counterparty: string;
  counterpartyKind?: 'organisation' | 'person';
  evidenceRef: string;
  note?: string;
  decisionItemId?: string;
}

export interface LedgerQuery {
  from?: string;
  to?: string;
  kind?: EntryKind;
  category?: string;
}

export interface StatementTotals {
  openingFen: string;
  incomeFen: string;
  costFen: string;
  transferFen: string;
  closingFen: string;
}

export interface StatementSummary extends StatementTotals {
  id: string;
  periodStart: string;
  periodEnd: string;
  version: number;
  status: StatementStatus;
  submittedAt: string;
  publishedAt: string | null;
  postedUntil: string | null;
}

export interface StatementLine {
  entryId: string;
  seq: number;
  entryDate: string;
  kind: EntryKind;
  category: string;
  amountFen: string;
  signedFen: string;
  counterparty: string;
  counterpartyKind: string;
  evidenceRef: string | null;
  reversesId: string | null;
  note: string;
}

export interface StatementReview {
  id: string;
  stage: AuditStage;
  reviewerId: string;
  decision: 'approve' | 'findings';
  findings: string;
  createdAt: string;
}

export interface Statement extends StatementSummary {
  lines: StatementLine[];
  byCategory: { kind: EntryKind; category: string; netFen: string }[];
  contentDigest: string;
  compiledBy: string;
  documentId: string | null;
  reviews: StatementReview[];
}

export interface BankLine {
  id: string;
  line: number;
  valueDate: string;
  signedFen: string;
  description: string;
  reference: string | null;
}

export interface Reconciliation {
  statementId: string;
  uploaded: boolean;
  matched: { ledger: StatementLine; bank: BankLine }[];
  unmatchedLedger: { id: string; entry: StatementLine; explanation: string | null }[];
  unmatchedBank: { id: string; line: BankLine; explanation: string | null }[];
  unexplained: string[];
}

export interface PublicStatement extends StatementTotals {
  id: string;
  periodStart: string;
  periodEnd: string;
  version: number;
  publishedAt: string | null;
  postedUntil: string | null;
  documentId: string | null;
}

export interface PublicNotice {
  id: string;
  title: string;
  noticedAt: string | null;
  opensAt: string;
  closesAt: string;
  status: 'noticed' | 'closed';
}

export interface PublicOverview {
  community: { name: string; district: string | null };
  statements: PublicStatement[];
  notices: PublicNotice[];
}
