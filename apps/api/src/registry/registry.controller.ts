import { Body, Controller, Get, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Invalid } from '../common/app-error';
import { CommunityParam } from '../common/params';
import { type AuthUser, Authenticated, CommunityAccess, CurrentRoles, CurrentUser, PlatformAdmin } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_MEMBERS, COMMUNITY_STAFF, type CommunityRole } from '../identity/roles';
import { CreateCommunityDto, OwnerQueryDto, UnitQueryDto } from './dto/registry.dto';
import {
  BuildingDto,
  CommunityDto,
  CommunityTotalsDto,
  MyCommunityDto,
  OwnerPageDto,
  RosterImportResultDto,
  RosterRejectedDto,
  UnitPageDto,
} from './dto/registry-responses.dto';
import { RegistryService } from './registry.service';
import { RosterImportService } from './roster/roster-import.service';

interface UploadedRoster {
  buffer: Buffer;
  originalname: string;
}

const MAX_ROSTER_BYTES = 10 * 1024 * 1024;

@ApiTags('registry')
@Controller('communities')
export class RegistryController {
  constructor(
    private readonly registry: RegistryService,
    private readonly rosterImport: RosterImportService,
  ) {}

  @PlatformAdmin()
  @Post()
  @ApiOperation({ summary: '创建小区（平台管理员）' })
  @ApiCreatedResponse({ type: CommunityDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCommunityDto) {
    return this.registry.createCommunity(user.id, body);
  }

  @Authenticated()
  @Get()
  @ApiOperation({ summary: '我可访问的小区' })
  @ApiOkResponse({ type: [MyCommunityDto] })
  list(@CurrentUser() user: AuthUser) {
    return this.registry.listCommunities(user);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get(':communityId')
  @ApiOperation({ summary: '小区概况' })
  @ApiOkResponse({ type: CommunityDto })
  get(@Param() { communityId }: CommunityParam) {
    return this.registry.getCommunity(communityId);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get(':communityId/totals')
  @ApiOperation({ summary: '总面积与总人数（司法解释第8–9条）' })
  @ApiOkResponse({ type: CommunityTotalsDto })
  totals(@Param() { communityId }: CommunityParam) {
    return this.registry.totals(communityId);
  }

  @CommunityAccess(COMMUNITY_STAFF, { admin: true })
  @Get(':communityId/buildings')
  @ApiOperation({ summary: '楼栋列表' })
  @ApiOkResponse({ type: [BuildingDto] })
  buildings(@Param() { communityId }: CommunityParam) {
    return this.registry.buildings(communityId);
  }

  @CommunityAccess(COMMUNITY_STAFF, { admin: true })
  @Get(':communityId/units')
  @ApiOperation({ summary: '房屋列表（可搜索）' })
  @ApiOkResponse({ type: UnitPageDto })
  units(
    @Param() { communityId }: CommunityParam,
    @Query() query: UnitQueryDto,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ) {
    return this.registry.units(communityId, query, roles, user.isPlatformAdmin);
  }

  // The committee keeps the register; the platform admin does not write a community's roster (issue 10 item 6).
  @CommunityAccess(COMMITTEE)
  @Post(':communityId/roster-imports')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ROSTER_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: '导入房屋花名册（CSV 或 XLSX，全部成功或全部不导入）' })
  @ApiCreatedResponse({ type: RosterImportResultDto })
  @ApiBadRequestResponse({ type: RosterRejectedDto, description: '花名册有错误，未导入任何数据' })
  importRoster(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @UploadedFile() file: UploadedRoster | undefined) {
    if (!file) throw new Invalid('请上传文件字段 file (multipart field "file" required)', 'file_required');
    return this.rosterImport.import(user.id, communityId, file);
  }

  @CommunityAccess(COMMITTEE, { admin: true })
  @Get(':communityId/owners')
  @ApiOperation({ summary: '业主列表（手机号脱敏）' })
  @ApiOkResponse({ type: OwnerPageDto })
  owners(@Param() { communityId }: CommunityParam, @Query() query: OwnerQueryDto) {
    return this.registry.owners(communityId, query);
  }
}
