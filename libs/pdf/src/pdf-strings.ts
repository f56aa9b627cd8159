/** PDF text strings: UTF-16BE hex strings for writing, literal/hex decoding for reading signature dictionaries. */

/** `<FEFF…>` UTF-16BE hex string for any text. */
export function pdfHexString(text: string): string {
  const utf16le = Buffer.from(text, 'utf16le');
  return `<FEFF${utf16le.swap16().toString('hex').toUpperCase()}>`;
}

function decodeTextBytes(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = Buffer.from(bytes.subarray(2));
    return body
      .subarray(0, body.length - (body.length % 2))
      .swap16()
      .toString('utf16le');
  }
  return bytes.toString('latin1'); // PDFDocEncoding ≈ Latin-1 for the characters we meet here
}

const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };

/**
 * Reads the PDF string value of `/Key` in a dictionary's source text (literal `(…)` or hex `<…>`),
 * or undefined when the key is absent.
 */
export function readPdfStringValue(dict: Buffer, key: string): string | undefined {
  const re = new RegExp(`/${key}\\s*([(<])`);
  const text = dict.toString('latin1');
  const m = re.exec(text);
  if (!m) return undefined;
  let i = m.index + m[0].length;
  if (m[1] === '<') {
    const close = text.indexOf('>', i);
    return decodeTextBytes(Buffer.from(text.slice(i, close).replace(/\s+/g, ''), 'hex'));
  }
  const out: number[] = [];
  let depth = 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      const next = text[i + 1];
      if (next in ESCAPES) {
        out.push(ESCAPES[next]);
        i += 2;
      } else if (/[0-7]/.test(next)) {
        const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1))![0];
        out.push(parseInt(oct, 8) & 0xff);
        i += 1 + oct.length;
      } else {
        i += 2; // line continuation or unknown escape
      }
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) break;
    out.push(text.charCodeAt(i) & 0xff);
    i++;
  }
  return decodeTextBytes(Buffer.from(out));
}

/** PDF date `D:20260501103000Z` / `D:20260501183000+08'00'` → Date. */
export function parsePdfDate(value: string | undefined): Date | undefined {
  const m = value?.match(/^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|([+-])(\d{2})'?(\d{2})?'?)?/);
  if (!m) return undefined;
  const utc = Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  const offset = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10] ?? 0)) * 60000 : 0;
  return new Date(utc - offset);
}
