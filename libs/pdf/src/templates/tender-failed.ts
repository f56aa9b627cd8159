import { contentDigest } from '../content-digest';
import { formatDate, formatDateTime } from '../dates';
import { DocumentWriter } from '../document-writer';
import type { RenderOptions, SealSlots } from '../types';

export interface TenderFailedInput {
  communityName: string;
  hearingTitle: string;
  agendaItemTitle: string;
  place: string;
  openingAt: Date;
  /** Bidders whose sealed bids were received (their bids stay sealed, unopened). */
  bidders: string[];
  /** The least number of valid bids for an opening (3). */
  requiredBids: number;
  publishedAt: Date;
  /** Vendors invited to bid. */
  invited?: string[];
  /** The panel as seated: a member who declared a conflict is shown as 回避 (never 缺席). */
  panel?: { name: string; role: string; recused: boolean; conflict?: string | null }[];
  /** 监督人 (the 居委会). */
  supervisor?: string;
  /** End of the objection period (rulebook objectionDays from publication) and where objections go. */
  objectionEndsAt?: Date;
  objectionChannel?: string;
}

export const TENDER_FAILED_TYPE = 'tender_failed';

/** 流标公告: fewer valid bids than required at the opening; none opened; the matter is tendered again. */
export async function renderTenderFailed(
  input: TenderFailedInput,
  options: RenderOptions,
  slots: SealSlots = ['committee'],
): Promise<Buffer> {
  const w = new DocumentWriter({
    title: '流标公告',
    communityName: input.communityName,
    contentDigest: contentDigest(TENDER_FAILED_TYPE, options.documentNumber, input),
    options,
  });
  w.title(`流标公告：${input.hearingTitle}`, `${input.communityName}业主委员会`);
  w.fields([
    ['议题', input.agendaItemTitle],
    ['开标时间', formatDateTime(input.openingAt)],
    ['开标地点', input.place],
    ['收到投标', `${input.bidders.length} 份（有效投标须不少于 ${input.requiredBids} 份）`],
    ['投标人', input.bidders.length ? input.bidders.join('、') : '无'],
    ...(input.invited?.length ? [['邀请投标', input.invited.join('、')] as [string, string]] : []),
    ...(input.supervisor ? [['监督人', input.supervisor] as [string, string]] : []),
  ]);
  if (input.panel?.length) {
    w.fields([
      [
        '评审组',
        input.panel.map((m) => `${m.name}（${m.role}）${m.recused ? `回避${m.conflict ? `：${m.conflict}` : ''}` : ''}`).join('、'),
      ],
    ]);
  }
  w.paragraph(
    `截至开标时间，本次听证会（公开竞标）收到的投标不足 ${input.requiredBids} 份，依本小区业主大会议事规则，本次招标流标。已收到的投标文件未予开启，继续密封保存，不公开任何报价内容。`,
    { indent: true },
  );
  if (input.objectionEndsAt) {
    w.fields([
      ['异议期', `${formatDateTime(input.publishedAt)} 至 ${formatDateTime(input.objectionEndsAt)}`],
      ['异议渠道', input.objectionChannel ?? '向业主委员会书面提出或通过本平台提交，居委会监督处理'],
    ]);
  } else {
    w.paragraph('对本公告有异议的，可自公告之日起 3 日内向业主委员会书面提出或通过本平台提交，居委会监督处理。', { indent: true });
  }
  w.sealBlock(slots, formatDate(input.publishedAt), undefined, [
    { text: '业主委员会将重新组织招标，新的听证会时间、地点及邀请的投标人另行公告。' },
    { text: '特此公告。' },
  ]);
  return w.finish();
}
