import type { AreaSource, CommunityRole, UnitKind, UnitStatus } from './api';

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
};
