import { Client } from 'pg';
import { objectKey, sha256Of } from '../documents/file-store';

/** What the move needs of the S3 store (S3FileStore): keep bytes under their SHA-256, HEAD their size, read them back. */
export interface MoveTarget {
  readonly kind: 's3';
  put(sha256: string, bytes: Buffer): Promise<void>;
  size(sha256: string): Promise<number | null>;
  get(sha256: string): Promise<Buffer>;
}

export interface MoveSummary {
  /** Files whose bytes were copied to the bucket, checked there and cleared from their row in this run. */
  moved: number;
  /** Files already in the bucket before this run (moved earlier, or written with FILE_STORE=s3). */
  alreadyInStore: number;
  /** Files left in the database: their bytes did not match the row, or the bucket did not give them back intact. */
  failed: { id: string; documentId: string; revision: number; problem: string }[];
}

export interface MoveOptions {
  /** Rows read (with their bytes) per query: memory stays bounded by one batch of PDFs. */
  batchSize?: number;
  /** One line per batch (the command prints them). */
  log?: (line: string) => void;
}

interface Row {
  id: string;
  documentId: string;
  revision: number;
  sha256: string;
  size: number;
  bytes: Buffer;
}

/**
 * npm run files:move-to-s3: copies every document file kept in the database (stored_in = 'database') to the S3
 * bucket under its SHA-256 (the key the store uses), verifies the object there (HEAD size, then a GET whose bytes
 * must hash to the row's SHA-256), and only then marks the row as in S3 and clears its bytes (the one change the
 * document_files trigger allows). Row by row, each its own transaction, in batches by id: an interrupted run
 * resumes where it stopped (a put of bytes already in the bucket is a no-op), and a second run moves nothing.
 * Bytes in the database that no longer hash to their SHA-256 are left where they are and reported, never copied.
 */
export async function moveFilesToS3(url: string, store: MoveTarget, options: MoveOptions = {}): Promise<MoveSummary> {
  const batchSize = options.batchSize ?? 50;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const before = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM document_files WHERE stored_in = 's3'`);
    const summary: MoveSummary = { moved: 0, alreadyInStore: before.rows[0].n, failed: [] };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const { rows } = await client.query<Row>(
        `SELECT id, document_id AS "documentId", revision, sha256, size, bytes FROM document_files
          WHERE stored_in = 'database' AND id > $1 ORDER BY id LIMIT $2`,
        [after, batchSize],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      let movedHere = 0;
      for (const row of rows) {
        const problem = await copyAndCheck(store, row);
        if (problem) {
          summary.failed.push({ id: row.id, documentId: row.documentId, revision: row.revision, problem });
          continue;
        }
        const updated = await client.query(
          `UPDATE document_files SET stored_in = 's3', bytes = NULL WHERE id = $1 AND stored_in = 'database' AND sha256 = $2`,
          [row.id, row.sha256],
        );
        if (updated.rowCount === 1) {
          summary.moved++;
          movedHere++;
        }
      }
      options.log?.(`  本批 ${rows.length} 个文件，迁移 ${movedHere} 个 batch of ${rows.length}: ${movedHere} moved`);
    }
    return summary;
  } finally {
    await client.end();
  }
}

/** Puts the row's bytes into the bucket and reads them back; the reason it must stay in the database, or null. */
async function copyAndCheck(store: MoveTarget, row: Row): Promise<string | null> {
  if (row.bytes.length !== row.size || sha256Of(row.bytes) !== row.sha256) return 'bytes in the database do not match the row';
  try {
    await store.put(row.sha256, row.bytes);
    const size = await store.size(row.sha256);
    if (size !== row.size) return `object ${objectKey(row.sha256)} has size ${size ?? 'none'}, expected ${row.size}`;
    const back = await store.get(row.sha256);
    if (sha256Of(back) !== row.sha256) return `object ${objectKey(row.sha256)} does not hash to its SHA-256`;
    return null;
  } catch (error) {
    return `bucket: ${(error as Error).name}: ${(error as Error).message}`;
  }
}
