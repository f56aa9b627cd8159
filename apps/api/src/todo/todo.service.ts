import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ROLE_LABELS_ZH, SEAL_KIND_LABELS_ZH, STAGE_LABELS_ZH_ALL, formatZhDateTime, labelOf } from '@gongyi/domain/labels';
import { confirmsMinutes } from '@gongyi/domain/minutes/kinds';
import { DataSource } from 'typeorm';
import type { CommunityRole } from '../identity/roles';
import { LettersService } from '../letters/letters.service';
import { TODO_QUERIES, type TodoRow } from './todo.queries';

export type TodoKind =
  | 'prediscussion'
  | 'committee_stage'
  | 'execution'
  | 'seal_request'
  | 'statement_review'
  | 'statement_publish'
  | 'paper_ballot'
  | 'vote_draft'
  | 'open_vote'
  | 'upcoming_vote'
  | 'objection_window'
  | 'vote_objection_window'
  | 'vote_objection'
  | 'vote_final'
  | 'vendor_bid'
  | 'proxy'
  | 'minutes_confirm'
  | 'minutes_paper'
  | 'minutes_objection'
  | 'rectification'
  | 'rectification_overdue'
  | 'rectification_acceptance'
  | 'request_escalated'
  | 'request_dispatch'
  | 'request_assigned'
  | 'request_rate'
  | 'reception_write_off'
  | 'role_request'
  | 'register_facts'
  | 'owner_letter'
  | 'custody_confirm'
  | 'custody_vacant'
  | 'notification';

export interface TodoItem {
  kind: TodoKind;
  /** What to do, in words: "支部先议：小区东门改造". */
  title: string;
  detail: string;
  /** Path of the web page where the task is done. */
  link: string;
  /** ISO time the work arrived, and its deadline if it has one; `dueText`/`atText` in the community's zone. */
  at: string | null;
  due: string | null;
  atText: string | null;
  dueText: string | null;
}

const COMMITTEE: CommunityRole[] = ['committee_director', 'committee_member'];
/** Stages whose minutes the attendees confirm (seal policy). */
const MINUTES_STAGES = Object.keys(STAGE_LABELS_ZH_ALL).filter(confirmsMinutes);
const REVIEW_STAGE: Partial<Record<CommunityRole, { status: string; label: string }>> = {
  residents_committee: { status: 'submitted', label: '居委会审核' },
  bank_officer: { status: 'bank_review', label: '银行对账' },
  auditor: { status: 'audit_review', label: '审计机构审计' },
};

