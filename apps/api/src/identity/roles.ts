/** Roles a person can hold in one community (DOMAIN.md §2). Platform admin is a property of the account. */
export const COMMUNITY_ROLES = [
  'owner',
  'committee_director',
  'committee_member',
  'party_secretary',
  'residents_committee',
  'property_company',
  'representative',
  'bank_officer',
  'auditor',
  'vendor',
  'tenant',
  'building_leader',
] as const;
export type CommunityRole = (typeof COMMUNITY_ROLES)[number];

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
  tenant: '租户',
  building_leader: '楼栋长',
};

/** Role groups used by routes. */
export const COMMITTEE: CommunityRole[] = ['committee_director', 'committee_member'];
export const COMMUNITY_STAFF: CommunityRole[] = [...COMMITTEE, 'party_secretary', 'residents_committee', 'property_company'];
/** Everyone with a role in the community except vendors, who see only their own hearing. */
export const COMMUNITY_MEMBERS: CommunityRole[] = COMMUNITY_ROLES.filter((r) => r !== 'vendor');
