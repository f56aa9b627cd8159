import { createHash } from 'node:crypto';
import { canonicalJson } from '@gongyi/domain/record/canonical-json';

/**
 * 内容摘要: SHA-256 of the document's canonical content. A PDF cannot contain its own hash, so the page
 * shows this digest of the structured input instead; the hash of the final (signed) file is registered
 * server-side and looked up through the verification link.
 *
 * Canonical content = canonicalJson({ type, documentNumber, data }) — the same canonical JSON as the
 * append-only record (keys sorted, bigint as decimal string, Date as ISO string, undefined dropped).
 */
export function canonicalContent(type: string, documentNumber: string, data: unknown): string {
  return canonicalJson({ type, documentNumber, data });
}

/** SHA-256 (hex) of the final PDF file — what the server registers for the verification page. */
export function fileDigest(pdf: Buffer): string {
  return createHash('sha256').update(pdf).digest('hex');
}

export function contentDigest(type: string, documentNumber: string, data: unknown): string {
  return createHash('sha256')
    .update(canonicalContent(type, documentNumber, data), 'utf8')
    .digest('hex');
}
