import PDFDocument from 'pdfkit';
import { signPdf } from '@gongyi/pdf/sign';
import { sealFixture } from '@gongyi/pdf/testing/pki-fixture';
import { MAX_CONTENTS_HEX, MAX_PDF_BYTES, MAX_SIGNATURES } from '../apps/api/src/documents/verify-limits';

/** The hex CMS of a real seal signature (certificates embedded), so a crafted file costs a full check. */
async function realSignatureHex(): Promise<string> {
  const fx = sealFixture();
  const tiny = await new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({ size: [100, 100] });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text('x');
    doc.end();
  });
  const signed = await signPdf(tiny, {
    keyPem: fx.committee.keyPem,
    certPem: fx.committee.certPem,
    chainPems: [fx.root.certPem],
    reason: 'bench',
    name: 'bench',
    location: 'bench',
    signingTime: new Date('2026-03-13T02:00:00Z'),
  });
  const text = signed.toString('latin1');
  const m = /\/Contents\s*<([0-9a-fA-F]+)>/.exec(text);
  if (!m) throw new Error('signed sample has no /Contents');
  return m[1];
}

const pad10 = (n: number) => String(n).padStart(10, '0');

/**
 * The most expensive file POST /api/verify accepts: the upload limit in size, the signature limit in count,
 * each signature a real CMS padded to the /Contents limit and covering (almost) the whole file, so every one
 * of them is hashed over ~10 MB and its RSA signature and chain are checked.
 */
export async function worstAllowedPdf(size = MAX_PDF_BYTES - 1024, signatures = MAX_SIGNATURES): Promise<Buffer> {
  const hex = (await realSignatureHex()).padEnd(MAX_CONTENTS_HEX, '0');
  const sigLength = (i: number) =>
    `${i + 1} 0 obj\n<< /Type /Sig /ByteRange [0 ${pad10(0)} ${pad10(0)} ${pad10(0)}] /Contents <${hex}> >>\nendobj\n`.length;
  const tail = Array.from({ length: signatures }, (_, i) => sigLength(i)).reduce((a, b) => a + b, 0);
  const head = '%PDF-1.7\n';
  const fillerLength = size - head.length - tail - '%%EOF\n'.length;
  const parts: Buffer[] = [Buffer.from(head), Buffer.alloc(fillerLength, 0x25)];
  let offset = head.length + fillerLength;
  const sigs: { prefix: string; at: number }[] = [];
  for (let i = 0; i < signatures; i++) {
    const prefix = `${i + 1} 0 obj\n<< /Type /Sig /ByteRange [0 `;
    sigs.push({ prefix, at: offset });
    offset += sigLength(i);
  }
  const total = offset + '%%EOF\n'.length;
  for (const { prefix, at } of sigs) {
    const b = at + prefix.length + `${pad10(0)} ${pad10(0)} ${pad10(0)}] /Contents `.length;
    const c = b + hex.length + 2;
    parts.push(Buffer.from(`${prefix}${pad10(b)} ${pad10(c)} ${pad10(total - c)}] /Contents <${hex}> >>\nendobj\n`, 'latin1'));
  }
  parts.push(Buffer.from('%%EOF\n'));
  const pdf = Buffer.concat(parts);
  if (pdf.length !== total) throw new Error(`crafted PDF length ${pdf.length} != ${total}`);
  return pdf;
}

/** The file of issue 11: ~1 MB, 1,000 /ByteRange entries and one large /Contents. */
export function byteRangeBomb(): Buffer {
  const sig = (i: number) => `${i} 0 obj\n<< /Type /Sig /ByteRange [0 10 20 30] >>\nendobj\n`;
  const entries = Array.from({ length: 1000 }, (_, i) => sig(i + 1)).join('');
  return Buffer.from(`%PDF-1.7\n${entries}99 0 obj\n<< /Contents <${'0'.repeat(900_000)}> >>\nendobj\n%%EOF\n`, 'latin1');
}
