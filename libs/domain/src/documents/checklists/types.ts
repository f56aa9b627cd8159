import type { DocumentKind } from '../seal-policy';

/**
 * What a document of one kind must say, as practice requires (issue 12 item 2). Patterns are matched against the
 * document's text with all whitespace removed (pdftotext breaks lines and justifies CJK with spaces).
 */
export interface ChecklistItem {
  readonly id: string;
  /** What a reader (a lawyer, the 居委会) looks for, in Chinese. */
  readonly label: string;
  readonly pattern: RegExp;
  /** A line that satisfies the item, as it appears in a rendered document (whitespace removed); the unit test uses it. */
  readonly example: string;
}

/** Facts of the concrete document that decide whether a default phrase would be a contradiction. */
export interface DocumentFacts {
  /** Every member / participant voted the same way (no votes against, no abstentions, nobody absent). */
  unanimous?: boolean;
  /** A statement with no previous statement (its opening balance is the first one). */
  firstStatement?: boolean;
  /** A statement period without any ledger line. */
  noMovements?: boolean;
  /** A seal-log half-year in which no custodian refused. */
  noRefusals?: boolean;
  /** A seal-log half-year in which no seal was applied or refused. */
  noSealUses?: boolean;
}

/** Text that must not appear: default wording that would contradict the record. */
export interface ForbiddenText {
  readonly id: string;
  readonly label: string;
  readonly pattern: RegExp;
  /** The phrase is true — and so allowed — only when this fact holds. */
  readonly allowedWhen?: keyof DocumentFacts;
  /** A phrase the pattern catches, for the unit test. */
  readonly example?: string;
}

export interface Checklist {
  readonly kind: DocumentKind;
  readonly items: readonly ChecklistItem[];
  readonly forbidden?: readonly ForbiddenText[];
  /** Tokens (global patterns) that must never be split over two lines, e.g. document numbers in a narrow column. */
  readonly unbroken?: readonly RegExp[];
}

export interface ChecklistResult {
  missing: ChecklistItem[];
  contradictions: ForbiddenText[];
}

/** Whitespace-free text, the form every pattern is written against. */
export const flatText = (text: string): string => text.replace(/\s+/g, '');

/** Which items a document's text lacks and which contradicting phrases it holds. */
export function checkText(list: Checklist, text: string, facts: DocumentFacts = {}): ChecklistResult {
  const flat = flatText(text);
  return {
    missing: list.items.filter((item) => !item.pattern.test(flat)),
    contradictions: (list.forbidden ?? []).filter((f) => f.pattern.test(flat) && !(f.allowedWhen && facts[f.allowedWhen])),
  };
}

/**
 * Tokens of `list.unbroken` that the text holds only split over lines: found in the whitespace-free text but on no
 * single line of it (pdftotext prints each table cell line on a line of its own).
 */
export function brokenTokens(list: Checklist, text: string): string[] {
  const lines = text.split(/\n|\f/).map((l) => l.replace(/\s+/g, ''));
  const broken = new Set<string>();
  for (const pattern of list.unbroken ?? []) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const [token] of flatText(text).matchAll(global)) if (!lines.some((l) => l.includes(token))) broken.add(token);
  }
  return [...broken];
}
