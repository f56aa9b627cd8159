import { Injectable } from '@nestjs/common';
import { STAGE_LABELS_ZH_ALL, formatZhDateTime, labelOf } from '@gongyi/domain/labels';
import { EntityManager } from 'typeorm';
import type { CommunityRole } from '../identity/roles';
import { NotificationsService } from './notifications.service';

/** Who records each stage of the chain, so the right people hear that an item arrived there. */
const STAGE_ROLE: Record<string, CommunityRole> = {
  party_prediscussion: 'party_secretary',
  joint_meeting: 'committee_director',
  representatives_meeting: 'committee_director',
  committee_resolution: 'committee_director',
  execution: 'property_company',
};

const STATEMENT_ROLE: Record<string, { role: CommunityRole; text: string }> = {
  submitted: { role: 'residents_committee', text: '待居委会审核' },
  bank_review: { role: 'bank_officer', text: '待银行对账' },
  audit_review: { role: 'auditor', text: '待审计机构审计' },
  approved: { role: 'committee_director', text: '已通过三方审核，待公示' },
  returned: { role: 'committee_director', text: '被退回，待修改后重新提交' },
};

/**
 * The in-app messages of events that create work for someone (每个产生待办的事件都通知到人). Each runs in the
 * caller's transaction; the 我的待办 list itself is computed from state (todo/), these only announce it.
 */
@Injectable()
export class WorkNotices {
  constructor(private readonly notifications: NotificationsService) {}

  private async zone(manager: EntityManager, communityId: string): Promise<string> {
    const [row] = await manager.query<{ time_zone: string }[]>('SELECT time_zone FROM communities WHERE id = $1', [communityId]);
    return row?.time_zone ?? 'Asia/Shanghai';
  }

  /** An agenda item reached `stage` (submitted, advanced, resubmitted). */
  async itemAtStage(
    manager: EntityManager,
    item: { id: string; communityId: string; title: string; currentStage: string | null; status: string },
  ) {
    if (item.status !== 'in_stage' || !item.currentStage) return;
    const role = STAGE_ROLE[item.currentStage];
    if (!role) return;
    await this.notifications.notify(manager, {
      communityId: item.communityId,
      role,
      subject: `${labelOf(STAGE_LABELS_ZH_ALL, item.currentStage)}：${item.title}`,
      body: `议题「${item.title}」已到「${labelOf(STAGE_LABELS_ZH_ALL, item.currentStage)}」环节，请办理。`,
      subjectType: 'agenda_item',
      subjectId: item.id,
    });
  }

  /** A statement changed status: the party whose turn it is now is told. */
  async statementAt(
    manager: EntityManager,
    statement: { id: string; communityId: string; periodStart: string; periodEnd: string },
    status: string,
  ) {
    const next = STATEMENT_ROLE[status];
    if (!next) return;
    await this.notifications.notify(manager, {
      communityId: statement.communityId,
      role: next.role,
      subject: `收支报表${next.text}：${statement.periodStart} 至 ${statement.periodEnd}`,
      body: `${statement.periodStart} 至 ${statement.periodEnd} 的公共收益收支报表${next.text}。`,
      subjectType: 'statement',
      subjectId: statement.id,
    });
  }

  /** A clerk entered a paper ballot: another committee member must confirm it. */
  async paperBallotEntered(manager: EntityManager, communityId: string, voteId: string, enteredBy: string) {
    const [vote] = await manager.query<{ id: string; title: string }[]>(
      'SELECT id, title FROM assembly_votes WHERE id = $1 AND community_id = $2',
      [voteId, communityId],
    );
    if (!vote) return;
    const members = await manager.query<{ user_id: string; role: CommunityRole }[]>(
      `SELECT DISTINCT ON (user_id) user_id, role FROM role_assignments
        WHERE community_id = $1 AND role IN ('committee_director', 'committee_member') AND user_id <> $2
          AND starts_on <= (SELECT (now() AT TIME ZONE time_zone)::date FROM communities WHERE id = $1)
          AND (ends_on IS NULL OR ends_on >= (SELECT (now() AT TIME ZONE time_zone)::date FROM communities WHERE id = $1))
        ORDER BY user_id, role`,
      [communityId, enteredBy],
    );
    for (const m of members) {
      await this.notifications.notify(manager, {
        communityId,
        role: m.role,
        userId: m.user_id,
        subject: `纸质表决票待核对：${vote.title}`,
        body: '另一位委员录入了纸质表决票，须由您核对后才能计入。',
        subjectType: 'assembly_vote',
        subjectId: vote.id,
      });
    }
  }

  /** A vendor was invited to a hearing: they are told the deadline. */
  async vendorInvited(
    manager: EntityManager,
    hearing: { id: string; communityId: string; title: string; bidDeadline: Date },
    vendorUserId: string,
  ) {
    const zone = await this.zone(manager, hearing.communityId);
    await this.notifications.notify(manager, {
      communityId: hearing.communityId,
      role: 'vendor',
      userId: vendorUserId,
      subject: `投标邀请：${hearing.title}`,
      body: `您受邀参加听证会「${hearing.title}」，投标截止时间 ${formatZhDateTime(hearing.bidDeadline, zone)}。`,
      subjectType: 'hearing',
      subjectId: hearing.id,
    });
  }

