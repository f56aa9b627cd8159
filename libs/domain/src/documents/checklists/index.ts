import type { DocumentKind } from '../seal-policy';
import { ASSEMBLY_NOTICE_CHECKLIST } from './assembly-notice';
import { COMMITTEE_RESOLUTION_CHECKLIST } from './committee-resolution';
import { EXECUTION_REPORT_CHECKLIST } from './execution-report';
import { ASSEMBLY_RESULT_CHECKLIST, ASSEMBLY_RESULT_PRELIMINARY_CHECKLIST } from './assembly-result';
import { HEARING_RESULT_CHECKLIST, TENDER_FAILED_CHECKLIST } from './hearing-result';
import {
  MINUTES_JOINT_MEETING_CHECKLIST,
  MINUTES_PARTY_PREDISCUSSION_CHECKLIST,
  MINUTES_REPRESENTATIVES_MEETING_CHECKLIST,
} from './minutes';
import { JOINT_BULLETIN_CHECKLIST } from './joint-bulletin';
import { FINANCE_STATEMENT_CHECKLIST } from './finance-statement';
import { SEAL_LOG_REPORT_CHECKLIST } from './seal-log';
import type { Checklist } from './types';

export * from './types';
export {
  ASSEMBLY_NOTICE_CHECKLIST,
  COMMITTEE_RESOLUTION_CHECKLIST,
  EXECUTION_REPORT_CHECKLIST,
  FINANCE_STATEMENT_CHECKLIST,
  SEAL_LOG_REPORT_CHECKLIST,
};

/** Content checklists per document kind: one file per kind (or family of kinds) in this folder, one line here. */
export const CHECKLISTS: Partial<Record<DocumentKind, Checklist>> = {
  assembly_notice: ASSEMBLY_NOTICE_CHECKLIST,
  committee_resolution: COMMITTEE_RESOLUTION_CHECKLIST,
  execution_report: EXECUTION_REPORT_CHECKLIST,
  [ASSEMBLY_RESULT_PRELIMINARY_CHECKLIST.kind]: ASSEMBLY_RESULT_PRELIMINARY_CHECKLIST,
  [ASSEMBLY_RESULT_CHECKLIST.kind]: ASSEMBLY_RESULT_CHECKLIST,
  [HEARING_RESULT_CHECKLIST.kind]: HEARING_RESULT_CHECKLIST,
  [TENDER_FAILED_CHECKLIST.kind]: TENDER_FAILED_CHECKLIST,
  minutes_party_prediscussion: MINUTES_PARTY_PREDISCUSSION_CHECKLIST,
  minutes_joint_meeting: MINUTES_JOINT_MEETING_CHECKLIST,
  minutes_representatives_meeting: MINUTES_REPRESENTATIVES_MEETING_CHECKLIST,
  joint_bulletin: JOINT_BULLETIN_CHECKLIST,
  finance_statement: FINANCE_STATEMENT_CHECKLIST,
  seal_log_report: SEAL_LOG_REPORT_CHECKLIST,
};

export function checklistFor(kind: DocumentKind): Checklist | undefined {
  return CHECKLISTS[kind];
}
