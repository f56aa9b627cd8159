/**
 * Shapes of the API's answers. Areas are decimal strings ("89.50"), never floats. The registry, identity and record
 * types are taken from the API's OpenAPI document (apps/web/src/api/generated, written by `npm run openapi` from the
 * *-responses.dto.ts files), not hand-written copies: a DTO change that breaks a page fails the web type check.
 */
import type { components, operations } from './generated/schema';

type Schemas = components['schemas'];

export type CommunityRole = Schemas['CommunityRole'];

export type LoginResult = Schemas['LoginResultDto'];

export type Me = Schemas['MeDto'];

export type Community = Schemas['CommunityDto'];

/** GET /communities: with the roles the caller holds there today (none for the platform admin). */
export type MyCommunity = Schemas['MyCommunityDto'];

export type CommunityTotals = Schemas['CommunityTotalsDto'];

/** Whose owners decide: the whole community, or chosen buildings / stairwells (ElectorateDto). */
export type Electorate = Schemas['ElectorateDto'];

/** GET votes/:id/totals: the vote's electorate and base figures (frozen once noticed). */
export type VoteTotals = Schemas['VoteTotalsDto'];

export type Building = Schemas['BuildingDto'];

export type UnitKind = Schemas['UnitKind'];
export type UnitStatus = Schemas['UnitStatus'];
export type AreaSource = Schemas['AreaSource'];

export type UnitOwner = Schemas['UnitOwnerDto'];

export type Unit = Schemas['UnitDto'];
export type UnitPage = Schemas['UnitPageDto'];

/** Query of GET …/units (UnitQueryDto). */
export type UnitQuery = NonNullable<operations['RegistryController_units']['parameters']['query']>;

export type RosterImportResult = Schemas['RosterImportResultDto'];

/** A bad roster line, in the 400 roster_invalid answer's details.errors (RosterRejectedDto). */
export type RosterError = Schemas['RosterLineErrorDto'];

export type RoleAssignment = Schemas['RoleAssignmentDto'];

/** A role grant the admin asked for, waiting for (or decided by) the residents' committee. */
export type RoleGrantRequest = Schemas['RoleGrantRequestDto'];

export type RoleGrantRequests = Schemas['RoleGrantRequestsDto'];

export type User = Schemas['PublicUserDto'];

export type RecordEntry = Schemas['RecordEntryDto'];

/** One entry of the decision record as a sentence (GET …/record/sentences). */
export type RecordSentence = Schemas['RecordSentenceDto'];
export type RecordSentencePage = Schemas['RecordSentencePageDto'];

/** Query of GET …/record/sentences (RecordSearchDto). */
export type RecordSearch = NonNullable<operations['RecordController_search']['parameters']['query']>;

export type ChainVerdict = Schemas['ChainVerdictDto'];
