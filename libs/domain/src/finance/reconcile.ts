/**
 * Bank reconciliation: every ledger entry of the period should appear on the
 * account's statement with the same signed amount, within a few days, and the
 * bank statement should hold nothing else. Pure and deterministic.
 */
export interface LedgerItem {
  id: string;
  date: string;
  signedFen: bigint;
  reference: string | null;
}

export interface BankItem {
  id: string;
  date: string;
  signedFen: bigint;
  reference: string | null;
}

export interface Reconciliation {
  matched: { ledgerId: string; bankId: string }[];
  unmatchedLedger: string[];
  unmatchedBank: string[];
}

const DAY = 86_400_000;

function dayDistance(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY;
}

/**
 * Pairs entries one to one: same amount, at most `toleranceDays` apart;
 * among candidates a matching reference wins, then the nearest date, then
 * the earliest line, so the result never depends on input order by chance.
 */
export function reconcile(ledger: readonly LedgerItem[], bank: readonly BankItem[], toleranceDays = 3): Reconciliation {
  const freeBank = new Set(bank.map((b) => b.id));
  const matched: Reconciliation['matched'] = [];
  const unmatchedLedger: string[] = [];
  const sortedLedger = [...ledger].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  for (const entry of sortedLedger) {
    const candidates = bank
      .filter((b) => freeBank.has(b.id) && b.signedFen === entry.signedFen && dayDistance(b.date, entry.date) <= toleranceDays)
      .sort(
        (a, b) =>
          Number(b.reference !== null && b.reference === entry.reference) -
            Number(a.reference !== null && a.reference === entry.reference) ||
          dayDistance(a.date, entry.date) - dayDistance(b.date, entry.date) ||
          a.date.localeCompare(b.date) ||
          a.id.localeCompare(b.id),
      );
    const pick = candidates[0];
    if (pick) {
      freeBank.delete(pick.id);
      matched.push({ ledgerId: entry.id, bankId: pick.id });
    } else {
      unmatchedLedger.push(entry.id);
    }
  }
  return { matched, unmatchedLedger, unmatchedBank: bank.filter((b) => freeBank.has(b.id)).map((b) => b.id) };
}

/** The bank may sign off only when every difference on either side carries an explanation. */
export function unexplained(result: Reconciliation, explained: ReadonlySet<string>): string[] {
  return [...result.unmatchedLedger, ...result.unmatchedBank].filter((id) => !explained.has(id));
}
