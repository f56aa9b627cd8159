import { AgendaItem } from '../agenda/entities/agenda-item.entity';
import { AgendaTransition } from '../agenda/entities/agenda-transition.entity';
import { ExecutionReport } from '../agenda/entities/execution-report.entity';
import { Meeting } from '../agenda/entities/meeting.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { Hearing } from '../hearings/entities/hearing.entity';
import { PanelMember } from '../hearings/entities/panel-member.entity';
import { Invitation } from '../hearings/entities/invitation.entity';
import { Bid } from '../hearings/entities/bid.entity';
import { BidVersion } from '../hearings/entities/bid-version.entity';
import { Score } from '../hearings/entities/score.entity';
import { Objection } from '../hearings/entities/objection.entity';
import { Rulebook } from '../rulebook/entities/rulebook.entity';
import { AssemblyVote } from '../voting/entities/assembly-vote.entity';
import { Ballot } from '../voting/entities/ballot.entity';
import { Elector } from '../voting/entities/elector.entity';
import { Motion } from '../voting/entities/motion.entity';
import { Proxy } from '../voting/entities/proxy.entity';
import { TallyRecord } from '../voting/entities/tally-record.entity';
import { VoteObjection } from '../voting/entities/vote-objection.entity';
import { BankLine } from '../finance/entities/bank-line.entity';
import { LedgerEntry } from '../finance/entities/ledger-entry.entity';
import { ReconciliationNote } from '../finance/entities/reconciliation-note.entity';
import { StatementReview } from '../finance/entities/statement-review.entity';
import { Statement } from '../finance/entities/statement.entity';
import { LoginThrottle } from '../identity/entities/login-throttle.entity';
import { RoleAssignment } from '../identity/entities/role-assignment.entity';
import { Session } from '../identity/entities/session.entity';
import { User } from '../identity/entities/user.entity';
import { RecordEntry } from '../record/entities/record-entry.entity';
import { Building } from '../registry/entities/building.entity';
import { Community } from '../registry/entities/community.entity';
import { Owner } from '../registry/entities/owner.entity';
import { UnitOwner } from '../registry/entities/unit-owner.entity';
import { ActivationLetter } from '../registry/entities/activation-letter.entity';
import { Unit } from '../registry/entities/unit.entity';
import { Document } from '../documents/entities/document.entity';
import { DocumentFile } from '../documents/entities/document-file.entity';
import { RootCa } from '../documents/entities/root-ca.entity';
import { SealCustodian } from '../seals/entities/seal-custodian.entity';
import { SealLogEntry } from '../seals/entities/seal-log-entry.entity';
import { SealRequest } from '../seals/entities/seal-request.entity';
import { Seal } from '../seals/entities/seal.entity';
import { ServiceRequest } from '../requests/entities/service-request.entity';
import { ServiceRequestEvent } from '../requests/entities/service-request-event.entity';
import { RequestPhoto } from '../requests/entities/request-photo.entity';
import { ReceptionDay } from '../reception/entities/reception-day.entity';
import { ReceptionVisit } from '../reception/entities/reception-visit.entity';

/** Listed explicitly: path globs break in monorepo builds. */
export const ENTITIES = [
  User,
  Session,
  LoginThrottle,
  RoleAssignment,
  Community,
  Building,
  Unit,
  Owner,
  UnitOwner,
  RecordEntry,
  Rulebook,
  Notification,
  AgendaItem,
  AgendaTransition,
  Meeting,
  ExecutionReport,
  AssemblyVote,
  Motion,
  Elector,
  Proxy,
  Ballot,
  TallyRecord,
  VoteObjection,
  LedgerEntry,
  Statement,
  StatementReview,
  BankLine,
  ReconciliationNote,
  Hearing,
  PanelMember,
  Invitation,
  Bid,
  BidVersion,
  Score,
  Objection,
  RootCa,
  Seal,
  SealCustodian,
  Document,
  DocumentFile,
  SealRequest,
  SealLogEntry,
  ActivationLetter,
  ServiceRequest,
  ServiceRequestEvent,
  RequestPhoto,
  ReceptionDay,
  ReceptionVisit,
];
