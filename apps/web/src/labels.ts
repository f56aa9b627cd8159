import type {
  AreaSource,
  AssemblySealOptionalKind,
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
import {
  AUDIT_STAGE_LABELS_ZH,
  BALLOT_CHOICE_LABELS_ZH,
  DOCUMENT_KIND_LABELS_ZH,
  DOCUMENT_TYPE_LABELS_ZH,
  LEDGER_KIND_LABELS_ZH,
  MATTER_LABELS_FULL_ZH,
  MATTER_SHORT_ZH,
  PANEL_KIND_LABELS_ZH,
  RECORD_ACTION_TEMPLATES_ZH,
  ROLE_LABELS_ZH,
  SEAL_KIND_LABELS_ZH,
  STAGE_LABELS_ZH_ALL,
  TIME_ZONE_LABELS_ZH,
  UNIT_STATUS_LABELS_ZH,
  recordActionName,
} from '@gongyi/domain/labels';

/*
 * The words of the codes the API also prints (roles, matters, stages, seals, ledger kinds, audit stages, choices,
 * panel seats, unit status, record actions) come from the one registry in libs/domain/src/labels, shared with the
 * API and the PDFs. What is left here is the web app's own: tag colours, and the short forms only its pages show.
 */
export { describeRecordEntry, RECORD_KIND_LABELS_ZH, recordActionName } from '@gongyi/domain/labels';

export const ROLE_LABELS: Record<CommunityRole, string> = ROLE_LABELS_ZH;

/** Document kinds a rulebook may list under the assembly seal (the server's enum), named as the registry names them. */
export const ASSEMBLY_SEAL_OPTIONAL_KIND_LABELS: Record<AssemblySealOptionalKind, string> = {
  hearing_result: DOCUMENT_KIND_LABELS_ZH.hearing_result,
  tender_failed: DOCUMENT_KIND_LABELS_ZH.tender_failed,
  finance_statement: DOCUMENT_KIND_LABELS_ZH.finance_statement,
  execution_report: DOCUMENT_KIND_LABELS_ZH.execution_report,
};
export const ROLE_ORDER = Object.keys(ROLE_LABELS) as CommunityRole[];

export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = UNIT_STATUS_LABELS_ZH;
export const UNIT_STATUS_COLORS: Record<UnitStatus, string> = { sold: 'green', unsold: 'orange', undelivered: 'gold' };
export const UNIT_KIND_LABELS: Record<UnitKind, string> = { residential: '住宅', commercial: '商业', parking: '车位' };
export const AREA_SOURCE_LABELS: Record<AreaSource, string> = { registry: '登记', survey: '实测', contract: '合同' };

export const RECORD_ACTION_LABELS: Record<string, string> = Object.fromEntries(
  Object.keys(RECORD_ACTION_TEMPLATES_ZH).map((action) => [action, recordActionName(action)]),
);

/** 民法典第二百七十八条 items, worded as in the statute; MATTER_SHORT for tags and boards. */
export const MATTER_LABELS: Record<MatterCategory, string> = MATTER_LABELS_FULL_ZH;
export const MATTER_SHORT: Record<MatterCategory, string> = MATTER_SHORT_ZH;
export const MATTER_ORDER = Object.keys(MATTER_LABELS) as MatterCategory[];
/** Items (六)–(八) need three quarters; the others more than half (DOMAIN.md §4). */
export const SPECIAL_MATTERS: MatterCategory[] = ['art278_6', 'art278_7', 'art278_8'];

export const STAGE_LABELS: Record<StageName, string> = STAGE_LABELS_ZH_ALL;
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
export const CHOICE_LABELS: Record<string, string> = BALLOT_CHOICE_LABELS_ZH;
export const TALLY_OUTCOME_LABELS: Record<string, string> = {
  passed: '通过',
  failed: '未通过',
  no_quorum: '参与人数或面积不足，表决不成立',
  no_decision: '没有选项达到门槛，不形成决定',
};

export const ENTRY_KIND_LABELS: Record<EntryKind, string> = LEDGER_KIND_LABELS_ZH;
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
export const AUDIT_STAGE_LABELS: Record<AuditStage, string> = AUDIT_STAGE_LABELS_ZH;

export const SEAL_KIND_LABELS: Record<SealKind, string> = SEAL_KIND_LABELS_ZH;
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
export const PANEL_KIND_LABELS: Record<PanelKind, string> = PANEL_KIND_LABELS_ZH;

/** "Asia/Shanghai" → "北京时间（Asia/Shanghai）": people read the name, the zone id stays for the record. */
export function timeZoneLabel(zone: string): string {
  const name = TIME_ZONE_LABELS_ZH[zone];
  return name ? `${name}（${zone}）` : zone;
}

export const DOCUMENT_TYPE_LABELS: Record<string, string> = DOCUMENT_TYPE_LABELS_ZH;
