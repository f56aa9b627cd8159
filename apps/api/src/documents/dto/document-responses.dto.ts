import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Response shapes of the document and public verification routes; the web app's types are generated from them. */

const SEAL_KINDS = ['assembly', 'committee'] as const;
type SealKind = (typeof SEAL_KINDS)[number];

export const VERDICT_CODES = [
  'genuine',
  'changed_after_sealing',
  'seal_missing',
  'signature_corrupted',
  'foreign_certificate',
  'sealed_after_retirement',
  'revoked_without_timestamp',
  'unsealed_copy',
  'draft',
  'not_ours',
  'signed_not_registered',
] as const;

export class DocumentSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: '登记编号，如 GY-1A2B3C4D-2026-000001' })
  number: string;

  @ApiProperty({ description: '文书类型代码' })
  type: string;

  @ApiProperty({ description: '文书类型（中文）' })
  typeLabel: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, nullable: true, description: '发文字号（如 某某业委〔2026〕1号）' })
  issueNumber: string | null;

  @ApiProperty()
  sourceType: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  sourceId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  agendaItemId: string | null;

  @ApiProperty({ enum: ['draft', 'final'] })
  status: string;

  @ApiProperty({ enum: SEAL_KINDS, isArray: true })
  requiredSeals: string[];

  @ApiProperty({ description: '内容摘要（SHA-256）' })
  contentDigest: string;

  @ApiProperty({ type: String, nullable: true, description: '盖章定稿文件的 SHA-256' })
  fileSha256: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finalisedAt: Date | null;
}

export class AppliedSealDto {
  @ApiProperty({ enum: SEAL_KINDS })
  kind: SealKind;

  @ApiProperty({ format: 'uuid' })
  sealId: string;

  @ApiProperty()
  sealName: string;

  @ApiProperty()
  custodianName: string;

  @ApiProperty({ format: 'date-time' })
  appliedAt: string;
}

export class DocumentRevisionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  requestId: string | null;

  @ApiProperty()
  sha256: string;

  @ApiProperty({ type: 'integer' })
  size: number;

  @ApiProperty({ type: [AppliedSealDto] })
  seals: AppliedSealDto[];

  @ApiProperty()
  isFinal: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class DocumentDetailDto extends DocumentSummaryDto {
  @ApiProperty({ type: [DocumentRevisionDto], description: '各次用章后的文件（非工作人员只见定稿）' })
  revisions: DocumentRevisionDto[];
}

/** The document row as just registered (draft): POST /documents and POST /seal-log/reports answer it. */
export class DocumentRecordDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty()
  number: string;

  @ApiProperty({ type: 'integer' })
  year: number;

  @ApiProperty({ type: 'integer' })
  seq: number;

  @ApiProperty()
  type: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, nullable: true })
  issueNumber: string | null;

  @ApiProperty()
  sourceType: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  sourceId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  agendaItemId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '生成文书的输入（按文书类型而定）' })
  input: unknown;

  @ApiProperty()
  contentDigest: string;

  @ApiProperty({ enum: SEAL_KINDS, isArray: true })
  requiredSeals: string[];

  @ApiProperty({ enum: ['draft'] })
  status: string;

  @ApiProperty({ type: String, format: 'date-time' })
  generatedAt: Date;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdBy: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  finalisedAt?: Date | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  fileSha256?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  finalFileId?: string | null;
}

export class SealCheckDto {
  @ApiProperty({ enum: SEAL_KINDS, nullable: true })
  sealKind: string | null;

  @ApiProperty({ type: String, nullable: true })
  sealKindLabel: string | null;

  @ApiProperty({ description: '证书所载印章名称' })
  sealName: string;

  @ApiProperty()
  subject: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  signingTime: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'RFC 3161 时间戳证明的时间' })
  trustedTime: string | null;

  @ApiProperty({ type: String, nullable: true })
  timestampAuthority: string | null;

  @ApiProperty()
  timestamped: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '印章停用（证书吊销）时间' })
  revokedAt: string | null;

  @ApiProperty({ enum: ['sealed_after_retirement', 'revoked_without_timestamp'], nullable: true })
  revocation: string | null;

  @ApiProperty({ type: String, nullable: true })
  appliedBy: string | null;

  @ApiProperty({ type: String, nullable: true })
  reason: string | null;

  @ApiProperty()
  integrity: boolean;

  @ApiProperty()
  chainTrusted: boolean;

  @ApiProperty()
  coversWholeFile: boolean;

  @ApiProperty()
  valid: boolean;

  @ApiProperty({ type: [String] })
  problems: string[];
}

export class RegisteredSealDto {
  @ApiProperty({ enum: SEAL_KINDS })
  kind: SealKind;

  @ApiProperty()
  sealName: string;

  @ApiProperty()
  appliedBy: string;

  @ApiProperty({ format: 'date-time' })
  appliedAt: string;
}

/** GET /verify/:number: the registered file itself. */
export class NumberVerificationDto {
  @ApiProperty()
  number: string;

