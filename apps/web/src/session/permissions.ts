import type { CommunityRole } from '../api';

// Mirrors the role groups of the API routes (apps/api/src/identity/roles.ts); the server decides, this only hides
// menu entries a person could not open anyway.
const COMMITTEE: CommunityRole[] = ['committee_director', 'committee_member'];
const STAFF: CommunityRole[] = [...COMMITTEE, 'party_secretary', 'residents_committee', 'property_company'];

export type Capability = 'overview' | 'units' | 'roster' | 'roles' | 'record';

const NEEDS: Record<Capability, CommunityRole[] | 'members'> = {
  overview: 'members',
  units: STAFF,
  roster: COMMITTEE,
  roles: [...COMMITTEE, 'residents_committee'],
  record: 'members',
};

export function can(capability: Capability, roles: CommunityRole[], isPlatformAdmin: boolean): boolean {
  if (isPlatformAdmin) return true;
  const needs = NEEDS[capability];
  if (needs === 'members') return roles.some((r) => r !== 'vendor');
  return roles.some((r) => needs.includes(r));
}
