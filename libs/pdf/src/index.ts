/**
 * @gongyi/pdf — Chinese PDF documents (pdfkit + Noto Sans Hans), seal impressions, the seal PKI and
 * PDF signatures (sign and verify). Pure library: no Nest, no database.
 */
export * from './types';
export { formatFen, formatAreaHundredths, formatInteger } from './money';
export { formatDate, formatDateTime, formatDateTimeSeconds, formatDateShort, formatRange } from './dates';
export { canonicalContent, contentDigest, fileDigest } from './content-digest';
export { fontDirectory, getFont, registerFonts, FONT_REGULAR, FONT_BOLD } from './fonts';
export { drawSealImpression, SEAL_KIND_NAME, SEAL_KIND_TEXT, chineseNumber, termText } from './seal-impression';
export { verificationUrl } from './page-furniture';
export { renderAssemblyNotice, ASSEMBLY_NOTICE_TYPE } from './templates/assembly-notice';
export type { AssemblyNoticeInput, NoticeMotion } from './templates/assembly-notice';
export { renderMeetingMinutes, minutesTitle, MINUTES_TYPE, STAGE_NAMES, OUTCOME_NAMES } from './templates/minutes';
export type { ChainStage, StageOutcome, MeetingMinutesInput, MinutesAttendee, MinutesOpinion, MinutesSignature } from './templates/minutes';
export type { ExecutionReportDetails, ExecutionParty } from './templates/execution-report';
export { renderResolutionAnnouncement, RESOLUTION_TYPE, RESOLUTION_OUTCOME_NAMES, percent } from './templates/resolution';
export type {
  ResolutionAnnouncementInput,
  ResolutionMotion,
  ResolutionChoice,
  ResolutionOutcome,
  ResolutionObjection,
  HeadsArea,
} from './templates/resolution';
export { renderStatement, STATEMENT_TYPE, formatCell } from './templates/statement';
export type { StatementInput, StatementColumn, StatementColumnType, StatementRow, StatementCell } from './templates/statement';
export { renderSealLog, SEAL_LOG_TYPE } from './templates/seal-log';
export { renderTenderFailed, TENDER_FAILED_TYPE, type TenderFailedInput } from './templates/tender-failed';
export type { SealLogReportInput, SealLogEntry } from './templates/seal-log';
export { renderJointBulletin, JOINT_BULLETIN_TYPE } from './templates/joint-bulletin';
export type { JointBulletinInput, BulletinMeeting, BulletinProblem, BulletinCategoryFigures } from './templates/joint-bulletin';
export {
  createRootCa,
  issueSealCertificate,
  issueTsaCertificate,
  describeCertificate,
  sealCommonName,
  generateRsaKeyPem,
  type KeyAndCertificate,
  type RootCaOptions,
  type SealCertificateRequest,
  type SealCertificateInfo,
} from './pki';
export { encryptPrivateKey, decryptPrivateKey } from './key-encryption';
export { signPdf, CmsSigner, revocationInfoArchival, type SignPdfOptions, type TimestampSource } from './sign';
export {
  buildTimeStampRequest,
  createTimeStampResponse,
  readTimeStampResponse,
  parseTimeStampRequest,
  parseTstInfo,
  TSA_POLICY_OID,
} from './tsp';
export type { TimeStampAuthority, TimeStampRequest, TstInfo } from './tsp';
export { createCrl, parseCrl, normaliseSerial, type Revocation, type ParsedCrl } from './crl';
export { verifyPdf, type VerifyResult, type SignatureReport } from './verify';
export { renderActivationLetters, activationLink, ACTIVATION_PATH } from './templates/activation-letters';
export type { ActivationLetter, ActivationLettersInput } from './templates/activation-letters';
