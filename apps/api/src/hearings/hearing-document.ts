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
}

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
    meetingTitle: s.hearing.title,
    agendaItemTitle: s.itemTitle,
    startedAt: s.heldAt,
    place: s.hearing.place,
    chair: '业主委员会',
    recorder: '业主委员会',
    attendees: s.panel.map((m) => ({
      name: m.name,
      role: m.recused ? `${PANEL_KIND_LABELS[m.kind]}（申报利益冲突：${m.conflict}，回避）` : `评审 · ${PANEL_KIND_LABELS[m.kind]}`,
      present: !m.recused,
    })),
    agenda: [
      `公开开标、唱标（${formatDateTime(s.hearing.openedAt)}）`,
      `评审组按公布的评分标准独立评分（${weights}）`,
      '汇总加权平均分，确定排名与入围投标',
    ],
    discussion: s.minutes,
    opinions: s.ranking.map((r) => ({
      speaker: r.vendorName,
      stance: `第 ${r.rank} 名 · 加权得分 ${r.mean}`,
      content: `报价 ${formatFen(r.amountFen)}，质保 ${r.warrantyMonths} 个月，工期 ${r.deliveryDays} 天；各项平均分：${criteria
        .map((c) => `${c.label} ${r.criteria.find((x) => x.key === c.key)?.mean ?? '—'}`)
        .join('、')}`,
    })),
    outcome: {
      decision: 'advance',
      text: `入围投标：${s.shortlist.map((x) => `第 ${x.rank} 名 ${x.label}`).join('；')}。以上投标作为业主大会表决议案的选项，由业主选定。评审结果自 ${formatDateTime(s.publishedAt)} 起公示，异议期至 ${formatDateTime(s.objectionEndsAt)}。`,
    },
    signatures: s.panel
      .filter((m) => !m.recused)
      .map((m) => ({ name: m.name, role: PANEL_KIND_LABELS[m.kind], confirmedAt: m.scoredAt ?? undefined })),
    issuedAt: s.publishedAt,
  };
}
