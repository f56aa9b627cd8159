import type {
  AreaSource,
  DocumentStatus,
  HearingStatus,
  PanelKind,
  SealKind,
  SealRequestStatus,
  AuditStage,
  Channel,
  CommunityRole,
  EntryKind,
  ItemStatus,
  MatterCategory,
  Outcome,
  StageName,
  StatementStatus,
  UnitKind,
  UnitStatus,
  VoteStatus,
} from './api';

export const ROLE_LABELS: Record<CommunityRole, string> = {
  owner: '业主',
  committee_director: '业委会主任',
  committee_member: '业委会委员',
  party_secretary: '党支部书记',
  residents_committee: '居委会',
  property_company: '物业',
  representative: '居民代表',
  bank_officer: '银行',
  auditor: '审计机构',
  vendor: '供应商',
};
export const ROLE_ORDER = Object.keys(ROLE_LABELS) as CommunityRole[];

export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = { sold: '已售', unsold: '未售', undelivered: '未交付' };
export const UNIT_STATUS_COLORS: Record<UnitStatus, string> = { sold: 'green', unsold: 'orange', undelivered: 'gold' };
export const UNIT_KIND_LABELS: Record<UnitKind, string> = { residential: '住宅', commercial: '商业', parking: '车位' };
export const AREA_SOURCE_LABELS: Record<AreaSource, string> = { registry: '登记', survey: '实测', contract: '合同' };

export const RECORD_ACTION_LABELS: Record<string, string> = {
  'registry.community_created': '创建小区',
  'registry.roster_imported': '导入花名册',
  'registry.owner_account_linked': '开通业主账号',
  'identity.role_granted': '授予角色',
  'identity.role_ended': '结束角色',
  'rulebook.revised': '修订议事规则',
  'voting.vote_drafted': '起草表决',
  'voting.notice_published': '发布表决公告',
  'voting.proxy_recorded': '登记委托书',
  'voting.vote_closed': '表决结束',
  'voting.ballot_cast': '投票',
  'voting.paper_ballot_entered': '录入纸质表决票',
  'voting.paper_ballot_confirmed': '核对纸质表决票（计入）',
  'voting.paper_ballot_rejected': '核对纸质表决票（退回）',
  'agenda.item_submitted': '提出议题',
  'agenda.item_resubmitted': '重新提交议题',
  'agenda.meeting_recorded': '记录会议',
  'agenda.stage_skipped': '跳过环节',
  'agenda.progress_reported': '报告执行进度',
  'finance.entry_recorded': '记账',
  'finance.entry_reversed': '冲正',
  'finance.statement_submitted': '提交报表',
  'finance.statement_approved': '审核通过',
  'finance.statement_returned': '审核退回',
  'finance.bank_statement_uploaded': '上传银行对账单',
  'finance.difference_explained': '说明对账差异',
};

/** 民法典第二百七十八条 items, worded as in the statute (copied from libs/domain/src/voting/matter.ts). */
export const MATTER_LABELS: Record<MatterCategory, string> = {
  art278_1: '（一）制定和修改业主大会议事规则',
  art278_2: '（二）制定和修改管理规约',
  art278_3: '（三）选举业主委员会或者更换业主委员会成员',
  art278_4: '（四）选聘和解聘物业服务企业或者其他管理人',
  art278_5: '（五）使用建筑物及其附属设施的维修资金',
  art278_6: '（六）筹集建筑物及其附属设施的维修资金',
  art278_7: '（七）改建、重建建筑物及其附属设施',
  art278_8: '（八）改变共有部分的用途或者利用共有部分从事经营活动',
  art278_9: '（九）有关共有和共同管理权利的其他重大事项',
  committee_only: '业主委员会可自行决定的事项（非民法典第二百七十八条所列事项）',
};
export const MATTER_ORDER = Object.keys(MATTER_LABELS) as MatterCategory[];
/** Items (六)–(八) need three quarters; the others more than half (DOMAIN.md §4). */
export const SPECIAL_MATTERS: MatterCategory[] = ['art278_6', 'art278_7', 'art278_8'];