  @ApiProperty()
  type: string;

  @ApiProperty()
  typeLabel: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, nullable: true })
  issueNumber: string | null;

  @ApiProperty()
  communityName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  finalisedAt: Date | string;

  @ApiProperty()
  registeredSha256: string;

  @ApiProperty({ type: [RegisteredSealDto] })
  seals: RegisteredSealDto[];

  @ApiProperty({ enum: VERDICT_CODES })
  verdict: (typeof VERDICT_CODES)[number];

  @ApiProperty()
  ok: boolean;

  @ApiProperty()
  headline: string;

  @ApiProperty()
  detail: string;

  @ApiProperty()
  downloadUrl: string;

  @ApiProperty()
  signaturesValid: boolean;

  @ApiProperty({ type: [SealCheckDto] })
  signatures: SealCheckDto[];
}

/** Registration summary of a document (what POST /verify reports for the file's document). */
export class RegisteredDocumentDto {
  @ApiProperty()
  number: string;

  @ApiProperty()
  type: string;

  @ApiProperty()
  typeLabel: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, nullable: true })
  issueNumber: string | null;

  @ApiProperty()
  communityName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  finalisedAt: Date | string;

  @ApiProperty()
  registeredSha256: string;

  @ApiProperty({ type: [RegisteredSealDto] })
  seals: RegisteredSealDto[];
}

/** A record head checked against today's chain, with the verdict (npm run record:verify words it the same). */
export class KeptHeadResultDto {
  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ description: '决策记录序号（整数字符串）' })
  seq: string;

  @ApiProperty()
  hash: string;

  @ApiPropertyOptional({ format: 'date-time', description: '留存检查点的签署时间（提交时附带才回显）' })
  signedAt?: string;

  @ApiProperty({ description: '今天的决策记录在该序号处仍是这个哈希' })
  contained: boolean;

  @ApiPropertyOptional({ enum: ['no_such_entry', 'hash_differs'] })
  reason?: 'no_such_entry' | 'hash_differs';

  @ApiProperty({ enum: ['checkpoint', 'pdf'] })
  source: 'checkpoint' | 'pdf';

  @ApiProperty({ enum: ['valid', 'invalid', 'absent'], description: '根密钥签名（PDF 中的记录头：其印章）是否有效' })
  signature: 'valid' | 'invalid' | 'absent';

  @ApiProperty({ enum: ['intact', 'intact_unsigned', 'forged', 'rewritten', 'missing'] })
  verdict: 'intact' | 'intact_unsigned' | 'forged' | 'rewritten' | 'missing';

  @ApiProperty()
  ok: boolean;

  @ApiProperty({ description: '结论（中文）' })
  message: string;
}

export class RevisionPositionDto {
  @ApiProperty({ type: 'integer', description: '第 n 次盖章' })
  n: number;

  @ApiProperty({ type: 'integer', description: '共 m 次' })
  of: number;
}

/** POST /verify: a file someone holds. */
export class UploadVerificationDto {
  @ApiProperty()
  sha256: string;

  @ApiProperty({ enum: VERDICT_CODES })
  verdict: (typeof VERDICT_CODES)[number];

  @ApiProperty()
  ok: boolean;

  @ApiProperty()
  headline: string;

  @ApiProperty()
  detail: string;

  @ApiProperty({ type: RevisionPositionDto, nullable: true })
  revision: RevisionPositionDto | null;

  @ApiProperty({ enum: ['pages_added', 'content_changed', 'metadata_only'], nullable: true })
  change: 'pages_added' | 'content_changed' | 'metadata_only' | null;

  @ApiProperty()
  signaturesValid: boolean;

  @ApiProperty({ type: 'integer' })
  signatureCount: number;

  @ApiProperty({ description: '文件与登记的定稿逐字节一致' })
  matchesRegistered: boolean;

  @ApiProperty({ type: String, nullable: true })
  documentNumber: string | null;

  @ApiProperty({ type: RegisteredDocumentDto, nullable: true })
  document: RegisteredDocumentDto | null;

  @ApiProperty({ type: [SealCheckDto] })
  signatures: SealCheckDto[];

  @ApiProperty({ type: [KeptHeadResultDto], description: 'PDF 中印有的决策记录头，及今天的记录是否仍包含它' })
  recordCheckpoints: KeptHeadResultDto[];
}

export class SignedCheckpointDto {
  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty()
  seq: string;

  @ApiProperty()
  hash: string;

  @ApiProperty({ format: 'date-time' })
  signedAt: string;

  @ApiProperty({ description: '根密钥 RSA-SHA256 签名（base64）' })
  signature: string;
}

export class CheckpointFileDto {
  @ApiProperty({ enum: ['gongyi-record-checkpoints/1'] })
  format: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty()
  communityName: string;

  @ApiProperty({ format: 'date-time' })
  downloadedAt: string;

  @ApiProperty()
  rootCertificatePem: string;

  @ApiProperty({ type: [SignedCheckpointDto] })
  checkpoints: SignedCheckpointDto[];
}
