import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../common/page.dto';
import type { ActivationStatus } from '@gongyi/domain/identity/activation';

/** Response shapes of the activation routes; the web app's types are generated from them (npm run openapi). */

export const ACTIVATION_STATUSES: readonly ActivationStatus[] = ['not_issued', 'issued', 'activated', 'expired'];

export class OwnerActivationDto {
  @ApiProperty({ format: 'uuid' })
  ownerId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: [String], description: '房号' })
  units: string[];

  @ApiProperty({ type: [String], description: '所在楼栋 id' })
  buildingIds: string[];

  @ApiProperty({ enum: ACTIVATION_STATUSES, enumName: 'ActivationStatus' })
  status: ActivationStatus;

  @ApiProperty({ example: '已发放' })
  statusLabel: string;

  @ApiProperty({ description: '核验信息累计输错过多，须居委会当面核实后解除' })
  locked: boolean;

  @ApiProperty({ description: '居委会已导入该业主的核验信息（否则激活码无法使用，不发放）' })
  registerFact: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  issuedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt: string | null;
}

export class OwnerActivationPageDto extends PageMetaDto {
  @ApiProperty({ type: [OwnerActivationDto] })
  items: OwnerActivationDto[];
}

export class BuildingActivationDto {
  @ApiProperty({ format: 'uuid' })
  buildingId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: 'integer', description: '业主数（跨楼栋的业主在各楼栋都计）' })
  total: number;

  @ApiProperty({ type: 'integer' })
  not_issued: number;

  @ApiProperty({ type: 'integer' })
  issued: number;

  @ApiProperty({ type: 'integer' })
  activated: number;

  @ApiProperty({ type: 'integer' })
  expired: number;
}

export class IssuedLetterDto {
  @ApiProperty({ format: 'uuid' })
  ownerId: string;

  @ApiProperty()
  ownerName: string;

  @ApiProperty({ type: [String] })
  units: string[];

  @ApiProperty({ description: '激活码（只在此回复和 PDF 中出现）' })
  code: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

/** format=json: the issued codes instead of the PDF. */
export class IssuedLettersDto {
  @ApiProperty({ type: 'integer' })
  issued: number;

  @ApiProperty({ type: [IssuedLetterDto] })
  letters: IssuedLetterDto[];
}

export class CodeCheckDto {
  @ApiProperty({ type: Boolean, enum: [true] })
  usable: true;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

export class OwnerLinkDto {
  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  ownerId: string;
}

export class RegisterFactsResultDto {
  @ApiProperty({ type: 'integer', description: '文件中的行数' })
  rows: number;

  @ApiProperty({ type: 'integer', description: '保存了登记手机号后 4 位的业主数' })
  withMobileTail: number;

  @ApiProperty({ type: 'integer', description: '保存了证件号后 6 位的业主数' })
  withIdTail: number;

  @ApiProperty({ type: 'integer', description: '登记手机号与业委会花名册中的联系电话后 4 位相同、不作核验信息的业主数' })
  withheldMobileTail: number;

  @ApiProperty({ type: 'integer', description: '证件号业委会花名册中已有、不作核验信息的业主数' })
  withheldIdTail: number;

  @ApiProperty({ type: 'integer', description: '导入后仍无核验信息（未激活）的业主数' })
  ownersWithoutFacts: number;
}