  /** An assembly notice was published: every owner on the roll with an account is told personally. */
  async voteNoticed(manager: EntityManager, vote: { id: string; communityId: string; title: string; opensAt: Date; closesAt: Date }) {
    const zone = await this.zone(manager, vote.communityId);
    await manager.query(
      `INSERT INTO notifications (community_id, recipient_role, recipient_user_id, subject, body, subject_type, subject_id)
       SELECT DISTINCT $1::uuid, 'owner', o.user_id, $2, $3, 'assembly_vote', $4::uuid
         FROM electors e JOIN owners o ON o.id::text = e.voter_key
        WHERE e.vote_id = $4 AND o.user_id IS NOT NULL`,
      [
        vote.communityId,
        `业主大会表决：${vote.title}`,
        `投票时间：${formatZhDateTime(vote.opensAt, zone)} 至 ${formatZhDateTime(vote.closesAt, zone)}。请在投票时间内投票。`,
        vote.id,
      ],
    );
  }

  /** A letter to all owners (sealed notice, result, report, 公示) was published: every owner hears of it, once. */
  async letterPublished(
    manager: EntityManager,
    document: { id: string; communityId: string; number: string; title: string },
    kindLabel: string,
  ) {
    await this.notifications.notify(manager, {
      communityId: document.communityId,
      role: 'owner',
      subject: `新公告：${document.title}`,
      body: `${kindLabel}（文书 ${document.number}）已盖章公布，请在「公告信件」中阅读。`,
      subjectType: 'document',
      subjectId: document.id,
    });
  }

  /**
   * One person, addressed through a role they hold today (notifications are read per role); nothing when they
   * hold none in the community (e.g. an attendee whose role ended).
   */
  async toPerson(
    manager: EntityManager,
    communityId: string,
    userId: string,
    message: { subject: string; body: string; subjectType: string; subjectId?: string },
    preferred?: CommunityRole,
  ): Promise<boolean> {
    const rows = await manager.query<{ role: CommunityRole }[]>(
      `SELECT DISTINCT ra.role FROM role_assignments ra JOIN communities c ON c.id = ra.community_id
        WHERE ra.community_id = $1 AND ra.user_id = $2
          AND ra.starts_on <= (now() AT TIME ZONE c.time_zone)::date AND (ra.ends_on IS NULL OR ra.ends_on >= (now() AT TIME ZONE c.time_zone)::date)
        ORDER BY ra.role`,
      [communityId, userId],
    );
    const held = rows.map((r) => r.role);
    const role = preferred && held.includes(preferred) ? preferred : (held.find((r) => r !== 'owner') ?? held[0]);
    if (!role) return false;
    await this.notifications.notify(manager, { communityId, role, userId, ...message });
    return true;
  }

  /** Minutes were recorded or amended: each attendee with an account is asked to confirm them. */
  async minutesToConfirm(
    manager: EntityManager,
    meeting: { id: string; communityId: string; stage: string; heldAt: Date },
    itemTitle: string,
    userIds: readonly string[],
    amended: boolean,
  ) {
    const stage = labelOf(STAGE_LABELS_ZH_ALL, meeting.stage);
    const when = formatZhDateTime(meeting.heldAt, await this.zone(manager, meeting.communityId));
    for (const userId of new Set(userIds)) {
      await this.toPerson(manager, meeting.communityId, userId, {
        subject: `${amended ? '纪要已修改，请重新确认' : '请确认会议纪要'}：${stage}「${itemTitle}」`,
        body: `您出席了 ${when} 的${stage}（议题「${itemTitle}」）。请在「我的待办」中核对纪要，确认无误或提出意见。`,
        subjectType: 'meeting',
        subjectId: meeting.id,
      });
    }
  }

  /** The recorder entered a paper signature: another committee member must countersign it. */
  async paperSignatureEntered(
    manager: EntityManager,
    meeting: { id: string; communityId: string; stage: string },
    attendeeName: string,
    enteredBy: string,
  ) {
    const members = await manager.query<{ user_id: string }[]>(
      `SELECT DISTINCT ra.user_id FROM role_assignments ra JOIN communities c ON c.id = ra.community_id
        WHERE ra.community_id = $1 AND ra.role IN ('committee_director', 'committee_member') AND ra.user_id <> $2
          AND ra.starts_on <= (now() AT TIME ZONE c.time_zone)::date AND (ra.ends_on IS NULL OR ra.ends_on >= (now() AT TIME ZONE c.time_zone)::date)`,
      [meeting.communityId, enteredBy],
    );
    for (const m of members) {
      await this.toPerson(
        manager,
        meeting.communityId,
        m.user_id,
        {
          subject: `纸面签字待核对：${attendeeName}（${labelOf(STAGE_LABELS_ZH_ALL, meeting.stage)}纪要）`,
          body: `记录人登记了${attendeeName}在纸质纪要上的签字，须由另一位委员核对原件后才算确认。`,
          subjectType: 'meeting',
          subjectId: meeting.id,
        },
        'committee_member',
      );
    }
  }

  /** Times in notification texts: the community's zone, Chinese format. */
  async when(manager: EntityManager, communityId: string, at: Date): Promise<string> {
    return formatZhDateTime(at, await this.zone(manager, communityId));
  }
}
