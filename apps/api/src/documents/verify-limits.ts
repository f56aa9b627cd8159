import { Invalid } from '../common/app-error';

/**
 * Upload limit of POST /api/verify (multer refuses more with 413 before any parsing). Our sealed documents
 * (subset fonts) stay far below; receiving the upload is the part of a check that remains on the event loop.
 */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;
/** Our documents carry two seals; room for timestamps and a few incremental updates, not for 1,000. */
export const MAX_SIGNATURES = 8;
/** Hex characters of one signature's /Contents: 128 KiB of CMS holds certificates, a timestamp and a CRL. */
export const MAX_CONTENTS_HEX = 256 * 1024;

const BYTE_RANGE = Buffer.from('/ByteRange');
const CONTENTS = Buffer.from('/Contents');

function count(bytes: Buffer, needle: Buffer, stopAfter: number): number {
  let n = 0;
  for (let at = bytes.indexOf(needle); at >= 0 && n <= stopAfter; at = bytes.indexOf(needle, at + needle.length)) n++;
  return n;
}

/**
 * A cheap look at the raw bytes (a few indexOf passes, no parsing) that refuses the files whose checking would
 * cost more than any genuine document: too many signatures or oversized signature contents.
 */
export function prescanPdf(bytes: Buffer): void {
  assertPdfHeader(bytes);
  if (count(bytes, BYTE_RANGE, MAX_SIGNATURES) > MAX_SIGNATURES)
    throw new Invalid(`文件中的签章超过 ${MAX_SIGNATURES} 个，不予验证 (too many signatures)`, 'too_many_signatures');
  let hexStrings = 0;
  let from = 0;
  for (let at = bytes.indexOf(CONTENTS, from); at >= 0; at = bytes.indexOf(CONTENTS, from)) {
    let i = at + CONTENTS.length;
    from = i;
    while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
    if (bytes[i] !== 0x3c || bytes[i + 1] === 0x3c) continue; // an object reference or a dictionary, not a signature
    if (++hexStrings > MAX_SIGNATURES)
      throw new Invalid(`文件中的签章超过 ${MAX_SIGNATURES} 个，不予验证 (too many signatures)`, 'too_many_signatures');
    const end = bytes.indexOf(0x3e, i);
    const length = (end < 0 ? bytes.length : end) - i - 1;
    if (length > MAX_CONTENTS_HEX)
      throw new Invalid('文件中的签章数据过大，不予验证 (signature contents too large)', 'signature_too_large');
    if (end < 0) break;
    from = end + 1;
  }
}

/** The one not-a-PDF message, whichever check (pre-check or verifier) finds it first. */
export const NOT_PDF_MESSAGE = '上传的文件不是 PDF 文件，无法验章。请上传盖章文书的 PDF 原件。';

export function assertPdfHeader(bytes: Buffer): void {
  if (bytes.length < 8 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Invalid(NOT_PDF_MESSAGE, 'not_pdf');
}
