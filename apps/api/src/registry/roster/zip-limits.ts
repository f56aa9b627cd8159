import { inflateRawSync } from 'node:zlib';

/**
 * Reads a ZIP's central directory (the index at the end of the file) and refuses archives whose entries would
 * expand beyond what a roster can need: a 941 KiB XLSX expanding to 237 MiB used to take the process to 1.24 GB.
 * The sizes in the directory are only what the file claims, so each entry is then inflated with a hard output cap
 * (zlib's maxOutputLength: never more than what is left of the budget) and must expand to exactly its declared
 * size — an archive that lies about its sizes is refused too. The streaming reader (roster-file.parser.ts) stops
 * at the row limit on top of this.
 */
export const MAX_XLSX_UNCOMPRESSED = 64 * 1024 * 1024;
export const MAX_XLSX_ENTRIES = 2000;

export type ZipCheck = { ok: true } | { ok: false; reason: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

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
  const entriesFound: { method: number; compressed: number; uncompressed: number; localOffset: number }[] = [];
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return unreadable;
    const uncompressed = zip.readUInt32LE(at + 24);
    if (uncompressed === 0xffffffff) return { ok: false, reason: 'Excel 文件过大 (ZIP64 archives are not accepted)' };
    total += uncompressed;
    if (total > maxUncompressed) return tooLarge(maxUncompressed);
    entriesFound.push({
      method: zip.readUInt16LE(at + 10),
      compressed: zip.readUInt32LE(at + 20),
      uncompressed,
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  // What the entries really expand to, never inflating past what is left of the budget.
  let budget = maxUncompressed;
  for (const entry of entriesFound) {
    const local = entry.localOffset;
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) return unreadable;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + entry.compressed > zip.length) return unreadable;
    const data = zip.subarray(start, start + entry.compressed);
    let size: number;
    if (entry.method === 0) size = data.length;
    else if (entry.method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return tooLarge(maxUncompressed);
        return unreadable;
      }
    } else return unreadable;
    if (size !== entry.uncompressed)
      return { ok: false, reason: 'Excel 文件内部大小与声明不符，无法读取 (entry sizes do not match the archive index)' };
    budget -= size;
  }
  return { ok: true };
}

function tooLarge(maxUncompressed: number): ZipCheck {
  return {
    ok: false,
    reason: `Excel 文件解压后超过 ${Math.round(maxUncompressed / 1024 / 1024)} MB，请拆分或另存为 CSV (expands beyond the limit)`,
  };
}
