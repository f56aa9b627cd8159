import { contentDigest } from '../content-digest';
import { formatDate, formatDateTime } from '../dates';
import { DocumentWriter } from '../document-writer';
import { SEAL_KIND_NAME } from '../seal-impression';
import { drawTable } from '../table';
import type { RenderOptions, SealKind, SealSlots } from '../types';

export interface SealLogEntry {
  usedAt: Date;
  sealKind: SealKind;
  documentNumber: string;
  documentTitle: string;
  /** The decision that authorises the use, e.g. 「2026年第一次业主大会决议（GY-2026-000130）」. */
  authorisation: string;
  requestedBy: string;
  custodian: string;
  /** A refusal is listed too, with its reason (defaults to applied). */
  outcome?: 'applied' | 'refused';
  reason?: string;
}

export interface SealLogReportInput {
  communityName: string;
  /** e.g. 2026年上半年 */
  periodLabel: string;
  periodFrom: Date;
  periodTo: Date;
  entries: SealLogEntry[];
  publishedAt: Date;
}

export const SEAL_LOG_TYPE = 'seal_log';

/** 用章登记 half-year report: every use of the assembly and committee seals in the period. */
export async function renderSealLog(input: SealLogReportInput, options: RenderOptions, slots: SealSlots = ['committee']): Promise<Buffer> {
  const w = new DocumentWriter({
    title: '用章登记公示',
    communityName: input.communityName,
    contentDigest: contentDigest(SEAL_LOG_TYPE, options.documentNumber, input),
    options,
  });
  w.title(`${input.periodLabel}用章登记公示`, `${input.communityName} · ${formatDate(input.periodFrom)} 至 ${formatDate(input.periodTo)}`);
  const applied = input.entries.filter((e) => e.outcome !== 'refused');
  const refused = input.entries.length - applied.length;
  const count = (kind: SealKind) => applied.filter((e) => e.sealKind === kind).length;
  w.paragraph(
    `本期共用章 ${applied.length} 次，其中业主大会章 ${count('assembly')} 次、业主委员会章 ${count('committee')} 次${refused ? `；保管人拒绝用章 ${refused} 次（理由见下表）` : '；无拒绝用章'}。每次用章均载明授权依据与保管人，由保管人操作，并已登记在平台不可篡改的记录中。`,
    { indent: true },
  );
  drawTable(w, {
    columns: [
      { header: '序号', weight: 0.6, align: 'center' },
      { header: '时间', weight: 1.35 },
      { header: '印章', weight: 1.15 },
      // Wide enough that a document number (GY-XXXXXXXX-YYYY-NNNNNN) never breaks over two lines.
      { header: '文件编号 / 名称', weight: 2.3 },
      { header: '授权依据', weight: 1.2 },
      { header: '申请人', weight: 0.75 },
      { header: '保管人', weight: 0.75 },
      { header: '结果', weight: 0.9 },
    ],
    rows: [...input.entries]
      .sort((a, b) => a.usedAt.getTime() - b.usedAt.getTime())
      .map((e, i) => ({
        cells: [
          String(i + 1),
          formatDateTime(e.usedAt),
          SEAL_KIND_NAME[e.sealKind],
          `${e.documentNumber}\n${e.documentTitle}`,
          e.authorisation,
          e.requestedBy,
          e.custodian,
          e.outcome === 'refused' ? `拒绝\n${e.reason ?? ''}` : '已用章',
        ],
      })),
    fontSize: 8,
    emptyText: '本期无用章',
  });
  w.sealBlock(slots, formatDate(input.publishedAt), undefined, [
    { text: `以上为${input.periodLabel}全部用章申请及其结果，共 ${input.entries.length} 项；对登记有异议的，可向业主委员会或居委会提出。` },
    { text: '特此公示。' },
  ]);
  return w.finish();
}
