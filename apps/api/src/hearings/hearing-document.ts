import type { EntityManager } from 'typeorm';
import { formatDateTime } from '@gongyi/pdf/dates';
import { formatFen } from '@gongyi/pdf/money';
import type { MeetingMinutesInput } from '@gongyi/pdf/templates/minutes';
import { PANEL_KIND_LABELS, type PanelKind } from '@gongyi/domain/hearings/panel';
import type { Criterion } from '@gongyi/domain/hearings/tender';

export interface HearingMinutesSource {
  communityName: string;
  itemTitle: string;
  hearing: { title: string; place: string; openedAt: Date; criteria: Criterion[] };
  heldAt: Date;
  minutes: string;
  publishedAt: Date;
  objectionEndsAt: Date;
  panel: { name: string; kind: PanelKind; recused: boolean; conflict: string | null; scoredAt: Date | null }[];
  ranking: {
    rank: number;
    vendorName: string;
    amountFen: string;
    warrantyMonths: number;
    deliveryDays: number;
    mean: string;
    criteria: { key: string; mean: string }[];
  }[];
  shortlist: { rank: number; label: string }[];
  /** 监督人: the 居委会 (or whoever the committee names) who supervised the opening and the scoring. */
  supervisor: string;
  /** Each sitting judge's own sheet: their score per bid and criterion (printed as annex pages). */
  sheets: { name: string; kind: PanelKind; submittedAt: Date | null; scores: { bidId: string; criterion: string; score: number }[] }[];
  /** Bids in rank order with their ids, so each sheet lists them in the same order as the table. */
  bids: { bidId: string; vendorName: string }[];
}

/** 监督人 by default: the 居委会 staff holding that role in the community today. */
export async function supervisorOf(manager: EntityManager, communityId: string, communityName: string): Promise<string> {
  const rows = await manager.query<{ display_name: string }[]>(
    `SELECT DISTINCT u.display_name FROM role_assignments r JOIN users u ON u.id = r.user_id
      WHERE r.community_id = $1 AND r.role = 'residents_committee' AND r.starts_on <= (SELECT (now() AT TIME ZONE time_zone)::date FROM communities WHERE id = $1)
        AND (r.ends_on IS NULL OR r.ends_on >= (SELECT (now() AT TIME ZONE time_zone)::date FROM communities WHERE id = $1))
      ORDER BY u.display_name`,
    [communityId],
  );
  return rows.length ? `居委会 ${rows.map((r) => r.display_name).join('、')}` : `${communityName}所在社区居民委员会`;
}

export const HEARING_OBJECTION_CHANNEL = '向业主委员会书面提出，或登录本平台在听证会页面提交；居委会监督处理';

/**
 * The hearing's minutes and result as the documents engine's minutes template takes them, so the published
 * result is numbered, rendered and sealed like every other minutes of the chain (the hearing prepares the
 * assembly's choice, hence the assembly stage).
 */
export function hearingMinutesInput(s: HearingMinutesSource): MeetingMinutesInput {
  const criteria = s.hearing.criteria;
  const weights = criteria.map((c) => `${c.label} ${c.weight}%`).join('、');
  return {
    communityName: s.communityName,
    stage: 'assembly_vote',
    stageName: '听证会（公开竞标）',
    documentTitle: `评审结果公示：${s.hearing.title}`,
    meetingTitle: s.hearing.title,
    agendaItemTitle: s.itemTitle,
    startedAt: s.heldAt,
    place: s.hearing.place,
    chair: '业主委员会',
    recorder: '业主委员会',
    attendees: s.panel.map((m) => ({
      name: m.name,
      role: m.recused ? `${PANEL_KIND_LABELS[m.kind]}（回避：申报利益冲突 ${m.conflict}）` : `评审 · ${PANEL_KIND_LABELS[m.kind]}`,
      present: !m.recused,
      recused: m.recused,
    })),
    agenda: [
      `公开开标、唱标（${formatDateTime(s.hearing.openedAt)}）`,
      `评审组按公布的评分标准独立评分（${weights}）`,
      '汇总加权平均分，确定排名与入围投标',
    ],
    discussion: s.minutes,
    extraFields: [
      ['监督人', s.supervisor],
      ['公示期', `${formatDateTime(s.publishedAt)} 至 ${formatDateTime(s.objectionEndsAt)}`],
      ['异议渠道', HEARING_OBJECTION_CHANNEL],
    ],
    annexes: s.sheets.map((sheet) => ({
      title: `评审打分表（${sheet.name}）`,
      fields: [
        ['评审', `${sheet.name}（${PANEL_KIND_LABELS[sheet.kind]}）`],
        ['提交时间', sheet.submittedAt ? formatDateTime(sheet.submittedAt) : '—'],
        ['评分标准', weights],
      ],
      columns: ['投标人', ...criteria.map((c) => `${c.label}（${c.weight}%）`)],
      rows: s.bids.map((b) => [
        b.vendorName,
        ...criteria.map((c) => String(sheet.scores.find((x) => x.bidId === b.bidId && x.criterion === c.key)?.score ?? '—')),
      ]),
    })),
    // The scoring table, not prose: one row per bidder, in rank order.
    scoreTable: {
      // Short headers (the weights are in the title) and widths sized so no name, price or score wraps in its cell.
      title: `评审结果（评分表；评分项权重：${weights}）`,
      columns: ['排名', '投标人', '报价', '质保(月)', '工期(天)', ...criteria.map((c) => c.label), '加权得分'],
      weights: [0.75, 2.0, 1.65, 1.1, 1.1, ...criteria.map(() => 1), 1.05],
      fontSize: 8,
      rows: s.ranking.map((r) => [
        String(r.rank),
        r.vendorName,
        formatFen(r.amountFen),
        String(r.warrantyMonths),
        String(r.deliveryDays),
        ...criteria.map((c) => r.criteria.find((x) => x.key === c.key)?.mean ?? '—'),
        r.mean,
      ]),
    },
    outcome: {
      decision: 'advance',
      text: `入围投标：${s.shortlist.map((x) => `第 ${x.rank} 名 ${x.label}`).join('；')}。以上投标作为业主大会表决议案的选项，由业主选定。评审结果自 ${formatDateTime(s.publishedAt)} 起公示，异议期至 ${formatDateTime(s.objectionEndsAt)}；对评审结果有异议的，可在异议期内向业主委员会书面提出或通过本平台提交，居委会监督处理。`,
    },
    signatures: s.panel
      .filter((m) => !m.recused)
      .map((m) => ({ name: m.name, role: PANEL_KIND_LABELS[m.kind], confirmedAt: m.scoredAt ?? undefined })),
    issuedAt: s.publishedAt,
  };
}
