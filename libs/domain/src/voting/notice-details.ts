import { DomainError } from '../errors';
import {
  earliestVotingOpen,
  formatDateZh,
  localDateOf,
  noticeDaysFor,
  startOfLocalDay,
  type MeetingKind,
  type NoticeRulebook,
} from './notice';

/**
 * The practical part of an assembly notice (业主大会会议公告): where paper ballots go back and by when, how to vote
 * by proxy, when and where the count is, who scrutinises and counts, the 居委会's supervision, when the result is
 * announced, whom to ask, and who gets a copy. Stored on the vote as drafted; what is left empty is filled from
 * the community and the rulebook when printed (noticeDetailsFor).
 */
export interface NoticeDetails {
  paperReturnPlace?: string;
  /** ISO instant; default: the close of voting. */
  paperReturnDeadline?: string;
  proxyProcedure?: string;
  /** ISO instant; default: 09:00 on the day after voting closes (community time). */
  countingAt?: string;
  countingPlace?: string;
  /** 监票人 */
  scrutineers?: string[];
  /** 计票人 */
  tellers?: string[];
  /** 居委会监督 */
  supervision?: string;
  /** ISO instant of the day the result is announced; default: the first working day after counting. */
  resultAnnouncementDate?: string;
  contacts?: { name: string; phone: string }[];
  /** 抄送 */
  copyTo?: string[];
}

export interface NoticeContext {
  communityName: string;
  /** 所在街道/区县, e.g. 杭州市示范街道 */
  district: string;
  closesAt: Date;
  channels: string[];
  proxyCap: number;
  timeZone: string;
}

export type ResolvedNoticeDetails = Required<Omit<NoticeDetails, 'paperReturnDeadline' | 'countingAt' | 'resultAnnouncementDate'>> & {
  paperReturnDeadline: Date;
  countingAt: Date;
  resultAnnouncementDate: Date;
};

const HOUR = 3_600_000;
const clean = (list?: string[]) => (list ?? []).map((s) => s.trim()).filter(Boolean);

/** 社区居民委员会 of the community: named after the community when nothing else is known. */
export const residentsCommitteeOf = (communityName: string) => `${communityName}所在社区居民委员会`;
/** 街道办事处: the district field holds the street (e.g. 杭州市示范街道) where known. */
export const streetOfficeOf = (district: string) =>
  /街道$/.test(district.trim()) ? `${district.trim()}办事处` : `${district.trim() || '所在'}街道办事处`;

function nextWorkingDay(at: Date, timeZone: string): Date {
  const d = localDateOf(at, timeZone);
  let day = startOfLocalDay({ ...d }, timeZone);
  do day = startOfLocalDay(localDateOf(new Date(day.getTime() + 26 * HOUR), timeZone), timeZone);
  while ([0, 6].includes(new Date(day.getTime() + 12 * HOUR).getUTCDay()));
  return day;
}

/** The details as printed: what the draft says, and sensible defaults from the community and the rulebook. */
export function noticeDetailsFor(details: NoticeDetails | null | undefined, ctx: NoticeContext): ResolvedNoticeDetails {
  const d = details ?? {};
  const nextDay = startOfLocalDay(localDateOf(new Date(ctx.closesAt.getTime() + 24 * HOUR), ctx.timeZone), ctx.timeZone);
  const countingAt = d.countingAt ? new Date(d.countingAt) : new Date(nextDay.getTime() + 9 * HOUR);
  const residents = residentsCommitteeOf(ctx.communityName);
  return {
    paperReturnPlace: d.paperReturnPlace?.trim() || `${ctx.communityName}业主委员会办公室（纸质表决票投票箱）`,
    paperReturnDeadline: d.paperReturnDeadline ? new Date(d.paperReturnDeadline) : ctx.closesAt,
    proxyProcedure:
      d.proxyProcedure?.trim() ||
      `业主不能亲自表决的，可书面委托代理人投票：委托书载明委托人房号、受托人姓名和委托事项，由委托人签名，于表决截止前交业主委员会登记，` +
        `经两名委员核对后计入。每名受托人最多接受 ${ctx.proxyCap} 名业主的委托；物业服务企业工作人员不得作为受托人。`,
    countingAt,
    countingPlace: d.countingPlace?.trim() || `${ctx.communityName}业主委员会办公室（公开计票，业主可到场监督）`,
    scrutineers: clean(d.scrutineers),
    tellers: clean(d.tellers),
    supervision: d.supervision?.trim() || `${residents}派员全程监督计票`,
    resultAnnouncementDate: d.resultAnnouncementDate ? new Date(d.resultAnnouncementDate) : nextWorkingDay(countingAt, ctx.timeZone),
    contacts: (d.contacts ?? []).filter((c) => c.name?.trim() || c.phone?.trim()),
    copyTo: clean(d.copyTo).length ? clean(d.copyTo) : [residents, streetOfficeOf(ctx.district)],
  };
}

