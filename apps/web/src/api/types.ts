/** Shapes of the API's answers (see /api/docs). Areas are decimal strings ("89.50"), never floats. */

export type CommunityRole =
  | 'owner'
  | 'committee_director'
  | 'committee_member'
  | 'party_secretary'
  | 'residents_committee'
  | 'property_company'
  | 'representative'
  | 'bank_officer'
  | 'auditor'
  | 'vendor';

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: { id: string; displayName: string; isPlatformAdmin: boolean; mustChangePassword: boolean };
}

export interface Me {
  id: string;
  loginName: string | null;
  mobile: string | null;
  displayName: string;
  isPlatformAdmin: boolean;
  mustChangePassword: boolean;
  communities: { communityId: string; name: string; roles: CommunityRole[] }[];
}

export interface Community {
  id: string;
  name: string;
  district: string | null;
  address: string | null;
  timeZone: string;
  createdAt: string;
  roles?: CommunityRole[];
}

export interface CommunityTotals {
  totalArea: string;
  totalHeadcount: number;
  unitCount: number;
  developerUnitCount: number;
  multiUnitOwnerCount: number;
  twoThirdsArea: string;
  twoThirdsHeadcount: number;
  countParkingAsArea: boolean;
}

export interface Building {
  id: string;
  name: string;
  unitCount: number;
  totalArea: string;
}

export type UnitKind = 'residential' | 'commercial' | 'parking';
export type UnitStatus = 'sold' | 'unsold' | 'undelivered';
export type AreaSource = 'registry' | 'survey' | 'contract';

export interface UnitOwner {
  name: string;
  kind: 'person' | 'organisation' | string;
  mobile: string | null;
  designated: boolean;
}

export interface Unit {
  id: string;
  number: string;
  building: string;
  stairwell: string;
  room: string;
  kind: UnitKind;
  area: string;
  areaSource: AreaSource;
  status: UnitStatus;
  owners: UnitOwner[];
}

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export interface UnitQuery {
  q?: string;
  buildingId?: string;
  status?: UnitStatus;
  kind?: UnitKind;
  page?: number;
  pageSize?: number;
}

export interface RosterImportResult {
  rows: number;
  buildingsCreated: number;
  unitsCreated: number;
  unitsUpdated: number;
  unitsUnchanged: number;
  ownersCreated: number;
  ownershipChanged: number;
  unitsNotInFile: number;
}

export interface RosterError {
  line: number;
  reason: string;
}

export interface RoleAssignment {
  id: string;
  userId: string;
  displayName: string;
  loginName: string | null;
  role: CommunityRole;
  startsOn: string;
  endsOn: string | null;
  active: boolean;
}

export interface User {
  id: string;
  loginName: string | null;
  mobile: string | null;
  displayName: string;
  isPlatformAdmin: boolean;
}

export interface CreatedUser {
  user: User;
  oneTimePassword?: string;
}

export interface RecordEntry {
  id: string;
  seq: string;
  occurredAt: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  payload: unknown;
  payloadDigest: string;
  prevHash: string;
  hash: string;
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: string | number; id: string; reason: string };
}
