import { MATTER_LABELS_ZH, type MatterCategory } from '@gongyi/domain/voting/matter';
import type { ResolutionAnnouncementInput, ResolutionMotion, ResolutionObjection } from '@gongyi/pdf';
import { EntityManager } from 'typeorm';
import { NotFound } from '../common/app-error';
import { AssemblyVote } from './entities/assembly-vote.entity';
import { Motion } from './entities/motion.entity';
import { TallyRecord } from './entities/tally-record.entity';
import { VoteObjection } from './entities/vote-objection.entity';

const CHANNEL_LABELS: Record<string, string> = { online: '网上投票', paper: '纸质表决票', proxy: '委托代理投票' };

interface StoredTally {
  category: MatterCategory;
  outcome: string;
  reasonZh: string;
  winningOptionId: string | null;
  choices: { choice: string; heads: number; areaHundredths: string }[];
  abstain: { heads: number; areaHundredths: string };
  participation: { heads: number; areaHundredths: string; requiredHeads: number; requiredAreaHundredths: string };
  threshold: { descriptionZh: string; requiredHeads: number | null; requiredAreaHundredths: string | null };
  adjusted: unknown;
}

export const OBJECTION_CHANNEL =
  '本小区业主可在询异期内登录本平台，在「表决结果」页提出异议（可注明所涉房号），或书面向业主委员会提出；业主委员会逐件答复，居委会监督处理，异议及处理情况在表决结果公告中列明。';

/**
 * 监票人/计票人 named on the notice: the notice's details (noticeDetails.scrutineers / .tellers, drafted with the
 * notice) where the vote has them; none otherwise.
 */