export const STAGE_LABELS: Record<StageName, string> = {
  party_prediscussion: '支部先议',
  joint_meeting: '联席会议',
  representatives_meeting: '居民代表会议',
  assembly_vote: '业主大会表决',
  committee_resolution: '业委会决议',
  execution: '物业执行',
};
export const STAGE_ORDER = Object.keys(STAGE_LABELS) as StageName[];

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  draft: '草稿',
  in_stage: '办理中',
  returned: '已退回',
  rejected: '已否决',
  done: '已办结',
};
export const ITEM_STATUS_COLORS: Record<ItemStatus, string> = {
  draft: 'default',
  in_stage: 'blue',
  returned: 'orange',
  rejected: 'red',
  done: 'green',
};

export const OUTCOME_LABELS: Record<Outcome, string> = { advance: '通过，进入下一环节', return: '退回修改', reject: '否决' };

export const TRANSITION_LABELS: Record<string, string> = {
  submitted: '提出议题',
  advance: '通过',
  return: '退回',
  reject: '否决',
  skip: '跳过',
  resubmit: '修改后重新提交',
  done: '办结',
};

export const VOTE_STATUS_LABELS: Record<VoteStatus, string> = { draft: '草稿（未公告）', noticed: '已公告', closed: '已结束' };
export const CHANNEL_LABELS: Record<Channel, string> = { online: '网上投票', paper: '纸质表决票', proxy: '委托投票' };
export const CHOICE_LABELS: Record<string, string> = { yes: '赞成', no: '反对', abstain: '弃权' };
export const TALLY_OUTCOME_LABELS: Record<string, string> = {
  passed: '通过',
  failed: '未通过',
  no_quorum: '参与人数或面积不足，表决不成立',
  no_decision: '没有选项达到门槛，不形成决定',
};

export const ENTRY_KIND_LABELS: Record<EntryKind, string> = { income: '收入', cost: '支出', transfer: '转入维修资金' };
export const ENTRY_KIND_COLORS: Record<EntryKind, string> = { income: 'green', cost: 'volcano', transfer: 'blue' };

export const STATEMENT_STATUS_LABELS: Record<StatementStatus, string> = {
  submitted: '待居委会审核',
  bank_review: '待银行对账',
  audit_review: '待审计机构审计',
  approved: '审核通过，待公示',
  returned: '已退回修改',
  superseded: '已被新版本取代',
  published: '已公示',
};
export const STATEMENT_STATUS_COLORS: Record<StatementStatus, string> = {
  submitted: 'blue',
  bank_review: 'blue',
  audit_review: 'blue',
  approved: 'cyan',
  returned: 'orange',
  superseded: 'default',
  published: 'green',
};
export const AUDIT_STAGE_LABELS: Record<AuditStage, string> = {
  residents_committee: '居委会审核',
  bank: '银行对账',
  audit_firm: '审计机构审计',
};

export const SEAL_KIND_LABELS: Record<SealKind, string> = { assembly: '业主大会章', committee: '业委会章' };
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = { draft: '草稿（待用章）', final: '已用章定稿' };
export const DOCUMENT_STATUS_COLORS: Record<DocumentStatus, string> = { draft: 'orange', final: 'green' };
export const SEAL_REQUEST_STATUS_LABELS: Record<SealRequestStatus, string> = { pending: '待用章', completed: '已用章', refused: '已拒绝' };
export const SEAL_REQUEST_STATUS_COLORS: Record<SealRequestStatus, string> = { pending: 'blue', completed: 'green', refused: 'red' };

export const HEARING_STATUS_LABELS: Record<HearingStatus, string> = {
  bidding: '投标中（密封）',
  re_tender: '流标，需重新招标',
  opened: '已开标，评审中',
  result_published: '结果已公示',
};
export const HEARING_STATUS_COLORS: Record<HearingStatus, string> = {
  bidding: 'blue',
  re_tender: 'red',
  opened: 'gold',
  result_published: 'green',
};
export const PANEL_KIND_LABELS: Record<PanelKind, string> = {
  representative: '居民代表',
  committee: '业委会委员',
  property_company: '物业',
  expert: '技术专家',
};
