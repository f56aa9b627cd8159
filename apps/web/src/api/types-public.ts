/**
 * Types of the public notice routes, taken from the API's OpenAPI document (apps/web/src/api/generated, written by
 * `npm run openapi` from the DTOs in apps/api/src/public-notices/public-notices.dto.ts). Not hand-written copies:
 * a DTO change that breaks a page fails the web type check, and a stale generated file fails CI.
 */
import type { components } from './generated/schema';

type Schemas = components['schemas'];

/** A community listed on the login page's 小区公示 entry. */
export type PublicCommunity = Schemas['PublicCommunityDto'];

/** A published assembly notice as the public reads it. */
export type PublicNoticeText = Schemas['PublicNoticeTextDto'];
