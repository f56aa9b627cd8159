/**
 * Shapes of the consultation chain, assembly votes and notifications, taken from the API's OpenAPI document
 * (apps/web/src/api/generated, written by `npm run openapi` from apps/api/src/agenda/dto/agenda-responses.dto.ts,
 * apps/api/src/voting/dto/voting-responses.dto.ts, apps/api/src/vote-results/dto/objection-responses.dto.ts,
 * apps/api/src/notifications/notification-responses.dto.ts and the request DTOs). Not hand-written copies: a DTO
 * change that breaks a page fails the web type check.
 */
import type { components } from './generated/schema';

type Schemas = components['schemas'];

export type MatterCategory = Schemas['MatterCategory'];
export type StageName = Schemas['StageName'];
export type ItemStatus = Schemas['ItemStatus'];
export type StageStatus = Schemas['StageStatus'];
export type StageRequirement = Schemas['StageRequirement'];
export type Outcome = Schemas['MeetingOutcome'];

/** 议事链 */
export type AgendaItemSummary = Schemas['AgendaItemSummaryDto'];
export type Attendee = Schemas['AttendeeDto'];
export type MemberVote = Schemas['MemberVoteDto'];
export type Opinion = Schemas['OpinionDto'];
export type Meeting = Schemas['MeetingDto'];
export type Transition = Schemas['TransitionDto'];
export type ExecutionReport = Schemas['ExecutionReportDto'];
export type VoteBrief = Schemas['VoteBriefDto'];
export type AgendaItem = Schemas['AgendaItemDto'];
/** What creating, skipping and resubmitting answer: the stored item. */
export type AgendaItemRow = Schemas['AgendaItemRowDto'];
export type RecordedMeeting = Schemas['RecordedMeetingDto'];
export type NewAgendaItem = Schemas['CreateAgendaItemDto'];
export type MeetingInput = Schemas['RecordMeetingDto'];

/** A rulebook version (generated from RulebookVersionDto, apps/api/src/rulebook/dto/rulebook-responses.dto.ts). */
export type RulebookVersion = Schemas['RulebookVersionDto'];
/** A document kind the rulebook may list as also carrying the assembly seal. */
export type AssemblySealOptionalKind = Schemas['AssemblySealOptionalKind'];

/** 业主大会表决 */
export type VoteStatus = Schemas['VoteStatus'];
export type Channel = Schemas['Channel'];
export type MotionOption = Schemas['MotionOptionDto'];
export type Motion = Schemas['MotionResponseDto'];
export type AssemblyVote = Schemas['AssemblyVoteDto'];
/** What drafting and editing a draft answer: the stored vote without its motions. */
export type VoteRow = Schemas['VoteRowDto'];
export type Deleted = Schemas['DeletedDto'];
/** The practical part of the assembly notice; what is left empty is filled from the community and the rulebook. */
export type NoticeDetails = Schemas['NoticeDetailsDto'];
export type NewVote = Schemas['CreateVoteDto'];
export type Choice = Schemas['ChoiceDto'];
export type Receipt = Schemas['ReceiptDto'];
export type PaperConfirmation = Schemas['PaperConfirmationDto'];
export type MyBallot = Schemas['MyBallotDto'];
export type ProxyStatus = Schemas['ProxyStatus'];
/** A written proxy as the committee sees it (entered by one member, confirmed by another). */
export type ProxyEntry = Schemas['ProxyEntryDto'];
export type ProxyEntered = Schemas['ProxyEnteredDto'];
export type ParticipationLine = Schemas['ParticipationLineDto'];
export type Participation = Schemas['ParticipationDto'];
export type CanvassElector = Schemas['CanvassElectorDto'];
export type Canvassing = Schemas['CanvassingDto'];
export type PendingPaper = Schemas['PendingPaperDto'];
export type TallyCount = Schemas['TallyCountDto'];
export type TallyResult = Schemas['TallyResultDto'];
export type ResultStage = Schemas['ResultStage'];
export type ResultDocumentRef = Schemas['ResultDocumentRefDto'];
export type VoteResults = Schemas['VoteResultsDto'];
export type Recount = Schemas['RecountDto'];

/** In-app notifications, with this reader's read mark. */
export type Notification = Schemas['NotificationDto'];
export type MarkedRead = Schemas['MarkedReadDto'];

/** A rulebook change drafted by a member, in force only once a decision adopts it. */
export type RulebookDraft = Schemas['RulebookDraftDto'];
export type RulebookDraftState = Schemas['RulebookDraftStateDto'];

export type CitableVote = Schemas['CitableVoteDto'];

/** 询异: where the result stands, the objections and what this viewer may do (GET votes/:id/objections). */
export type VoteObjectionsStatus = Schemas['VoteObjectionsStatusDto'];
export type VoteObjection = Schemas['VoteObjectionDto'];
export type FinalResultIssued = Schemas['FinalResultIssuedDto'];
