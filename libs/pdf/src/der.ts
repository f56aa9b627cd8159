/**
 * A minimal DER reader (single-byte tags, definite lengths): enough to walk CMS SignedData and keep the
 * exact bytes of each element, which signature checks need (re-encoding could change them).
 */
export interface Tlv {
  /** Full identifier octet, e.g. 0x30 SEQUENCE, 0xa0 [0] constructed. */
  tag: number;
  start: number;
  headerLength: number;
  length: number;
  end: number;
}

export function readTlv(buf: Buffer, offset = 0): Tlv {
  if (offset + 2 > buf.length) throw new Error('DER: truncated');
  const tag = buf[offset];
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: multi-byte tags are not supported');
  let length = buf[offset + 1];
  let headerLength = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new Error('DER: unsupported length');
    if (offset + 2 + count > buf.length) throw new Error('DER: truncated');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[offset + 2 + i];
    headerLength += count;
  }
  const end = offset + headerLength + length;
  if (end > buf.length) throw new Error('DER: element runs past the end');
  return { tag, start: offset, headerLength, length, end };
}

export function value(buf: Buffer, t: Tlv): Buffer {
  return buf.subarray(t.start + t.headerLength, t.end);
}

export function raw(buf: Buffer, t: Tlv): Buffer {
  return buf.subarray(t.start, t.end);
}

export function children(buf: Buffer, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let offset = t.start + t.headerLength;
  while (offset < t.end) {
    const child = readTlv(buf, offset);
    out.push(child);
    offset = child.end;
  }
  return out;
}

export function expectTag(t: Tlv | undefined, tag: number, what: string): Tlv {
  if (!t || t.tag !== tag) throw new Error(`DER: expected ${what}`);
  return t;
}

export function decodeOid(bytes: Buffer): string {
  const parts: number[] = [];
  let n = 0;
  for (const byte of bytes) {
    n = n * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(n);
      n = 0;
    }
  }
  const first = parts.shift() ?? 0;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...parts].join('.');
}

/** UTCTime (0x17) or GeneralizedTime (0x18) → Date. */
export function decodeTime(tag: number, bytes: Buffer): Date {
  const s = bytes.toString('latin1');
  const m =
    tag === 0x17
      ? s.match(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/)
      : s.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.(\d+))?Z$/);
  if (!m) throw new Error(`DER: unsupported time "${s}"`);
  let year = Number(m[1]);
  if (tag === 0x17) year += year < 50 ? 2000 : 1900;
  const ms = tag === 0x18 && m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), ms));
}
