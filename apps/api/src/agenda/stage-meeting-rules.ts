import { Injectable } from '@nestjs/common';
import { decideCommitteeResolution } from '@gongyi/domain/chain/committee-decision';
import type { RulebookSettings } from '@gongyi/domain/rulebook/rulebook';
import { EntityManager } from 'typeorm';
import { Conflict, Invalid } from '../common/app-error';
import { RecordMeetingDto, StageName } from './dto/agenda.dto';

type Outcome = 'advance' | 'return' | 'reject';

/** The four parties of the joint meeting (四方联席). */
export const JOINT_MEETING_PARTIES = ['党支部', '居委会', '业委会', '物业'];

interface MemberVoteInput {
  userId: string;
  present: boolean;
  vote?: 'yes' | 'no' | 'abstain';
  byProxy?: boolean;
  signed?: boolean;
}

/**
 * What each stage's meeting must contain, and the outcome it may record. The
 * committee resolution's outcome is computed from the members' votes, never typed in.
 */
@Injectable()
export class StageMeetingRules {
  async check(
    manager: EntityManager,
    communityId: string,
    stage: StageName,
    input: RecordMeetingDto,
    rules: RulebookSettings,
  ): Promise<{ outcome: Outcome; details: Record<string, unknown> }> {
    const details = input.details ?? {};
    switch (stage) {
      case 'joint_meeting': {
        const present = new Set(input.attendees.filter((a) => a.present).map((a) => a.party));
        const missing = JOINT_MEETING_PARTIES.filter((p) => !present.has(p));
        if (missing.length)
          throw new Invalid(`联席会议缺少：${missing.join('、')}（须党支部、居委会、业委会、物业四方出席）`, 'joint_meeting_parties');
        if (typeof details.plan !== 'string' || !details.plan.trim())
          throw new Invalid('联席会议须记录议定方案 details.plan', 'plan_required');
        const options = details.options ?? [];
        if (!Array.isArray(options) || options.some((o) => typeof o !== 'string' || !o.trim())) {
          throw new Invalid('details.options 应为文字列表 (list of option texts)', 'invalid_options');
        }
        return { outcome: this.requireOutcome(input), details: { plan: details.plan, options } };
      }
      case 'representatives_meeting': {
        const opinions = details.opinions;
        const valid =
          Array.isArray(opinions) &&
          opinions.length > 0 &&
          opinions.every(
            (o) =>
              o &&
              typeof o.representative === 'string' &&
              Number.isInteger(o.for) &&
              o.for >= 0 &&
              Number.isInteger(o.against) &&
              o.against >= 0 &&
              (o.concerns === undefined || typeof o.concerns === 'string'),
          );
        if (!valid)
          throw new Invalid('须记录居民代表收集的意见 details.opinions: [{representative, for, against, concerns}]', 'opinions_required');
        const totals = (opinions as { for: number; against: number }[]).reduce(
          (t, o) => ({ for: t.for + o.for, against: t.against + o.against }),
          { for: 0, against: 0 },
        );
        return { outcome: this.requireOutcome(input), details: { opinions, totals } };
      }
      case 'committee_resolution':
        return this.committee(manager, communityId, input, details, rules);
      case 'execution': {
        const outcome = this.requireOutcome(input);
        if (outcome !== 'advance')
          throw new Invalid('执行阶段只能验收通过；未完成请继续报告进度 (execution can only be accepted)', 'execution_accept_only');
        return { outcome, details: { accepted: true } };
      }
      default:
        return { outcome: this.requireOutcome(input), details };
    }
  }

  private requireOutcome(input: RecordMeetingDto): Outcome {
    if (!input.outcome) throw new Invalid('请选择会议结果 outcome: advance / return / reject', 'outcome_required');
    return input.outcome;
  }

  /** Members are the committee's role holders today; everyone present votes in person and signs. */
  private async committee(
    manager: EntityManager,
    communityId: string,
    input: RecordMeetingDto,
    details: Record<string, unknown>,
    rules: RulebookSettings,
  ) {
    const members = await manager.query<{ user_id: string; display_name: string }[]>(
      `SELECT DISTINCT ra.user_id, u.display_name FROM role_assignments ra JOIN users u ON u.id = ra.user_id JOIN communities c ON c.id = ra.community_id
       WHERE ra.community_id = $1 AND ra.role IN ('committee_director', 'committee_member')
         AND ra.starts_on <= (now() AT TIME ZONE c.time_zone)::date AND (ra.ends_on IS NULL OR ra.ends_on >= (now() AT TIME ZONE c.time_zone)::date)`,
      [communityId],
    );
    const votes = details.memberVotes as MemberVoteInput[] | undefined;
    if (!Array.isArray(votes)) throw new Invalid('须逐一记录委员出席与表决 details.memberVotes', 'member_votes_required');
    const memberIds = new Set(members.map((m) => m.user_id));
    const unknown = votes.filter((v) => !memberIds.has(v?.userId));
    if (unknown.length) throw new Invalid('表决名单中有人不是现任委员 (not a sitting committee member)', 'not_a_member');
    const listed = new Set(votes.map((v) => v.userId));
    const absentFromList = members.filter((m) => !listed.has(m.user_id));
    if (absentFromList.length || listed.size !== votes.length) {
      throw new Invalid(
        `须逐一记录每位委员（缺：${absentFromList.map((m) => m.display_name).join('、') || '重复'}）`,
        'member_votes_incomplete',
      );
    }
    const unsigned = votes.filter((v) => v.present && v.signed !== true);
    if (unsigned.length) throw new Invalid('出席委员均须签字 (every attending member signs)', 'signature_missing');
    const decision = decideCommitteeResolution({
      memberIds: [...memberIds],
      presentMemberIds: votes.filter((v) => v.present).map((v) => v.userId),
      votes: votes
        .filter((v) => v.present || v.byProxy)
        .map((v) => ({ memberId: v.userId, choice: v.vote ?? 'abstain', byProxy: v.byProxy === true })),
      rule: rules.committeeDecisionRule === 'half_of_all' ? 'national' : 'default',
    });
    if (decision.outcome === 'no_quorum')
      throw new Conflict(`${decision.reasonZh}（会议不足法定人数，不能作出决议）`, 'committee_no_quorum', decision);
    const outcome: Outcome = decision.outcome === 'passed' ? 'advance' : input.outcome === 'return' ? 'return' : 'reject';
    if (outcome !== 'advance' && !input.reason?.trim()) input.reason = decision.reasonZh;
    // The resolution as adopted, printed in the 业委会决议 (documents/document-sources.service.ts).
    const text = typeof details.resolutionText === 'string' ? details.resolutionText.trim() : '';
    if (text.length > 4000) throw new Invalid('决议内容不能超过 4000 字', 'resolution_text_too_long');
    return { outcome, details: { memberVotes: votes, decision, ...(text ? { resolutionText: text } : {}) } };
  }
}
