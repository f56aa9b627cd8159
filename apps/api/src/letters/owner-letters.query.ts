import { isOwnerLetter } from '@gongyi/domain/documents/owner-letters';
import { documentKindOf, type DocumentKind } from '@gongyi/domain/documents/seal-policy';
import { DOCUMENT_KIND_LABELS_ZH } from '@gongyi/domain/labels';
import type { DataSource, EntityManager } from 'typeorm';

export interface OwnerLetterRow {
  id: string;
  number: string;
  title: string;
  kind: DocumentKind;
  kindLabel: string;
  finalisedAt: Date;
  readAt: Date | null;
}

/**
 * The sealed documents addressed to all owners of a community, newest first, with when this user first opened each.
 * Which documents are letters is decided by the domain rule (isOwnerLetter) on each document's kind, not in SQL.
 */
export async function ownerLetters(
  db: DataSource | EntityManager,
  communityId: string,
  userId: string,
  options: { since?: Date; limit?: number; documentId?: string } = {},
): Promise<OwnerLetterRow[]> {
  const rows = await db.query<
    {
      id: string;
      number: string;
      title: string;
      type: string;
      source_type: string;
      stage: string | null;
      finalised_at: Date;
      read_at: Date | null;
    }[]
  >(
    `SELECT d.id, d.number, d.title, d.type, d.source_type, d.input->>'stage' AS stage, d.finalised_at, r.read_at
       FROM documents d
       LEFT JOIN document_reads r ON r.document_id = d.id AND r.user_id = $2::uuid
      WHERE d.community_id = $1::uuid AND d.status = 'final' AND d.finalised_at IS NOT NULL
        AND ($3::timestamptz IS NULL OR d.finalised_at >= $3::timestamptz)
        AND ($4::uuid IS NULL OR d.id = $4::uuid)
      ORDER BY d.finalised_at DESC
      LIMIT $5`,
    [communityId, userId, options.since ?? null, options.documentId ?? null, (options.limit ?? 200) * 2],
  );
  const letters: OwnerLetterRow[] = [];
  for (const row of rows) {
    let kind: DocumentKind;
    try {
      kind = documentKindOf({ type: row.type, sourceType: row.source_type, stage: row.stage });
    } catch {
      continue; // a document of no known kind is nobody's letter
    }
    if (!isOwnerLetter(kind)) continue;
    letters.push({
      id: row.id,
      number: row.number,
      title: row.title,
      kind,
      kindLabel: DOCUMENT_KIND_LABELS_ZH[kind] ?? kind,
      finalisedAt: new Date(row.finalised_at),
      readAt: row.read_at ? new Date(row.read_at) : null,
    });
  }
  return letters.slice(0, options.limit ?? 200);
}
