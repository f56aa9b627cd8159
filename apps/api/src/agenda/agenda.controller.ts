import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentRoles, CurrentUser } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_MEMBERS, type CommunityRole } from '../identity/roles';
import { AgendaService } from './agenda.service';
import { AgendaQueryDto, CreateAgendaItemDto, ProgressReportDto, RecordMeetingDto, SkipStageDto, StageParam } from './dto/agenda.dto';
import { AgendaItemDto, AgendaItemRowDto, AgendaItemSummaryDto, ExecutionReportDto, RecordedMeetingDto } from './dto/agenda-responses.dto';

class ResubmitDto {
  @ApiProperty({ description: '修改说明' })
  @IsString()
  @MaxLength(5000)
  note: string;
}

@ApiTags('agenda')
@Controller('communities/:communityId/agenda-items')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @CommunityAccess(COMMITTEE)
  @Post()
  @ApiOperation({ summary: '提出议题（按现行议事规则进入议事链）' })
  @ApiCreatedResponse({ type: AgendaItemRowDto })
  create(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @Body() body: CreateAgendaItemDto) {
    return this.agenda.create(user.id, communityId, body);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get()
  @ApiOperation({ summary: '议题看板' })
  @ApiOkResponse({ type: [AgendaItemSummaryDto] })
  list(@Param() { communityId }: CommunityParam, @Query() query: AgendaQueryDto) {
    return this.agenda.list(communityId, query);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get(':id')
  @ApiOperation({ summary: '议题详情与议事时间线' })
  @ApiOkResponse({ type: AgendaItemDto })
  get(@Param() { communityId, id }: CommunityItemParam) {
    return this.agenda.get(communityId, id);
  }

  @CommunityAccess([...COMMITTEE, 'party_secretary', 'representative'])
  @Post(':id/stages/:stage/meeting')
  @ApiOperation({ summary: '记录某一环节的会议及结果（支部先议由党支部书记记录）' })
  @ApiCreatedResponse({ type: RecordedMeetingDto })
  recordMeeting(
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
    @Param() { communityId, id, stage }: StageParam,
    @Body() body: RecordMeetingDto,
  ) {
    return this.agenda.recordMeeting(user.id, roles, communityId, id, stage, body);
  }

  @CommunityAccess(['committee_director'])
  @Post(':id/skips')
  @ApiOperation({ summary: '按议事规则跳过环节（须说明理由）' })
  @ApiCreatedResponse({ type: AgendaItemRowDto })
  skip(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: SkipStageDto) {
    return this.agenda.skip(user.id, communityId, id, body.stage, body.reason);
  }

  @CommunityAccess(COMMITTEE)
  @Post(':id/resubmissions')
  @ApiOperation({ summary: '退回后修改并重新提交' })
  @ApiCreatedResponse({ type: AgendaItemRowDto })
  resubmit(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: ResubmitDto) {
    return this.agenda.resubmit(user.id, communityId, id, body.note);
  }

  @CommunityAccess(['property_company'])
  @Post(':id/progress-reports')
  @ApiOperation({ summary: '物业报告执行进度' })
  @ApiCreatedResponse({ type: ExecutionReportDto })
  progress(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: ProgressReportDto) {
    return this.agenda.reportProgress(user.id, communityId, id, body.progressPercent, body.text, body.amountFen);
  }
}
