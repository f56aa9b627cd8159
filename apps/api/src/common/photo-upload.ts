import { createHash } from 'node:crypto';
import { Invalid } from './app-error';

/** Photos kept as evidence (requests, rectification): one size limit and the types a phone produces. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES: Record<string, string> = { 'image/jpeg': 'image/jpeg', 'image/png': 'image/png', 'image/webp': 'image/webp' };

/** The first bytes must match the declared type (a renamed PDF is not a photo). */
export function looksLikeImage(b: Buffer, mime: string): boolean {
  if (mime === 'image/jpeg') return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
  if (mime === 'image/png') return b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (mime === 'image/webp')
    return b.length > 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP';
  return false;
}

/** An uploaded photo checked for presence and type (4xx in Chinese otherwise), with what is stored of it. */
export function checkedPhoto(
  file: { buffer: Buffer; mimetype: string } | undefined,
  typeCode: string,
): { mime: string; bytes: Buffer; sha256: string; size: number } {
  if (!file || !file.buffer?.length) throw new Invalid('请上传照片（字段 file）', 'file_required');
  const mime = PHOTO_TYPES[file.mimetype];
  if (!mime || !looksLikeImage(file.buffer, mime)) throw new Invalid('照片须为 JPEG、PNG 或 WebP 图片', typeCode);
  return { mime, bytes: file.buffer, sha256: createHash('sha256').update(file.buffer).digest('hex'), size: file.buffer.length };
}
