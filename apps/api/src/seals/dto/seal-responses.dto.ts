import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMMUNITY_ROLES, type CommunityRole } from '../../identity/roles';
import { SEAL_KINDS, type SealKind } from '../entities/seal.entity';

/** Response shapes of the seal routes; the web app's types are generated from them (npm run openapi). */

export class SealCustodianDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: COMMUNITY_ROLES, isArray: true, description: '今天在本小区担任的职务' })
  roles: CommunityRole[];

  @ApiProperty({ type: String, format: 'date-time' })
  assignedAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endedAt: Date | null;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ description: '持有以用章密码保护的印章密钥（可以用章）' })
  hasKey: boolean;
}

export class SealDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ enum: SEAL_KINDS })
  kind: SealKind;

  @ApiProperty({ type: 'integer', description: '第几届' })
  term: number;

  @ApiProperty({ enum: ['active', 'retired'] })
  status: string;

  @ApiProperty()
  commonName: string;

  @ApiProperty()
  serialNumber: string;

  @ApiProperty({ description: '证书 SHA-256 指纹' })
  fingerprint: string;

  @ApiProperty({ type: String, format: 'date-time' })
  notBefore: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  notAfter: Date;

  @ApiProperty({ format: 'uuid' })
  issuedBy: string;

  @ApiProperty({ type: String, format: 'date-time' })
  issuedAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  retiredAt: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  retiredBy: string | null;

  @ApiProperty({ type: String, nullable: true })
  retireReason: string | null;

  @ApiProperty({ type: [SealCustodianDto] })
  custodians: SealCustodianDto[];
}

export class CustodyProposalViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: [String] })
  userIds: string[];

  @ApiProperty()
  note: string;

  @ApiProperty({ enum: ['pending', 'confirmed', 'withdrawn'] })
  status: 'pending' | 'confirmed' | 'withdrawn';

  @ApiProperty({ format: 'uuid' })
  proposedBy: string;

  @ApiProperty()
  proposedByName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  proposedAt: Date;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  decidedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: Date | null;
}

export class CreatedIdDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
}

export class SealPinStatusDto {
  @ApiProperty()
  pinSet: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  pinSetAt: Date | null;

  @ApiProperty({ type: [String], description: '我持有密钥的印章' })
  sealIds: string[];
}

export class SealRequestViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty()
  documentNumber: string;

  @ApiProperty()
  documentTitle: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  agendaItemId: string | null;

  @ApiProperty({ description: '依据的决定' })
  decision: string;

  @ApiProperty({ enum: ['pending', 'completed', 'refused'] })
  status: 'pending' | 'completed' | 'refused';

  @ApiProperty({ format: 'uuid' })
  requestedBy: string;

  @ApiProperty()
  requestedByName: string;

  @ApiProperty({ description: '由发布步骤（系统）自动申请：各印章的任一保管人均可用章，但同一人不能加盖两枚' })
  onPublication: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  requestedAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: Date | null;

  @ApiProperty({ enum: SEAL_KINDS, isArray: true })
  requiredSeals: SealKind[];

  @ApiProperty({ enum: SEAL_KINDS, isArray: true })
  appliedSeals: SealKind[];
}

export class SealLogEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  sealId: string;

  @ApiProperty({ enum: SEAL_KINDS })
  sealKind: SealKind;

  @ApiProperty()
  sealName: string;

  @ApiProperty({ format: 'uuid' })
  requestId: string;

  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty()
  documentNumber: string;

  @ApiProperty()
  documentTitle: string;

  @ApiProperty()
  decision: string;

  @ApiProperty({ format: 'uuid' })
  requestedBy: string;

  @ApiProperty()
  requestedByName: string;

  @ApiProperty({ format: 'uuid' })
  custodianId: string;

  @ApiProperty()
  custodianName: string;

  @ApiProperty({ enum: ['applied', 'refused'] })
  outcome: 'applied' | 'refused';

  @ApiProperty({ description: '拒绝理由（用章时为空字符串）' })
  reason: string;

  @ApiProperty({ type: String, nullable: true, description: '用章后 PDF 版本的 SHA-256' })
  fileSha256: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  usedAt: Date;
}

export class SealRequestDetailDto extends SealRequestViewDto {
  @ApiProperty({ type: [SealLogEntryDto] })
  log: SealLogEntryDto[];
}

/** The seal request row as just saved (POST /seal-requests). */
export class SealRequestRecordDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  agendaItemId: string | null;

  @ApiProperty()
  decision: string;

  @ApiProperty({ format: 'uuid' })
  committeeSealId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  assemblySealId: string | null;

  @ApiProperty({ enum: ['pending'] })
  status: string;

  @ApiProperty({ format: 'uuid' })
  requestedBy: string;

  @ApiProperty({ description: '由发布步骤（系统）自动申请' })
  onPublication: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  requestedAt: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  closedAt?: Date | null;

  @ApiProperty({ type: 'integer', description: '乐观锁版本' })
  version: number;
}