/** 我的待办: what waits for this person in this community, computed from the state of each piece of work. */
@Injectable()
export class TodoService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly letters: LettersService,
  ) {}

  async forUser(communityId: string, userId: string, roles: CommunityRole[]): Promise<{ count: number; items: TodoItem[] }> {
    const [community] = await this.dataSource.query<{ time_zone: string }[]>('SELECT time_zone FROM communities WHERE id = $1', [
      communityId,
    ]);
    const zone = community?.time_zone ?? 'Asia/Shanghai';
    const has = (...wanted: CommunityRole[]) => roles.some((r) => wanted.includes(r));
    const c = `/c/${communityId}`;
    const items: TodoItem[] = [];
    // Every query takes ($1 community, $2 user) unless it says otherwise.
    const run = async (sql: string, params: unknown[], make: (row: TodoRow) => Omit<TodoItem, 'at' | 'due' | 'atText' | 'dueText'>) => {
      // PostgreSQL refuses a parameter the statement does not use: pass $1…$n exactly.
      const used = Math.max(...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
      const rows = await this.dataSource.query<TodoRow[]>(sql, params.length ? params : [communityId, userId].slice(0, used));
      for (const row of rows) {
        items.push({
          ...make(row),
          at: row.at ? new Date(row.at).toISOString() : null,
          due: row.due ? new Date(row.due).toISOString() : null,
          atText: row.at ? formatZhDateTime(row.at, zone) : null,
          dueText: row.due ? formatZhDateTime(row.due, zone) : null,
        });
      }
    };
    if (has('party_secretary')) {
      await run(TODO_QUERIES.prediscussion, [], (r) => ({
        kind: 'prediscussion',
        title: `支部先议：${r.title}`,
        detail: `${r.detail ?? ''}等待党支部先行讨论并记录会议`,
        link: `${c}/agenda/${r.id}`,
      }));
    }
    if (has(...COMMITTEE)) {
      await run(TODO_QUERIES.committeeStages, [], (r) => ({
        kind: 'committee_stage',
        title:
          r.detail && r.detail in STAGE_LABELS_ZH_ALL
            ? `${labelOf(STAGE_LABELS_ZH_ALL, r.detail)}：${r.title}`
            : `已退回，待修改后重新提交：${r.title}`,
        detail: '请记录本环节会议或修改议题',
        link: `${c}/agenda/${r.id}`,
      }));
      await run(TODO_QUERIES.voteDrafts, [], (r) => ({
        kind: 'vote_draft',
        title: `表决草稿待发布公告：${r.title}`,
        detail: '公告须在投票开始前至少 15 日发布',
        link: `${c}/votes/${r.id}`,
      }));
      await run(TODO_QUERIES.paperBallots, [], (r) => ({
        kind: 'paper_ballot',
        title: `纸质表决票待核对：${r.title}`,
        detail: `另一位委员录入的 ${r.detail} 张表决票，须由您核对后计入`,
        link: `${c}/votes/${r.id}`,
      }));
      await run(TODO_QUERIES.voteObjectionsToAnswer, [], (r) => ({
        kind: 'vote_objection',
        title: `表决结果异议待答复：${r.title}`,
        detail: `${r.detail} 件异议尚未答复，全部答复后才能发布表决结果公告`,
        link: `${c}/votes/${r.id}/objections`,
      }));
      await run(TODO_QUERIES.votesAwaitingFinal, [], (r) => ({
        kind: 'vote_final',
        title: `询异期已满，待发布表决结果公告：${r.title}`,
        detail: '答复全部异议后发布表决结果公告并申请加盖双章',
        link: `${c}/votes/${r.id}/objections`,
      }));
      await run(TODO_QUERIES.proxies, [], (r) => ({
        kind: 'proxy',
        title: `书面委托待核对：${r.title}`,
        detail: `另一位委员登记的 ${r.detail} 份书面委托，须由您核对原件后生效`,
        link: `${c}/votes/${r.id}`,
      }));
      await run(TODO_QUERIES.paperSignatures, [], (r) => ({
        kind: 'minutes_paper',
        title: `纸面签字待核对：${labelOf(STAGE_LABELS_ZH_ALL, r.detail)}「${r.title}」`,
        detail: '记录人登记了无账号与会人员的纸面签字，须由另一位委员核对',
        link: `${c}/meetings/${r.id}/minutes`,
      }));
      await run(TODO_QUERIES.rectificationsToAccept, [], (r) => ({
        kind: 'rectification_acceptance',
        title: `整改事项待验收：${r.title}`,
        detail: `${r.detail ?? ''}，物业已提交完成情况，请核实后验收或退回`,
        link: `${c}/rectifications/${r.id}`,
      }));
      await run(TODO_QUERIES.rectificationsOverdue, [], (r) => ({
        kind: 'rectification_overdue',
        title: `整改事项逾期：${r.title}`,
        detail: `期限 ${r.detail ?? ''} 已过，物业尚未提交完成，请督促`,
        link: `${c}/rectifications/${r.id}`,
      }));
      await run(TODO_QUERIES.statementsToPublish, [], (r) => ({
        kind: 'statement_publish',
        title: `收支报表待公示：${r.title}`,
        detail: `${r.detail ?? ''}已通过三方审核`,
        link: `${c}/statements/${r.id}`,
      }));
    }
    if (has('property_company')) {
      await run(TODO_QUERIES.execution, [], (r) => ({
        kind: 'execution',
        title: `物业执行：${r.title}`,
        detail: `已报告完成 ${r.detail ?? '0'}%，请按时报告执行进度`,
        link: `${c}/agenda/${r.id}`,
      }));
      await run(TODO_QUERIES.rectificationsOpen, [], (r) => ({
        kind: r.detail === 'overdue' ? 'rectification_overdue' : 'rectification',
        title: `${r.detail === 'overdue' ? '整改事项已逾期' : '整改事项'}：${r.title}`,
        detail: r.detail === 'overdue' ? '整改期限已过，请尽快整改并提交完成证据' : '请按期整改，报告进展并提交完成证据',
        link: `${c}/rectifications/${r.id}`,
      }));
    }
    for (const role of roles) {
      const stage = REVIEW_STAGE[role];
      if (!stage) continue;
      await run(TODO_QUERIES.statementsAt, [communityId, stage.status], (r) => ({
        kind: 'statement_review',
        title: `${stage.label}：收支报表 ${r.title}`,
        detail: r.detail ?? '',
        link: `${c}/statements/${r.id}`,
      }));
    }
    // Owners who cannot activate until the residents' committee imports the register's verification facts.
    if (has('residents_committee')) {
      await run(TODO_QUERIES.ownersWithoutFacts, [], (r) => ({
        kind: 'register_facts',
        title: `${r.title} 位业主待导入核验信息`,
        detail: '他们的激活通知书须凭登记的手机号后 4 位或证件号后 6 位核验；请在「业主账号」导入房屋登记核验信息',
        link: `${c}/owner-accounts`,
      }));
    }
    // Role grants the platform admin asked for: the residents' committee confirms (issue 10 §6).
    if (has('residents_committee')) {
      await run(TODO_QUERIES.roleRequests, [], (r) => ({
        kind: 'role_request',
        title: `角色授予待确认：${r.title}（${labelOf(ROLE_LABELS_ZH, r.detail)}）`,
        detail: '平台管理员申请授予，经居委会确认后生效；请核对后确认或驳回',
        link: `${c}/roles`,
      }));
    }
    // Who keeps the seals: the committee seal's custodians by two members, the assembly seal's by the 居委会.
    if (has(...COMMITTEE)) {
      await run(TODO_QUERIES.custodyProposals, [], (r) => ({
        kind: 'custody_confirm',
        title: `请确认：${r.title}保管人`,
        detail: `${r.detail}提出了新的保管人，须由另一名委员确认后生效`,
        link: `${c}/seals`,
      }));
    }
    for (const [kind, holders] of [
      ['assembly', ['residents_committee']],
      ['committee', COMMITTEE],
    ] as const) {
      if (!has(...holders)) continue;
      await run(TODO_QUERIES.sealsWithoutCustodian, [communityId, kind], (r) => ({
        kind: 'custody_vacant',
        title: `${r.title}无人保管，请指定保管人`,
        detail: kind === 'assembly' ? '业主大会章的保管人由居委会指定' : '业委会章的保管人由一名委员提出、另一名委员确认',
        link: `${c}/seals`,
      }));
    }
    // Custodians are named per seal, whatever role they hold it through.
    await run(TODO_QUERIES.sealRequests, [], (r) => {
      const [number, kind] = (r.detail ?? '').split('｜');
      return {
        kind: 'seal_request',
        title: `用章申请：${r.title}`,
        detail: `文书 ${number}，须加盖${labelOf(SEAL_KIND_LABELS_ZH, kind)}`,
        link: `${c}/seal-inbox`,
      };
    });
    if (has('owner')) {
      await run(TODO_QUERIES.openVotes, [], (r) => ({
        kind: 'open_vote',
        title: `请投票：${r.title}`,
        detail: '您尚未投票',
        link: `${c}/my-votes/${r.id}`,
      }));
      await run(TODO_QUERIES.voteObjectionWindows, [], (r) => ({
        kind: 'vote_objection_window',
        title: `初步统计结果公示中，可提出异议：${r.title}`,
        detail: '询异期内可对初步统计结果提出异议',
        link: `${c}/votes/${r.id}/objections`,
      }));
      // 公告信件: sealed notices, results and 公示 to all owners that this owner has not opened yet.
      for (const letter of await this.letters.unreadRecent(communityId, userId)) {
        items.push({
          kind: 'owner_letter',
          title: `请阅读：${letter.title}`,
          detail: `${letter.kindLabel}（文书 ${letter.number}），您尚未打开`,
          link: `${c}/letters`,
          at: letter.finalisedAt.toISOString(),
          due: null,
          atText: formatZhDateTime(letter.finalisedAt, zone),
          dueText: null,
        });
      }
      await run(TODO_QUERIES.upcomingVotes, [], (r) => ({
        kind: 'upcoming_vote',
        title: `即将开始的表决：${r.title}`,
        detail: '投票开始后即可在网上投票',
        link: `${c}/my-votes/${r.id}`,
      }));
    }
    if (roles.some((r) => r !== 'vendor')) {
      await run(TODO_QUERIES.objectionWindows, [], (r) => ({
        kind: 'objection_window',
        title: `听证结果公示中，可提出异议：${r.title}`,
        detail: '异议期内可对结果提出异议',
        link: `${c}/hearings/${r.id}`,
      }));
    }
    if (has('vendor')) {
      await run(TODO_QUERIES.vendorBids, [], (r) => ({
        kind: 'vendor_bid',
        title: `${r.detail === 'submitted' ? '已投标，截止前可修改' : '请投标'}：${r.title}`,
        detail: '投标在开标前密封，任何人都看不到内容',
        link: `${c}/hearings/${r.id}`,
      }));
    }
    // Attendees, whatever role they attended for: minutes waiting for their confirmation.
    await run(TODO_QUERIES.minutesToConfirm, [communityId, userId, MINUTES_STAGES], (r) => ({
      kind: 'minutes_confirm',
      title: `请确认会议纪要：${labelOf(STAGE_LABELS_ZH_ALL, r.detail)}「${r.title}」`,
      detail: '您出席了这次会议，请核对纪要后确认，或提出意见',
      link: `${c}/meetings/${r.id}/minutes`,
    }));
    await run(TODO_QUERIES.minutesObjected, [], (r) => ({
      kind: 'minutes_objection',
      title: `纪要有意见，待修改：${labelOf(STAGE_LABELS_ZH_ALL, r.detail)}「${r.title}」`,
      detail: '与会人员对您记录的纪要提出了意见，修改后全体重新确认',
      link: `${c}/meetings/${r.id}/minutes`,
    }));
    // 居民诉求 (issue 17).
    if (has('party_secretary')) {
      await run(TODO_QUERIES.requestsEscalated, [], (r) => ({
        kind: 'request_escalated',
        title: `诉求超时，请督办：${r.title}`,
        detail: `${r.detail}已超过响应时限，已上报党支部书记`,
        link: `${c}/requests/${r.id}`,
      }));
    }
    if (has('party_secretary', ...COMMITTEE, 'residents_committee')) {
      await run(TODO_QUERIES.requestsToDispatch, [], (r) => ({
        kind: 'request_dispatch',
        title: `诉求待派单：${r.title}`,
        detail: `${r.detail}等待派给楼栋长、物业或职能部门`,
        link: `${c}/requests/${r.id}`,
      }));
    }
    await run(TODO_QUERIES.requestsAssigned, [communityId, userId, has('property_company')], (r) => ({
      kind: 'request_assigned',
      title: `${r.detail === 'dispatched' ? '请接单' : '办理中，待办结'}：${r.title}`,
      detail: '按议事规则的响应时限办理，办结时附说明或照片',
      link: `${c}/requests/${r.id}`,
    }));
    await run(TODO_QUERIES.requestsToRate, [], (r) => ({
      kind: 'request_rate',
      title: `诉求已办结，请评价：${r.title}`,
      detail: `${r.detail}；如未解决可重新打开`,
      link: `${c}/requests/${r.id}`,
    }));
    if (has('party_secretary', ...COMMITTEE, 'residents_committee', 'property_company')) {
      await run(TODO_QUERIES.receptionWriteOffs, [], (r) => ({
        kind: 'reception_write_off',
        title: `接待日诉求已办结，待销号：${r.title}`,
        detail: `来访居民${r.detail}：须本人确认或回访后销号`,
        link: `${c}/requests/${r.id}`,
      }));
    }
    await run(TODO_QUERIES.unread, [communityId, userId, roles], (r) => ({
      kind: 'notification',
      title: `新通知：${r.title}`,
      detail: r.detail ?? '',
      link: `${c}/notifications`,
    }));
    return { count: items.length, items };
  }
}
