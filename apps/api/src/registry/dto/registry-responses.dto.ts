import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../common/page.dto';
import { COMMUNITY_ROLES, type CommunityRole } from '../../identity/roles';
import { OWNER_KINDS, type OwnerKind } from '../entities/owner.entity';
import { AREA_SOURCES, UNIT_KINDS, UNIT_STATUSES, type AreaSource, type UnitKind, type UnitStatus } from '../entities/unit.entity';

/** Response shapes of the registry routes; the web app's types are generated from them (npm run openapi). */

export class CommunityDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '阳光花园' })
  name: string;

  @ApiProperty({ description: '所在街道/区（未填为空字符串）' })
  district: string;

  @ApiProperty({ description: '地址（未填为空字符串）' })
  address: string;

  @ApiProperty({ example: 'Asia/Shanghai' })
  timeZone: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** A community in GET /communities, with the roles the caller holds there today (none for the platform admin). */
export class MyCommunityDto extends CommunityDto {
  @ApiProperty({ enum: COMMUNITY_ROLES, enumName: 'CommunityRole', isArray: true })
  roles: CommunityRole[];
}

export class CommunityTotalsDto {
  @ApiProperty({ description: '总专有面积（两位小数的十进制字符串）', example: '12345.67' })
  totalArea: string;

  @ApiProperty({ type: 'integer', description: '总人数（司法解释第9条）' })
  totalHeadcount: number;

  @ApiProperty({ type: 'integer' })
  unitCount: number;

  @ApiProperty({ type: 'integer', description: '建设单位未售出的房屋数' })
  developerUnitCount: number;

  @ApiProperty({ type: 'integer', description: '拥有多套房屋的业主数' })
  multiUnitOwnerCount: number;

  @ApiProperty({ description: '面积 2/3 线（民法典第278条）', example: '8230.45' })
  twoThirdsArea: string;

  @ApiProperty({ type: 'integer', description: '人数 2/3 线' })
  twoThirdsHeadcount: number;

  @ApiProperty({ description: '车位是否计入面积（议事规则）' })
  countParkingAsArea: boolean;
}

export class BuildingDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '3幢' })
  name: string;

  @ApiProperty({ type: 'integer' })
  unitCount: number;

  @ApiProperty({ example: '4521.30' })
  totalArea: string;

  @ApiProperty({ type: [String], description: '有房屋的单元' })
  stairwells: string[];
}

export class UnitOwnerDto {
  @ApiProperty({ description: '姓名（无权查看者只见姓氏）' })
  name: string;

  @ApiProperty({ enum: OWNER_KINDS, enumName: 'OwnerKind' })
  kind: OwnerKind;

  @ApiProperty({ type: String, nullable: true, description: '脱敏手机号' })
  mobile: string | null;

  @ApiProperty({ description: '是否为该房屋的投票人' })
  designated: boolean;
}

export class UnitDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '3-2-1501' })
  number: string;

  @ApiProperty({ example: '3幢' })
  building: string;

  @ApiProperty({ description: '单元（无则为空字符串）' })
  stairwell: string;

  @ApiProperty()
  room: string;

  @ApiProperty({ enum: UNIT_KINDS, enumName: 'UnitKind' })
  kind: UnitKind;

  @ApiProperty({ example: '89.50' })
  area: string;

  @ApiProperty({ enum: AREA_SOURCES, enumName: 'AreaSource' })
  areaSource: AreaSource;

  @ApiProperty({ enum: UNIT_STATUSES, enumName: 'UnitStatus' })
  status: UnitStatus;

  @ApiProperty({ type: [UnitOwnerDto] })
  owners: UnitOwnerDto[];
}

export class UnitPageDto extends PageMetaDto {
  @ApiProperty({ type: [UnitDto] })
  items: UnitDto[];
}

export class RegisteredOwnerDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: OWNER_KINDS, enumName: 'OwnerKind' })
  kind: OwnerKind;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true, description: '脱敏手机号' })
  mobile: string | null;

  @ApiProperty({ type: String, nullable: true, description: '证件号（隐去末位）' })
  idNumber: string | null;

  @ApiProperty({ description: '是否已关联网上账号' })
  hasAccount: boolean;

  @ApiProperty({ type: [String], description: '房号' })
  units: string[];

  @ApiProperty({ description: '名下专有面积合计', example: '89.50' })
  area: string;
}

export class OwnerPageDto extends PageMetaDto {
  @ApiProperty({ type: [RegisteredOwnerDto] })
  items: RegisteredOwnerDto[];
}

export class RosterImportResultDto {
  @ApiProperty({ type: 'integer' })
  rows: number;

  @ApiProperty({ type: 'integer' })
  buildingsCreated: number;

  @ApiProperty({ type: 'integer' })
  unitsCreated: number;

  @ApiProperty({ type: 'integer' })
  unitsUpdated: number;

  @ApiProperty({ type: 'integer' })
  unitsUnchanged: number;

  @ApiProperty({ type: 'integer' })
  ownersCreated: number;

  @ApiProperty({ type: 'integer' })
  ownershipChanged: number;

  @ApiProperty({ type: 'integer', description: '已登记但文件未提及的房屋（保持不变）' })
  unitsNotInFile: number;
}

/** One bad line of a roster file. */
export class RosterLineErrorDto {
  @ApiProperty({ description: '文件中的行号' })
  line: number;

  @ApiProperty({ example: '面积应为正数' })
  reason: string;
}

export class RosterRejectionDetailsDto {
  @ApiProperty({ type: [RosterLineErrorDto] })
  errors: RosterLineErrorDto[];
}

/** 400 roster_invalid: nothing imported; the bad lines in details.errors. */
export class RosterRejectedDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'roster_invalid' })
  code: string;

  @ApiProperty()
  message: string;

  @ApiProperty({ type: RosterRejectionDetailsDto })
  details: RosterRejectionDetailsDto;
}
