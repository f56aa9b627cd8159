import { FONT_BOLD, FONT_REGULAR } from './fonts';
import { drawQrCode } from './qr';

export const VERIFICATION_BLOCK_HEIGHT = 112;

export function verificationUrl(verifyBaseUrl: string, documentNumber: string): string {
  return `${verifyBaseUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(documentNumber)}`;
}

/** Runs `draw` with the page margins zeroed so text in the header/footer area never triggers a page break. */
function inMargins(doc: PDFKit.PDFDocument, draw: () => void): void {
  const margins = { ...doc.page.margins };
  doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
  try {
    draw();
  } finally {
    doc.page.margins = margins;
  }
}

export interface FurnitureInput {
  pageNumber: number;
  pageCount: number;
  title: string;
  communityName: string;
  documentNumber: string;
  left: number;
  /** Optional: 决策记录第 N 条，哈希 … under the footer (the record checkpoint of a sealed document). */
  checkpointLine?: string;
}

/** Header (community · title | 文件编号) and footer (第 x 页 / 共 y 页 | 文件编号) on the current page. */
export function drawPageFurniture(doc: PDFKit.PDFDocument, f: FurnitureInput): void {
  const width = doc.page.width - f.left * 2;
  const headerY = 38;
  const footerY = doc.page.height - 46;
  inMargins(doc, () => {
    doc.save();
    doc.font(FONT_REGULAR).fontSize(8.5).fillColor('#555555');
    doc.text(`${f.communityName} · ${f.title}`, f.left, headerY, { width: width * 0.6, lineBreak: false, ellipsis: true });
    doc.text(`文件编号：${f.documentNumber}`, f.left + width * 0.4, headerY, { width: width * 0.6, align: 'right', lineBreak: false });
    doc
      .moveTo(f.left, headerY + 14)
      .lineTo(f.left + width, headerY + 14)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    doc
      .moveTo(f.left, footerY - 6)
      .lineTo(f.left + width, footerY - 6)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    doc.text(`文件编号：${f.documentNumber}`, f.left, footerY, { width: width / 2, lineBreak: false });
    doc.text(`第 ${f.pageNumber} 页 / 共 ${f.pageCount} 页`, f.left + width / 2, footerY, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
    if (f.checkpointLine) {
      doc.fontSize(6.5).text(f.checkpointLine, f.left, footerY + 12, { width, lineBreak: false, ellipsis: true });
    }
    doc.restore();
  });
}

export interface VerificationInput {
  x: number;
  y: number;
  width: number;
  documentNumber: string;
  verifyBaseUrl: string;
  contentDigest: string;
}

/** QR code to the verification page plus the document number and the 内容摘要 (SHA-256 of canonical content). */
export function drawVerificationBlock(doc: PDFKit.PDFDocument, v: VerificationInput): void {
  const url = verificationUrl(v.verifyBaseUrl, v.documentNumber);
  const qrSize = VERIFICATION_BLOCK_HEIGHT - 8;
  const savedY = doc.y;
  doc.save();
  doc.rect(v.x, v.y, v.width, VERIFICATION_BLOCK_HEIGHT).lineWidth(0.6).strokeColor('#999999').stroke();
  drawQrCode(doc, url, v.x + 4, v.y + 4, qrSize);
  const tx = v.x + qrSize + 14;
  const tw = v.width - qrSize - 22;
  let y = v.y + 8;
  const line = (text: string, font = FONT_REGULAR, size = 8.5) => {
    doc.font(font).fontSize(size).fillColor('#222222');
    doc.text(text, tx, y, { width: tw, lineGap: 1.5 });
    y = doc.y + 2;
  };
  line('文件核验', FONT_BOLD, 10);
  line(`文件编号：${v.documentNumber}`);
  line('内容摘要（SHA-256）：', FONT_REGULAR, 7.5);
  line(v.contentDigest, FONT_REGULAR, 7.5);
  line(`扫码或访问 ${url} 核验本文件。`, FONT_REGULAR, 7.5);
  line(
    '内容摘要为本文件结构化内容（规范化 JSON）的 SHA-256 值；PDF 文件本身的摘要及其电子签章由平台登记，以核验结果为准。',
    FONT_REGULAR,
    7.5,
  );
  doc.restore();
  doc.y = savedY;
}
