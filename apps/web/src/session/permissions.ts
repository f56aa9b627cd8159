import type { CommunityRole } from '../api';

// Mirrors the role groups of the API routes (apps/api/src/identity/roles.ts); the server decides, this only hides
// menu entries and buttons a person could not use anyway.
export const COMMITTEE: CommunityRole[] = ['committee_director', 'committee_member'];
const STAFF: CommunityRole[] = [...COMMITTEE, 'party_secretary', 'residents_committee', 'property_company'];
export const AUDITORS: CommunityRole[] = ['residents_committee', 'bank_officer', 'auditor'];
const FINANCE_READERS: CommunityRole[] = [...COMMITTEE, 'property_company', 'party_secretary', ...AUDITORS];

export type Capability =
  | 'overview'
  | 'units'
  | 'roster'
  | 'roles'
  | 'record'
  | 'agenda'
  | 'my-votes'
  | 'letters'
  | 'notifications'
  | 'ledger'
  | 'statements'
  | 'audit'
  | 'documents'
  | 'seal-inbox'
  | 'seals'
  | 'hearings'
  | 'rulebook'
  | 'owner-accounts'
  | 'fundraising'
  | 'todo'
  | 'seal-log'
  | 'publish-checkpoint'
  | 'rectifications'
  | 'service-rating'
  | 'bulletins'
  | 'requests'
  | 'reception';

const NEEDS: Record<Capability, CommunityRole[] | 'members' | 'any'> = {
  overview: 'members',
  units: STAFF,
  roster: COMMITTEE,
  roles: [...COMMITTEE, 'residents_committee'],
  record: 'members',
  agenda: 'members',
  'my-votes': ['owner'],
  // 公告信件: the sealed notices, results and 公示 addressed to all owners, with what this owner has read.
  letters: ['owner'],
  // Vendors read the notices addressed to them personally (an invitation, an answer to their objection).
  notifications: 'any',
  ledger: FINANCE_READERS,
  statements: FINANCE_READERS,
  audit: AUDITORS,
  documents: 'members',
  'seal-inbox': STAFF,
  seals: STAFF,
  // Vendors see the hearings they are invited to (and nothing else of the community).
  hearings: 'any',
  rulebook: 'members',
  'owner-accounts': [...COMMITTEE, 'residents_committee'],
  fundraising: FINANCE_READERS,
  // 我的待办: everyone with a role here, vendors included (their invitations).
  todo: 'any',
  'seal-log': 'members',
  'publish-checkpoint': STAFF,
  rectifications: [...STAFF, 'representative'],
  'service-rating': ['owner'],
  bulletins: [...STAFF, 'representative'],
  // 居民诉求: residents file, 楼栋长/物业 take, the branch and committee dispatch.
  requests: 'members',
  reception: 'members',
};

/** Pages the platform admin cannot use by office alone: voting, own inbox and audit need a role in the community. */
// publish-checkpoint: the API route admits community staff only (no admin override).
const ROLE_ONLY: Capability[] = [
  'service-rating',
  'requests',
  'reception',
  'my-votes',
  'letters',
  'notifications',
  'audit',
  'seal-inbox',
  'owner-accounts',
  'todo',
  'publish-checkpoint',
];

export function can(capability: Capability, roles: CommunityRole[], isPlatformAdmin: boolean): boolean {
  if (isPlatformAdmin && !ROLE_ONLY.includes(capability)) return true;
  const needs = NEEDS[capability];
  if (needs === 'any') return roles.length > 0;
  if (needs === 'members') return roles.some((r) => r !== 'vendor');
  return roles.some((r) => needs.includes(r));
}

export function hasAny(roles: CommunityRole[] | undefined, wanted: CommunityRole[]): boolean {
  return (roles ?? []).some((r) => wanted.includes(r));
}
