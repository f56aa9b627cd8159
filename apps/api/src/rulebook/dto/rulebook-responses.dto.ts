import { ApiProperty } from '@nestjs/swagger';
import { CHAIN_STAGES, STAGE_REQUIREMENTS, type StageRequirement } from '@gongyi/domain/chain/stages';
import type { RulebookSettings } from '@gongyi/domain/rulebook/rulebook';
import { ASSEMBLY_SEAL_OPTIONAL_KINDS } from '@gongyi/domain/documents/seal-policy';
import { MATTER_CATEGORIES } from '@gongyi/domain/voting/matter';

/** Response shapes of the rulebook routes; the web app's types are generated from them (npm run openapi). */

/** Per consultation stage: whether a matter of one category must, may or need not pass it. */
export class StagePlanDto {}
for (const stage of CHAIN_STAGES) {
  ApiProperty({ enum: STAGE_REQUIREMENTS, enumName: 'StageRequirement' })(StagePlanDto.prototype, stage);
}
export type StagePlanShape = Record<(typeof CHAIN_STAGES)[number], StageRequirement>;

/** The stage plan of every matter category. */
export class RulebookStagesDto {}
for (const category of MATTER_CATEGORIES) {
  ApiProperty({ type: StagePlanDto })(RulebookStagesDto.prototype, category);
}

/** One request category's response times (接诉即办). */
export class RequestRuleDto {
  @ApiProperty({ example: 'repair' })
  category: string;

  @ApiProperty({ example: '小修小补' })
  label: string;

  @ApiProperty({ type: 'integer', description: '派单后接单（到场）时限，分钟' })
  acceptMinutes: number;

  @ApiProperty({ type: 'integer', description: '接单后办结（fix）或给出方案（plan）时限，分钟' })
  resolveMinutes: number;

  @ApiProperty({ enum: ['fix', 'plan'] })
  resolveKind: 'fix' | 'plan';
}

export class RulebookSettingsDto implements Omit<RulebookSettings, 'stages'> {
  @ApiProperty({ type: 'integer', description: '会议公告至投票开始的天数（≥ 15）' })
  noticeDays: number;

  @ApiProperty({ type: 'integer', description: '临时会议的公告天数（≥ 7）' })
  interimNoticeDays: number;

  @ApiProperty({ type: 'integer' })
  votingWindowMinDays: number;

  @ApiProperty({ type: 'integer' })
  votingWindowMaxDays: number;

  @ApiProperty({ enum: ['majority_of_all', 'half_of_all'] })
  committeeDecisionRule: 'majority_of_all' | 'half_of_all';

  @ApiProperty({ type: 'integer', description: '一名受托人最多代理的业主数' })
  proxyCap: number;

  @ApiProperty({ description: '未参与表决的业主计入多数（指导规则第26条）' })
  countNonVotersWithMajority: boolean;

  @ApiProperty({ description: '车位是否计入专有面积' })
  countParkingAsArea: boolean;

  @ApiProperty({ description: '公共收益支出超过此额（分）须引用已通过的决定', example: '500000' })
  spendingLimitFen: string;

  @ApiProperty({ enum: ['monthly', 'quarterly', 'half_yearly'] })
  statementPeriod: 'monthly' | 'quarterly' | 'half_yearly';

  @ApiProperty({ type: 'integer' })
  objectionDays: number;

  @ApiProperty({ type: 'integer' })
  postingDays: number;

  @ApiProperty({ type: 'integer' })
  activationExpiryDays: number;

  @ApiProperty({ type: [String], description: '物业服务星级评价项目（每户每季度按项目打 1–5 星）' })
  serviceRatingCriteria: string[];
  @ApiProperty({
    type: () => RequestRuleDto,
    isArray: true,
    required: false,
    description: '诉求类别与响应时限（默认 52022）；旧版本无此项时取默认值',
  })
  requestRules?: RequestRuleDto[];

  @ApiProperty({ type: 'integer', required: false, description: '办结后居民可重新打开诉求的天数' })
  requestReopenDays?: number;

  @ApiProperty({
    enum: ASSEMBLY_SEAL_OPTIONAL_KINDS,
    enumName: 'AssemblySealOptionalKind',
    isArray: true,
    required: false,
    description: '除业主大会自己的文书外，议事规则列明须加盖业主大会章的文书种类；旧版本无此项时为空',
  })
  assemblySealKinds?: string[];

  @ApiProperty({ type: RulebookStagesDto })
  stages: RulebookSettings['stages'];
}

export const RULEBOOK_BASES = ['assembly_vote', 'residents_committee'] as const;

export class RulebookVersionDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;

  @ApiProperty({ type: RulebookSettingsDto })
  settings: RulebookSettingsDto;

  @ApiProperty()
  note: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ enum: RULEBOOK_BASES, nullable: true, description: '生效依据；全国默认规则为 null' })
  basis: (typeof RULEBOOK_BASES)[number] | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  voteId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  draftId: string | null;
}

export class RulebookDraftDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'RB-1A2B3C4D', description: '修订草案编号：业主大会表决的议案须写明此编号，草案才能据以生效' })
  reference: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '对现行规则的修改（只含改动的项）' })
  change: Record<string, unknown>;

  @ApiProperty()
  note: string;

  @ApiProperty({ enum: ['draft', 'adopted', 'withdrawn'] })
  status: 'draft' | 'adopted' | 'withdrawn';

  @ApiProperty({ format: 'uuid' })
  draftedBy: string;

  @ApiProperty()
  draftedByName: string;

  @ApiProperty({ format: 'date-time' })
  draftedAt: string;

  @ApiProperty({ enum: RULEBOOK_BASES, nullable: true })
  basis: (typeof RULEBOOK_BASES)[number] | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  voteId: string | null;

  @ApiProperty({ type: String, nullable: true })
  voteTitle: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  decidedBy: string | null;

  @ApiProperty({ type: String, nullable: true })
  decidedByName: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: '生效后成为的版本号' })
  version: number | null;
}

export class CitableVoteDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ format: 'date-time' })
  closedAt: string;

  @ApiProperty()
  itemTitle: string;

  @ApiProperty({ description: '各议案均通过' })
  passed: boolean;

  @ApiProperty({ type: [String], example: ['RB-1A2B3C4D'], description: '该表决议案写明的修订草案编号（只能使这些草案生效）' })
  draftReferences: string[];
}

export class RulebookDraftStateDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['draft', 'withdrawn'] })
  status: 'draft' | 'withdrawn';
}
