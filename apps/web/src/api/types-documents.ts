/**
 * Shapes of the seals, documents and verification endpoints (apps/api/src/seals, apps/api/src/documents), as
 * generated from the API's response DTOs (npm run openapi). Names kept so pages import them unchanged.
 */
import type { components, operations } from './generated/schema';

type S = components['schemas'];

export type SealKind = S['SealDto']['kind'];
export type DocumentStatus = 'draft' | 'final';
export type SealRequestStatus = S['SealRequestViewDto']['status'];
/** The filters of GET …/documents (type and status). */
export type DocumentFilter = NonNullable<operations['DocumentsController_list']['parameters']['query']>;
export type SourceDocumentType = 'assembly_notice' | 'meeting_minutes' | 'resolution_announcement';

export type SealCustodian = S['SealCustodianDto'];
export type Seal = S['SealDto'];
export type SealRequest = S['SealRequestViewDto'];
/** POST /seal-requests answers the request row as saved (the list and detail views add names and seals). */
export type SealRequestRecord = S['SealRequestRecordDto'];
/** One line of the seal log (用章登记), applied or refused. */
export type SealLogEntry = S['SealLogEntryDto'];
export type SealRequestDetail = S['SealRequestDetailDto'];
export type SealPinStatus = S['SealPinStatusDto'];
export type AppliedSeal = S['AppliedSealDto'];
export type DocumentSummary = S['DocumentSummaryDto'];
export type DocumentRevision = S['DocumentRevisionDto'];
export type DocumentDetail = S['DocumentDetailDto'];
/** A document row as just registered (draft). */
export type DocumentRecord = S['DocumentRecordDto'];
export type SealCheck = S['SealCheckDto'];
export type RegisteredDocument = S['RegisteredDocumentDto'];
export type VerdictCode = S['UploadVerificationDto']['verdict'];
/** The one verdict the server gives (headline and detail in Chinese). */
export type Verdict = Pick<S['UploadVerificationDto'], 'verdict' | 'ok' | 'headline' | 'detail'>;
/** POST /verify: a file someone holds. */
export type UploadVerification = S['UploadVerificationDto'];
/** A kept record head checked against today's chain (from a PDF or a checkpoint file). */
export type RecordCheckpointCheck = S['KeptHeadResultDto'];
/** GET /verify/:number: the registered file itself. */
export type NumberVerification = S['NumberVerificationDto'];
/** A committee member's proposal of committee-seal custodians, waiting for a second member. */
export type CustodyProposal = S['CustodyProposalViewDto'];
export type SignedCheckpoint = S['SignedCheckpointDto'];
export type CheckpointFile = S['CheckpointFileDto'];