/** Checks the details against the window: ballots back and counting no earlier than needed, result after counting. */
export function assertNoticeDetails(details: NoticeDetails | null | undefined, opensAt: Date, closesAt: Date): void {
  const d = details ?? {};
  const bad = (message: string) => new DomainError('invalid', 'invalid_notice_details', message);
  // 监票人/计票人 are named people: a name each (2–50 characters), no one twice, and no scrutineer counts the votes
  // they supervise.
  for (const [field, label] of [
    ['scrutineers', '监票人'],
    ['tellers', '计票人'],
  ] as const) {
    const names = d[field] ?? [];
    if (names.some((n) => typeof n !== 'string' || n.trim().length < 2 || n.trim().length > 50))
      throw bad(`${label}须逐一填写姓名（每人 2–50 字）`);
    if (new Set(names.map((n) => n.trim())).size !== names.length) throw bad(`${label}名单中有重复的姓名`);
  }
  const both = (d.scrutineers ?? []).filter((n) => (d.tellers ?? []).some((t) => t.trim() === n.trim()));
  if (both.length) throw bad(`监票人不能同时担任计票人：${both.map((n) => n.trim()).join('、')}`);
  const at = (v: string | undefined) => (v === undefined ? undefined : new Date(v));
  const deadline = at(d.paperReturnDeadline);
  if (deadline && (deadline <= opensAt || deadline > closesAt)) throw bad('纸质表决票交回截止时间须在投票期间内');
  const counting = at(d.countingAt);
  if (counting && counting < closesAt) throw bad('计票时间不能早于投票截止时间');
  const result = at(d.resultAnnouncementDate);
  if (result && result < (counting ?? closesAt)) throw bad('结果公布日期不能早于计票时间');
}

/**
 * Publishing is the sealing: the notice counts from the day it is sealed, so a seal applied later than the notice
 * period before voting opens is refused — the window has to move, not the date on the paper.
 */
export function assertSealedInTime(sealedAt: Date, opensAt: Date, meeting: MeetingKind, rulebook: NoticeRulebook): void {
  const timeZone = rulebook.timeZone ?? 'Asia/Shanghai';
  const earliest = earliestVotingOpen(sealedAt, meeting, rulebook);
  if (opensAt.getTime() >= earliest.getTime()) return;
  const n = noticeDaysFor(meeting, rulebook);
  throw new DomainError(
    'conflict',
    'notice_sealed_too_late',
    `公告用章已来不及：公告以用章之日为发布日，须在投票开始前${n}日用章；投票定于${formatDateZh(opensAt, timeZone)}开始，` +
      `今日（${formatDateZh(sealedAt, timeZone)}）用章则投票最早于${formatDateZh(earliest, timeZone)}开始。` +
      `请拒绝本用章申请，由业主委员会在表决页「调整投票时间」将投票开始时间推迟到${formatDateZh(earliest, timeZone)}或之后，再重新申请用章。`,
    { earliest: earliest.toISOString(), noticeDays: n },
  );
}
