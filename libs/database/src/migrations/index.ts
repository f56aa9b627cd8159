import { Foundation1795440859038 } from './1795440859038-Foundation';
import { RecordAppendOnly1795440859039 } from './1795440859039-RecordAppendOnly';
import { ChainAndVoting1795442252581 } from './1795442252581-ChainAndVoting';
import { TallyImmutable1795442252582 } from './1795442252582-TallyImmutable';
import { SealsAndDocuments1795450000000 } from './1795450000000-SealsAndDocuments';
import { Hearings1795460000000 } from './1795460000000-Hearings';
import { Finance1795470000000 } from './1795470000000-Finance';
import { RecordHeads1795480000000 } from './1795480000000-RecordHeads';
import { CastBallot1795480000001 } from './1795480000001-CastBallot';
import { CastBallotFromFile1795490000000 } from './1795490000000-CastBallotFromFile';
import { ActivationLetters1795500000000 } from './1795500000000-ActivationLetters';
import { SealCustody1795510000000 } from './1795510000000-SealCustody';
import { ProxyFourEyes1795510000001 } from './1795510000001-ProxyFourEyes';
import { RulebookDrafts1795510000002 } from './1795510000002-RulebookDrafts';
import { SealPinAttempts1795510000003 } from './1795510000003-SealPinAttempts';
import { AppRole1795520000000 } from './1795520000000-AppRole';
import { BallotCommitments1795520000001 } from './1795520000001-BallotCommitments';
import { RecordCheckpoints1795520000002 } from './1795520000002-RecordCheckpoints';
import { RequestLimits1795530000000 } from './1795530000000-RequestLimits';
import { VoteElectorate1795540000000 } from './1795540000000-VoteElectorate';
import { DocumentIssueNumber1795540000001 } from './1795540000001-DocumentIssueNumber';
import { StatementChain1795550000000 } from './1795550000000-StatementChain';
import { Fundraising1795550100000 } from './1795550100000-Fundraising';
import { PersonalNotifications1795560000000 } from './1795560000000-PersonalNotifications';
import { SeveralVotesPerItem1795560000001 } from './1795560000001-SeveralVotesPerItem';
import { DistrictIndexes1795570000000 } from './1795570000000-DistrictIndexes';
import { VoteObjections1795620000000 } from './1795620000000-VoteObjections';
import { NoticeDetails1795630000000 } from './1795630000000-NoticeDetails';
import { MinutesConfirmations1795640000000 } from './1795640000000-MinutesConfirmations';
import { OutboundNotices1795670000000 } from './1795670000000-OutboundNotices';
import { ServiceRequests1795740000000 } from './1795740000000-ServiceRequests';
import { ServicesOversight1795750000000 } from './1795750000000-ServicesOversight';
import { SealedNoticeOpens1795700000000 } from './1795700000000-SealedNoticeOpens';
import { DocumentFileStore1795730000000 } from './1795730000000-DocumentFileStore';
import { BallotWritesThroughFunctions1795760000000 } from './1795760000000-BallotWritesThroughFunctions';
import { DocumentFilesMoveToS31795760000030 } from './1795760000030-DocumentFilesMoveToS3';
import { ExecutionReportAmounts1795760000040 } from './1795760000040-ExecutionReportAmounts';
import { DocumentReads1795760000050 } from './1795760000050-DocumentReads';
import { RoleWritesThroughFunctions1795760000051 } from './1795760000051-RoleWritesThroughFunctions';
import { RectificationPhotos1795760000001 } from './1795760000001-RectificationPhotos';
import { RegisterFactsFromResidentsCommittee1795760000002 } from './1795760000002-RegisterFactsFromResidentsCommittee';
import { RoleGrantRequests1795760000003 } from './1795760000003-RoleGrantRequests';
import { HearingObjectionAnswers1795760000020 } from './1795760000020-HearingObjectionAnswers';

/** Every migration, in order. A merged migration is never edited; a new one follows it. */
export const MIGRATIONS: Function[] = [
  Foundation1795440859038,
  RecordAppendOnly1795440859039,
  ChainAndVoting1795442252581,
  TallyImmutable1795442252582,
  SealsAndDocuments1795450000000,
  Hearings1795460000000,
  Finance1795470000000,
  RecordHeads1795480000000,
  CastBallot1795480000001,
  CastBallotFromFile1795490000000,
  ActivationLetters1795500000000,
  SealCustody1795510000000,
  ProxyFourEyes1795510000001,
  RulebookDrafts1795510000002,
  SealPinAttempts1795510000003,
  AppRole1795520000000,
  BallotCommitments1795520000001,
  RecordCheckpoints1795520000002,
  RequestLimits1795530000000,
  VoteElectorate1795540000000,
  DocumentIssueNumber1795540000001,
  StatementChain1795550000000,
  Fundraising1795550100000,
  PersonalNotifications1795560000000,
  SeveralVotesPerItem1795560000001,
  DistrictIndexes1795570000000,
  VoteObjections1795620000000,
  NoticeDetails1795630000000,
  MinutesConfirmations1795640000000,
  OutboundNotices1795670000000,
  SealedNoticeOpens1795700000000,
  DocumentFileStore1795730000000,
  ServiceRequests1795740000000,
  ServicesOversight1795750000000,
  BallotWritesThroughFunctions1795760000000,
  RectificationPhotos1795760000001,
  RegisterFactsFromResidentsCommittee1795760000002,
  RoleGrantRequests1795760000003,
  HearingObjectionAnswers1795760000020,
  DocumentFilesMoveToS31795760000030,
  ExecutionReportAmounts1795760000040,
  DocumentReads1795760000050,
  RoleWritesThroughFunctions1795760000051,
];
