import { ROLE_LABELS_ZH } from '@gongyi/domain/labels/vocabulary';

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

/** The words for the roles, from the one registry (libs/domain/src/labels). */
export const ROLE_LABELS: Record<CommunityRole, string> = ROLE_LABELS_ZH;

/** Role groups used by routes. */
export const COMMITTEE: CommunityRole[] = ['committee_director', 'committee_member'];
export const COMMUNITY_STAFF: CommunityRole[] = [...COMMITTEE, 'party_secretary', 'residents_committee', 'property_company'];
/** Everyone with a role in the community except vendors, who see only their own hearing. */
export const COMMUNITY_MEMBERS: CommunityRole[] = COMMUNITY_ROLES.filter((r) => r !== 'vendor');