function namedOnVote(vote: AssemblyVote, field: 'scrutineers' | 'tellers'): string[] {
  const details = (vote as unknown as { noticeDetails?: Record<string, unknown> }).noticeDetails;
  const value = details?.[field];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

export interface ResultDocumentOptions {
  stage?: 'preliminary' | 'final';
  /** When the document is posted (the close for the preliminary; the issue time for the final). */
  publishedAt?: Date;
  scrutineers?: string[];
  counters?: string[];
}

/**
 * The result announcement's input from what the close stored (tallies, ballots, its record entry) and, for the
 * final announcement, the objections and their handling. Reads through the caller's manager, so the close can
 * register the preliminary result in its own transaction.
 */
export async function resultDocumentInput(
  manager: EntityManager,
  communityId: string,
  voteId: string,
  opts: ResultDocumentOptions = {},
): Promise<ResolutionAnnouncementInput> {
  const vote = await manager.findOneBy(AssemblyVote, { id: voteId, communityId });
  if (!vote || !vote.closedAt) throw new NotFound('已结束的表决 closed vote');
  const [community] = await manager.query<{ name: string }[]>('SELECT name FROM communities WHERE id = $1', [communityId]);
  const motions = await manager.find(Motion, { where: { voteId }, order: { seq: 'ASC' } });
  const records = await manager.findBy(TallyRecord, { voteId });
  const counts = await manager.query<{ motion_id: string; channel: string; status: string; n: number }[]>(
    `SELECT motion_id, channel, status, count(*)::int AS n FROM ballots WHERE vote_id = $1 GROUP BY motion_id, channel, status`,
    [voteId],
  );
  const [closeEntry] = await manager.query<{ seq: string; hash: string; payload: { ballotIssues?: { motionId: string }[] } }[]>(
    `SELECT seq::text, hash, payload FROM record_entries
      WHERE community_id = $1 AND action = 'voting.vote_closed' AND subject_id = $2 ORDER BY seq DESC LIMIT 1`,
    [communityId, voteId],
  );
  const issues = closeEntry?.payload.ballotIssues ?? [];
  const result: ResolutionMotion[] = motions.map((m) => {
    const record = records.find((r) => r.motionId === m.id)!;
    const tally = record.result as unknown as StoredTally;
    const label = (choice: string) =>
      choice === 'yes' ? '同意' : choice === 'no' ? '反对' : `选项「${m.options.find((o) => o.id === choice)?.label ?? choice}」`;
    const passed = tally.outcome === 'passed';
    const mine = counts.filter((c) => c.motion_id === m.id);
    const broken = issues.filter((i) => i.motionId === m.id).length;
    const counted = mine.filter((c) => c.status === 'counted');
    const refused = mine.filter((c) => c.status === 'rejected').reduce((a, c) => a + c.n, 0);
    const unconfirmed = mine.filter((c) => c.status === 'pending').reduce((a, c) => a + c.n, 0);
    const reasons = [
      refused ? `核对未通过的纸质票 ${refused} 张` : '',
      unconfirmed ? `截至表决结束未经第二位委员核对的纸质票 ${unconfirmed} 张` : '',
      broken ? `与决策记录承诺不符的选票 ${broken} 张` : '',
    ].filter(Boolean);
    return {
      title: m.title,
      thresholdText: `${MATTER_LABELS_ZH[tally.category]}：${tally.threshold.descriptionZh}`,
      required:
        tally.threshold.requiredHeads === null
          ? undefined
          : { heads: tally.threshold.requiredHeads, areaHundredths: tally.threshold.requiredAreaHundredths! },
      choices: tally.choices.map((c) => ({ label: label(c.choice), heads: c.heads, areaHundredths: c.areaHundredths })),
      abstain: tally.abstain,
      outcome: passed ? 'passed' : tally.outcome === 'no_quorum' ? 'no_quorum' : 'failed',
      explanation: tally.reasonZh,
      resolutionText: passed ? (tally.winningOptionId ? `通过${label(tally.winningOptionId)}。${m.fullText}` : m.fullText) : undefined,
      ballots: {
        valid: counted.reduce((a, c) => a + c.n, 0) - broken,
        invalid: refused + unconfirmed + broken,
        byChannel: ['online', 'paper', 'proxy']
          .map((ch) => ({ label: CHANNEL_LABELS[ch], count: counted.filter((c) => c.channel === ch).reduce((a, c) => a + c.n, 0) }))
          .filter((c) => c.count > 0),
        invalidReasons: reasons,
      },
    };
  });
  const first = records.find((r) => r.motionId === motions[0].id)!.result as unknown as StoredTally;
  const digests = motions.map((m) => records.find((r) => r.motionId === m.id)!.resultDigest.slice(0, 16)).join('、');
  const objections: ResolutionObjection[] | undefined =
    opts.stage === 'final'
      ? (await manager.find(VoteObjection, { where: { voteId }, order: { filedAt: 'ASC' } })).map((o) => ({
          filedAt: o.filedAt,
          unit: o.unitNumber,
          text: o.text,
          answer: o.answer ?? '',
          answeredAt: o.answeredAt ?? o.filedAt,
        }))
      : undefined;
  return {
    communityName: community.name,
    meetingTitle: vote.title,
    votingOpenedAt: vote.opensAt,
    votingClosedAt: vote.closedAt,
    totals: { heads: vote.totalHeadcount!, areaHundredths: vote.totalAreaHundredths! },
    participation: { heads: first.participation.heads, areaHundredths: first.participation.areaHundredths },
    quorumRequired: { heads: first.participation.requiredHeads, areaHundredths: first.participation.requiredAreaHundredths },
    nonVoterRuleText: first.adjusted ? '按本小区议事规则，未参与表决的业主计入多数意见（见各议案说明）。' : undefined,
    motions: result,
    publishedAt: opts.publishedAt ?? records[0].publishedAt,
    stage: opts.stage,
    counting: {
      countedAt: vote.closedAt,
      method:
        '表决结束时由本平台按全部有效选票（网上票、经第二位委员核对的纸质票、经核对生效的委托票）自动计票，结果不可更改，任何人可申请按选票重新计票比对',
      recordRef: closeEntry
        ? `决策记录第 ${closeEntry.seq} 条（哈希 ${closeEntry.hash.slice(0, 16)}…）；各议案结果摘要 ${digests}`
        : `各议案结果摘要 ${digests}`,
      scrutineers: opts.scrutineers?.length ? opts.scrutineers : namedOnVote(vote, 'scrutineers'),
      counters: opts.counters?.length ? opts.counters : namedOnVote(vote, 'tellers'),
    },
    objectionWindow: vote.objectionEndsAt ? { from: vote.closedAt, until: vote.objectionEndsAt, channel: OBJECTION_CHANNEL } : undefined,
    objections,
  };
}
