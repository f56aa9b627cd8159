/**
 * Reads a ZIP's central directory (the index at the end of the file, no decompression) and refuses archives
 * whose entries would expand beyond what a roster can need: a 941 KiB XLSX expanding to 237 MiB used to take
 * the process to 1.24 GB. The streaming reader (roster-file.parser.ts) stops at the row limit on top of this.
 */
export const MAX_XLSX_UNCOMPRESSED = 64 * 1024 * 1024;
export const MAX_XLSX_ENTRIES = 2000;

export type ZipCheck = { ok: true } | { ok: false; reason: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function checkZipLimits(zip: Buffer, maxUncompressed = MAX_XLSX_UNCOMPRESSED): ZipCheck {
  const unreadable: ZipCheck = { ok: false, reason: '无法读取 Excel 文件 (not a valid .xlsx file)' };
  // The end-of-central-directory record is the last 22 bytes plus an optional comment of up to 64 KiB.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return unreadable;
  const entries = zip.readUInt16LE(eocd + 10);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) return { ok: false, reason: 'Excel 文件过大 (ZIP64 archives are not accepted)' };
  if (entries > MAX_XLSX_ENTRIES) return { ok: false, reason: `Excel 文件内部条目过多 (more than ${MAX_XLSX_ENTRIES} entries)` };
  let at = cdOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return unreadable;
    const uncompressed = zip.readUInt32LE(at + 24);
    if (uncompressed === 0xffffffff) return { ok: false, reason: 'Excel 文件过大 (ZIP64 archives are not accepted)' };
    total += uncompressed;
    if (total > maxUncompressed)
      return {
        ok: false,
        reason: `Excel 文件解压后超过 ${Math.round(maxUncompressed / 1024 / 1024)} MB，请拆分或另存为 CSV (expands beyond the limit)`,
      };
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return { ok: true };
}
