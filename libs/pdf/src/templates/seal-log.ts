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
  const count = (kind: SealKind) => input.entries.filter((e) => e.sealKind === kind).length;
  w.paragraph(
    `本期共用章 ${input.entries.length} 次，其中业主大会章 ${count('assembly')} 次、业主委员会章 ${count('committee')} 次。每次用章均载明授权依据与保管人，由保管人操作，并已登记在平台不可篡改的记录中。`,
    { indent: true },
  );
  drawTable(w, {
    columns: [
      { header: '序号', weight: 0.45, align: 'center' },
      { header: '用章时间', weight: 1.25 },
      { header: '印章', weight: 1.15 },
      { header: '文件编号 / 名称', weight: 2 },
      { header: '授权依据', weight: 1.6 },
      { header: '申请人', weight: 0.7 },
      { header: '保管人', weight: 1.3 },
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
        ],
      })),
    fontSize: 8.5,
    emptyText: '本期无用章',
  });
  w.sealBlock(slots, formatDate(input.publishedAt));
  return w.finish();
}
