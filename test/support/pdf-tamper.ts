/**
 * Tampering the way a forger would, for the verifier's tests: incremental updates appended after the last
 * signature (classic xref sections, as pdfkit and @signpdf write), and byte-level damage.
 */

interface Trailer {
  size: number;
  root: string;
  info?: string;
  prev: number;
}

function lastTrailer(pdf: Buffer): Trailer {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('trailer');
  const dict = text.slice(at, text.indexOf('startxref', at));
  const prev = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))![1]);
  return {
    size: Number(/\/Size\s+(\d+)/.exec(dict)![1]),
    root: /\/Root\s+(\d+\s+\d+\s+R)/.exec(dict)![1],
    info: /\/Info\s+(\d+\s+\d+\s+R)/.exec(dict)?.[1],
    prev,
  };
}

/** Appends one incremental update defining `objects` (number → dictionary text), with `info` as the new /Info. */
export function appendUpdate(pdf: Buffer, objects: Map<number, string>, info?: string): Buffer {
  const t = lastTrailer(pdf);
  let body = pdf.toString('latin1').endsWith('\n') ? '' : '\n';
  const offsets = new Map<number, number>();
  for (const [n, dict] of objects) {
    offsets.set(n, pdf.length + Buffer.byteLength(body, 'latin1'));
    body += `${n} 0 obj\n${dict}\nendobj\n`;
  }
  const xrefAt = pdf.length + Buffer.byteLength(body, 'latin1');
  body += 'xref\n0 1\n0000000000 65535 f \n';
  for (const [n, off] of [...offsets].sort((a, b) => a[0] - b[0])) body += `${n} 1\n${String(off).padStart(10, '0')} 00000 n \n`;
  const size = Math.max(t.size, ...[...objects.keys()].map((n) => n + 1));
  body += `trailer\n<< /Size ${size} /Root ${t.root}${info ?? (t.info ? ` /Info ${t.info}` : '')} /Prev ${t.prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(body, 'latin1')]);
}

/** A metadata-only update: a new document info dictionary with another title. */
export function changeMetadata(pdf: Buffer): Buffer {
  const n = lastTrailer(pdf).size;
  return appendUpdate(pdf, new Map([[n, '<< /Title (Changed title) /Producer (someone else) >>']]), ` /Info ${n} 0 R`);
}

/** An update that adds a blank page to the page tree. */
export function addPage(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const pages = [...text.matchAll(/(\d+)\s+0\s+obj\s*(<<(?:(?!endobj)[^])*?\/Type\s*\/Pages(?:(?!endobj)[^])*?>>)\s*endobj/g)].pop()!;
  const pagesNo = Number(pages[1]);
  const n = lastTrailer(pdf).size;
  const dict = pages[2]
    .replace(/\/Kids\s*\[([^\]]*)\]/, (_m, kids: string) => `/Kids [${kids.trim()} ${n} 0 R]`)
    .replace(/\/Count\s+(\d+)/, (_m, c: string) => `/Count ${Number(c) + 1}`);
  return appendUpdate(
    pdf,
    new Map([
      [pagesNo, dict],
      [n, `<< /Type /Page /Parent ${pagesNo} 0 R /MediaBox [0 0 595.28 841.89] /Resources << >> >>`],
    ]),
  );
}

/** Flips one hex digit inside the RSA signature value of the last signature (the CMS still parses). */
export function corruptLastSignature(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const [, b, c] = ranges[ranges.length - 1].slice(1).map(Number);
  const hex = text.slice(b + 1, c - 1).replace(/0+$/, '');
  const at = b + 1 + hex.length - 40;
  const out = Buffer.from(pdf);
  out[at] = out[at] === 0x30 ? 0x31 : 0x30;
  return out;
}

/** Flips one bit in the first content stream (covered by every signature). */
export function flipContentByte(pdf: Buffer): Buffer {
  const out = Buffer.from(pdf);
  const at = out.indexOf('stream') + 200;
  out[at] ^= 0x01;
  return out;
}

/** The file as it stood after its first seal: the bytes the first signature covers (a later seal stripped). */
export function firstRevision(pdf: Buffer): Buffer {
  const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1'))!;
  return pdf.subarray(0, Number(m[3]) + Number(m[4]));
}
