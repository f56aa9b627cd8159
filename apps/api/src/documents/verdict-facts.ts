import type { SealKind, VerifyResult } from '@gongyi/pdf';
import { claimedNumber, classifyAppended, verdictFor, type AppendedChange, type Verdict } from '@gongyi/pdf/verdict';
import type { AppliedSeal } from './entities/document-file.entity';

/** Runs SQL and returns rows: a TypeORM DataSource's `query`, or a pg client's `(sql, p) => (await c.query(sql, p)).rows`. */
export type RowQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

export interface RegisteredRow {
  id: string;
  number: string;
  type: string;
  title: string;
  issue_number: string | null;
  finalised_at: Date;
  file_sha256: string;
  community_name: string;
  seals: AppliedSeal[];
  status: 'draft' | 'final';
  required_seals: string[];
}

const SEAL_ORDER: SealKind[] = ['assembly', 'committee'];
const ordered = (kinds: string[]) => SEAL_ORDER.filter((k) => kinds.includes(k));

const REGISTERED = `SELECT d.id, d.number, d.type, d.title, d.issue_number, d.status, d.required_seals, d.finalised_at, d.file_sha256,
         c.name AS community_name, f.seals
  FROM documents d JOIN document_files f ON f.id = d.final_file_id JOIN communities c ON c.id = d.community_id
  WHERE d.status = 'final' AND f.sha256 = $1 LIMIT 1`;
const CLAIMED = `SELECT d.id, d.number, d.type, d.title, d.issue_number, d.status, d.required_seals, d.finalised_at, d.file_sha256,
         c.name AS community_name, coalesce(f.seals, '[]'::jsonb) AS seals
  FROM documents d LEFT JOIN document_files f ON f.id = d.final_file_id JOIN communities c ON c.id = d.community_id
  WHERE d.number = $1 LIMIT 1`;

/**
 * The one verdict for uploaded bytes, from the registry: the API's /verify and `npm run verify` both call this, so
 * the command line prints exactly the verdict the verification page shows.
 */
export async function verdictOf(
  query: RowQuery,
  bytes: Buffer,
  sha256: string,
  /** The signature check; `registeredAt` is when the exact file was registered (it counts as a time for revocation). */
  check: (registeredAt?: Date) => VerifyResult | Promise<VerifyResult>,
  /** Byte scans already done off the event loop (verify-facts.ts); computed here otherwise. */
  facts?: { claimedNumber?: string; appended?: AppendedChange },
): Promise<{
  result: VerifyResult;
  verdict: Verdict;
  registered?: RegisteredRow;
  claimed?: RegisteredRow;
  number?: string;
  revision?: { revision: number; seals: AppliedSeal[] };
}> {
  const [registered] = await query<RegisteredRow>(REGISTERED, [sha256]);
  const result = await check(registered ? new Date(registered.finalised_at) : undefined);
  const last = result.signatures[result.signatures.length - 1];
  const scanned = facts ?? {
    claimedNumber: claimedNumber(bytes, result),
    appended: last && !last.coversWholeFile ? classifyAppended(bytes, last.signedLength) : undefined,
  };
  const number = registered?.number ?? scanned.claimedNumber;
  const [claimed] = registered ? [] : number ? await query<RegisteredRow>(CLAIMED, [number]) : [];
  const [revision] = registered
    ? []
    : await query<{ revision: number; seals: AppliedSeal[] }>(
        'SELECT revision, seals FROM document_files WHERE sha256 = $1 ORDER BY revision LIMIT 1',
        [sha256],
      );
  const doc = registered ?? claimed;
  const verdict = verdictFor({
    result,
    registeredFinal: !!registered,
    claimed: doc ? { number: doc.number, title: doc.title, status: doc.status, requiredSeals: ordered(doc.required_seals) } : undefined,
    storedRevision: revision ? { n: revision.revision, seals: revision.seals.map((x) => x.kind) } : undefined,
    appended: scanned.appended,
  });
  return { result, verdict, registered, claimed, number, revision };
}
