/** Shapes of the consultation chain, assembly votes and notifications (see /api/docs). */

export type MatterCategory =
  'art278_1' | 'art278_2' | 'art278_3' | 'art278_4' | 'art278_5' | 'art278_6' | 'art278_7' | 'art278_8' | 'art278_9' | 'committee_only';

export type StageName =
  'party_prediscussion' | 'joint_meeting' | 'representatives_meeting' | 'assembly_vote' | 'committee_resolution' | 'execution';

export type ItemStatus = 'draft' | 'in_stage' | 'returned' | 'rejected' | 'done';
export type StageStatus = 'pending' | 'advanced' | 'skipped' | 'passed_over';
export type StageRequirement = 'required' | 'optional' | 'skippable' | 'not_applicable';
export type Outcome = 'advance' | 'return' | 'reject';

export interface AgendaItemSummary {
  id: string;
  seq: number;
  title: string;
  category: MatterCategory;
  status: ItemStatus;
  currentStage: StageName | null;
  budgetFen: string | null;
  proposerId: string;
  rulebookVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface Attendee {
  name: string;
  party: string;
  userId?: string;
  present: boolean;
}

export interface MemberVote {
  userId: string;
  present: boolean;
  vote?: 'yes' | 'no' | 'abstain';
  signed?: boolean;
}

export interface Opinion {
  representative: string;
  for: number;
  against: number;
  concerns?: string;
}

export interface Meeting {
  id: string;
  stage: StageName;
  heldAt: string;
  place: string;
  chair: string;
  attendees: Attendee[];
  minutes: string;
  details: {
    plan?: string;
    options?: string[];
    opinions?: Opinion[];
    totals?: { for: number; against: number };
    memberVotes?: MemberVote[];
    decision?: { outcome: string; reasonZh: string };
  };
  outcome: Outcome;
  outcomeReason: string;
  recordedBy: string;
  createdAt: string;
}

export interface Transition {
  id: string;
  stage: StageName | null;
  kind: 'submitted' | 'advance' | 'return' | 'reject' | 'skip' | 'resubmit' | 'done' | string;
  reason: string;
  actorId: string | null;
  meetingId: string | null;
  occurredAt: string;
}

export interface ExecutionReport {
  id: string;
  progressPercent: number;
  text: string;
  reportedBy: string;
  reportedAt: string;
}

export interface VoteBrief {
  id: string;
  title: string;
  status: VoteStatus;
  opensAt: string;
  closesAt: string;
}

export interface AgendaItem extends AgendaItemSummary {
  description: string;
  fundingSource: string | null;
  chainState: { stages: Record<StageName, StageStatus>; status: ItemStatus; stage: StageName | null };
  chosenOption: { motionId: string; optionId: string; label: string | null } | null;
  stages: { stage: StageName; label: string; status: StageStatus }[];
  transitions: Transition[];
  meetings: Meeting[];
  executionReports: ExecutionReport[];
  votes: VoteBrief[];
}

export interface NewAgendaItem {
  title: string;
  category: MatterCategory;
  description: string;
  budgetFen?: string;
  fundingSource?: string;
}

export interface MeetingInput {
  heldAt: string;
  place: string;
  chair?: string;
  attendees: Attendee[];
  minutes: string;
  details?: Record<string, unknown>;
  outcome?: Outcome;
  reason?: string;
}

export interface RulebookVersion {
  version: number;
  settings: {
    noticeDays: number;
    interimNoticeDays: number;
    votingWindowMinDays: number;
    votingWindowMaxDays: number;
    proxyCap: number;
    statementPeriod: string;
    stages: Record<MatterCategory, Record<StageName, StageRequirement>>;
  };
  note: string;
  createdAt: string;
}

export type VoteStatus = 'draft' | 'noticed' | 'closed';
export type Channel = 'online' | 'paper' | 'proxy';

export interface MotionOption {
  id: string;
  label: string;
}

export interface Motion {
  id: string;
  seq: number;
  title: string;
  fullText: string;
  kind: 'yes_no' | 'options';
  options: MotionOption[];
}

export interface AssemblyVote {
  id: string;
  agendaItemId: string;
  title: string;
  method: string;
  channels: Channel[];
  interim: boolean;
  opensAt: string;
  closesAt: string;
  status: VoteStatus;
  noticedAt: string | null;
  totalAreaHundredths: string | null;
  totalHeadcount: number | null;
  closedAt: string | null;
  isOpen: boolean;
  motions: Motion[];
}

export interface NewVote {
  title: string;
  method: string;
  channels: Channel[];
  interim?: boolean;
  opensAt: string;
  closesAt: string;
  motions: { title: string; fullText: string; kind: 'yes_no' | 'options'; options?: MotionOption[] }[];
}

export interface Choice {
  motionId: string;
  choice: string;
}

export interface Receipt {
  receiptCode: string;
  castAt: string;
  channel: Channel;
  status: 'counted' | 'pending' | 'rejected';
  motions: { motionId: string; seq: number; title: string }[];
}

export interface MyBallot {
  vote: AssemblyVote;
  elector: { id: string; unitNumbers: string[]; areaHundredths: string } | null;
  ballots: { motionId: string; choice: string; channel: Channel; status: string; castAt: string; receiptCode: string }[];
  proxies: { electorId: string; name: string; unitNumbers: string[]; areaHundredths: string; voted: boolean }[];
}

export interface ParticipationLine {
  heads: number;
  area: string;
  requiredHeads: number;
  requiredArea: string;
  headsMissing: number;
  areaMissing: string;
  met: boolean;
}

export interface Participation {
  voteId: string;
  status: VoteStatus;
  totalHeadcount: number;
  totalArea: string;
  motions: (ParticipationLine & { motionId: string; seq: number; title: string; pendingPaper: number })[];
}

export interface CanvassElector {
  electorId: string;
  name: string;
  unitNumbers: string[];
  area: string;
  motionsVoted: number;
}

export interface Canvassing {
  motions: { motionId: string; seq: number; title: string; headsMissing: number; areaMissing: string; met: boolean }[];
  buildings: { building: string; notVotedHeads: number; notVotedArea: string; electors: CanvassElector[] }[];
}

export interface PendingPaper {
  receiptCode: string;
  paperRef: string;
  enteredBy: string;
  enteredByName: string;
  enteredAt: string;
  electorId: string;
  unitNumbers: string[];
  choices: { motionId: string; seq: number; title: string; choice: string }[];
}

export interface TallyCount {
  heads: number;
  areaHundredths: string;
}

export interface TallyResult {
  motionKind: 'yes_no' | 'options';
  totals: TallyCount;
  participation: TallyCount & { quorum: { heads: boolean; area: boolean }; requiredHeads: number; requiredAreaHundredths: string };
  choices: (TallyCount & { choice: string; passing: { heads: boolean; area: boolean } })[];
  abstain: TallyCount;
  threshold: {
    kind: 'ordinary' | 'special';
    descriptionZh: string;
    basis: string;
    requiredHeads: number | null;
    requiredAreaHundredths: string | null;
  };
  outcome: 'passed' | 'failed' | 'no_quorum' | 'no_decision';
  winningOptionId: string | null;
  reasonZh: string;
}

export interface VoteResults {
  voteId: string;
  title: string;
  closedAt: string;
  motions: {
    motionId: string;
    seq: number;
    title: string;
    options: MotionOption[];
    outcome: TallyResult['outcome'];
    publishedAt: string;
    resultDigest: string;
    tally: TallyResult;
    participants: { unitNumbers: string[]; area: string; channel: Channel }[];
  }[];
}

export interface Recount {
  voteId: string;
  matches: boolean;
  motions: { motionId: string; matches: boolean; storedOutcome: string; recountedOutcome: string }[];
}

export interface Notification {
  id: string;
  recipientRole: string;
  subject: string;
  body: string;
  subjectType: string;
  subjectId: string | null;
  createdAt: string;
}
