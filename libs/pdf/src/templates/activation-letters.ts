import PDFDocument from 'pdfkit';
import { formatDate } from '../dates';
import { FONT_BOLD, FONT_REGULAR, registerFonts } from '../fonts';
import { drawQrCode } from '../qr';

export interface ActivationLetter {
  ownerName: string;
  /** Unit numbers 楼栋-单元-房号 of the units this owner votes for. */
  units: string[];
  /** The single-use code, printed once; the server keeps only its hash. */
  code: string;
  expiresAt: Date;
}

export interface ActivationLettersInput {
  communityName: string;
  /** Base of the activation page link (PUBLIC_URL). */
  publicUrl: string;
  /** Who to ask for help (e.g. the committee's office hours and the residents' committee). */
  help: string;
  issuedAt: Date;
  letters: ActivationLetter[];
}

export const ACTIVATION_PATH = '/activate';

/** Link printed as a QR code: the code travels in the fragment, which browsers do not send to any server. */
export function activationLink(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${ACTIVATION_PATH}#code=${encodeURIComponent(code)}`;
}

const INK = '#111111';
const MUTED = '#555555';

/**
 * 激活通知书: one A4 page per owner, in one PDF, to print and deliver by hand. Not a registered document
 * (it carries codes, so it is never stored or sealed).
 */
export function renderActivationLetters(input: ActivationLettersInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    margins: { top: 64, bottom: 56, left: 64, right: 64 },
    info: { Title: `${input.communityName} 业主网上账号激活通知书`, Creator: '共议 Gongyi', CreationDate: input.issuedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  for (const letter of input.letters) page(doc, input, letter);
  if (input.letters.length === 0) {
    doc.addPage();
    doc.font(FONT_REGULAR).fontSize(12).text('本批次没有需要发放激活通知书的业主。');
  }
  doc.end();
  return done;
}

function page(doc: PDFKit.PDFDocument, input: ActivationLettersInput, letter: ActivationLetter): void {
  doc.addPage();
  const left = 64;
  const width = doc.page.width - left * 2;
  doc.fillColor(INK).font(FONT_BOLD).fontSize(20).text('业主网上账号激活通知书', left, 64, { width, align: 'center' });
  doc.font(FONT_REGULAR).fontSize(12).fillColor(MUTED).text(input.communityName, { width, align: 'center' });
  doc.moveDown(1.2).fillColor(INK).fontSize(12);
  doc.font(FONT_BOLD).text(`${letter.ownerName} 业主：`, left);
  doc.moveDown(0.4).font(FONT_REGULAR);
  doc.text(`房屋：${letter.units.join('、') || '—'}`, left, doc.y, { width });
  doc.moveDown(0.6);
  doc.text(
    '为便于您在网上参加业主大会表决、查阅小区公告和公共收益，业主委员会为您发放本通知书。' +
      '账号由您本人激活并设置密码，业委会和任何工作人员都不知道您的密码。',
    left,
    doc.y,
    { width, lineGap: 4, indent: 24 },
  );
  doc.moveDown(1);

  const boxTop = doc.y;
  const qrSize = 128;
  doc
    .lineWidth(1)
    .roundedRect(left, boxTop, width, qrSize + 32, 6)
    .stroke('#999999');
  doc
    .fillColor(MUTED)
    .fontSize(11)
    .text('激活码（仅可使用一次）', left + 16, boxTop + 18);
  doc
    .fillColor(INK)
    .font(FONT_BOLD)
    .fontSize(26)
    .text(letter.code, left + 16, boxTop + 40, { characterSpacing: 2 });
  doc
    .font(FONT_REGULAR)
    .fontSize(11)
    .fillColor(INK)
    .text(`有效期至：${formatDate(letter.expiresAt)}`, left + 16, boxTop + 88);
  doc
    .fillColor(MUTED)
    .fontSize(9)
    .text('用手机扫描右侧二维码，或在浏览器打开：', left + 16, boxTop + 112, { width: width - qrSize - 48 });
  doc.text(`${input.publicUrl.replace(/\/+$/, '')}${ACTIVATION_PATH}`, left + 16, doc.y, { width: width - qrSize - 48 });
  drawQrCode(doc, activationLink(input.publicUrl, letter.code), left + width - qrSize - 16, boxTop + 16, qrSize);
  doc.y = boxTop + qrSize + 48;

  doc.fillColor(INK).font(FONT_BOLD).fontSize(12).text('激活步骤', left);
  doc.font(FONT_REGULAR).fontSize(11).moveDown(0.3);
  const steps = [
    '打开激活页面（扫码或输入上面的网址），输入激活码。',
    '输入核验信息：花名册登记手机号的后 4 位，或身份证号的后 6 位。',
    '设置您自己的登录密码（至少 10 位，含字母和数字）。以后用手机号和该密码登录。',
    '已有本平台账号的（例如在其他小区已激活）：先登录，再在激活页面输入激活码关联房屋。',
  ];
  steps.forEach((s, i) => doc.text(`${i + 1}. ${s}`, left + 8, doc.y, { width: width - 8, lineGap: 3 }));
  doc.moveDown(0.8);
  doc.font(FONT_BOLD).fontSize(12).text('请注意', left);
  doc.font(FONT_REGULAR).fontSize(11).moveDown(0.3);
  const notes = [
    '激活码只能使用一次；过期、遗失或被他人使用时，请向业委会申请补发，旧码随即作废。',
    '核验信息连续输错 5 次，激活码作废，需要补发。',
    '请勿把激活码、核验信息或密码告诉任何人；业委会、居委会和物业工作人员不会向您索要。',
  ];
  notes.forEach((s) => doc.text(`· ${s}`, left + 8, doc.y, { width: width - 8, lineGap: 3 }));
  doc.moveDown(0.8);
  doc.font(FONT_BOLD).fontSize(12).text('需要帮助', left);
  doc
    .font(FONT_REGULAR)
    .fontSize(11)
    .moveDown(0.3)
    .text(input.help, left + 8, doc.y, { width: width - 8, lineGap: 3 });
  doc
    .fillColor(MUTED)
    .fontSize(9)
    .text(`${input.communityName}业主委员会 ${formatDate(input.issuedAt)}`, left, doc.page.height - 90, { width, align: 'right' });
}
