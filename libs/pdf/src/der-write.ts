/**
 * A minimal DER writer (the counterpart of der.ts): enough to build CMS SignedData, RFC 3161 time-stamp
 * requests/responses and CRLs byte by byte, so what is signed is exactly what is sent.
 */

function lengthBytes(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return Buffer.from([0x80 | out.length, ...out]);
}

export function tlv(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), lengthBytes(body.length), body]);
}

export const seq = (...parts: Buffer[]) => tlv(0x30, ...parts);
export const set = (...parts: Buffer[]) => tlv(0x31, ...parts);
/** SET OF in DER order (elements sorted by their encodings), as verifiers that re-encode expect. */
export const sortedSet = (...parts: Buffer[]) => tlv(0x31, ...[...parts].sort(Buffer.compare));
export const octets = (b: Buffer) => tlv(0x04, b);
export const nullValue = () => Buffer.from([0x05, 0x00]);
export const bool = (v: boolean) => Buffer.from([0x01, 0x01, v ? 0xff : 0x00]);
export const ia5 = (s: string) => tlv(0x16, Buffer.from(s, 'latin1'));
export const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));
/** [n] constructed (EXPLICIT, or IMPLICIT of a constructed type). */
export const ctx = (n: number, ...parts: Buffer[]) => tlv(0xa0 | n, ...parts);
/** [n] primitive IMPLICIT. */
export const ctxPrimitive = (n: number, body: Buffer) => tlv(0x80 | n, body);

/** INTEGER from a number, or from big-endian magnitude bytes (made positive and minimal). */
export function int(v: number | Buffer): Buffer {
  let bytes: Buffer;
  if (typeof v === 'number') {
    const out: number[] = [];
    let n = v;
    do {
      out.unshift(n & 0xff);
      n = Math.floor(n / 256);
    } while (n > 0);
    bytes = Buffer.from(out);
  } else {
    let i = 0;
    while (i < v.length - 1 && v[i] === 0) i++;
    bytes = v.subarray(i);
  }
  if (bytes.length === 0) bytes = Buffer.from([0]);
  if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map((p) => BigInt(p));
  const arcs = [parts[0] * 40n + parts[1], ...parts.slice(2)];
  const out: number[] = [];
  for (const arc of arcs) {
    const chunk: number[] = [];
    let v = arc;
    do {
      chunk.unshift(Number(v & 0x7fn));
      v >>= 7n;
    } while (v > 0n);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i] |= 0x80;
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** GeneralizedTime YYYYMMDDHHMMSSZ (whole seconds, UTC). */
export function generalizedTime(d: Date): Buffer {
  const s = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
  return tlv(0x18, Buffer.from(s, 'latin1'));
}

/** GeneralizedTime with milliseconds when there are any (YYYYMMDDHHMMSS.fffZ, trailing zeros dropped as DER asks). */
export function generalizedTimeMs(d: Date): Buffer {
  const whole = generalizedTime(d).subarray(2).toString('latin1').slice(0, -1);
  const ms = String(d.getUTCMilliseconds()).padStart(3, '0').replace(/0+$/, '');
  return tlv(0x18, Buffer.from(`${whole}${ms ? `.${ms}` : ''}Z`, 'latin1'));
}

/** UTCTime before 2050, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
export function time(d: Date): Buffer {
  if (d.getUTCFullYear() >= 2050) return generalizedTime(d);
  const s = `${pad(d.getUTCFullYear() % 100)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(s, 'latin1'));
}

/** AlgorithmIdentifier with NULL parameters (RSA and digest algorithms). */
export const algorithm = (dotted: string) => seq(oid(dotted), nullValue());
