import { Body, Controller, Get, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Invalid } from '../common/app-error';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { type AuthUser, Authenticated, CommunityAccess, CurrentRoles, CurrentUser, PlatformAdmin } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_MEMBERS, COMMUNITY_STAFF, type CommunityRole } from '../identity/roles';
import { CreateCommunityDto, LinkOwnerAccountDto, OwnerQueryDto, UnitQueryDto } from './dto/registry.dto';
import { OwnerAccountsService } from './owner-accounts.service';
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
    private readonly ownerAccounts: OwnerAccountsService,
  ) {}

  @PlatformAdmin()
  @Post()
  @ApiOperation({ summary: '创建小区（平台管理员）' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCommunityDto) {
    return this.registry.createCommunity(user.id, body);
  }

  @Authenticated()
  @Get()
  @ApiOperation({ summary: '我可访问的小区' })
  list(@CurrentUser() user: AuthUser) {
    return this.registry.listCommunities(user);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get(':communityId')
  @ApiOperation({ summary: '小区概况' })
  get(@Param() { communityId }: CommunityParam) {
    return this.registry.getCommunity(communityId);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get(':communityId/totals')
  @ApiOperation({ summary: '总面积与总人数（司法解释第8–9条）' })
  totals(@Param() { communityId }: CommunityParam) {
    return this.registry.totals(communityId);
  }

  @CommunityAccess(COMMUNITY_STAFF, { admin: true })
  @Get(':communityId/buildings')
  @ApiOperation({ summary: '楼栋列表' })
  buildings(@Param() { communityId }: CommunityParam) {
    return this.registry.buildings(communityId);
  }

  @CommunityAccess(COMMUNITY_STAFF, { admin: true })
  @Get(':communityId/units')
  @ApiOperation({ summary: '房屋列表（可搜索）' })
  units(
    @Param() { communityId }: CommunityParam,
    @Query() query: UnitQueryDto,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ) {
    return this.registry.units(communityId, query, roles, user.isPlatformAdmin);
  }

  @CommunityAccess(COMMITTEE, { admin: true })
  @Post(':communityId/roster-imports')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ROSTER_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: '导入房屋花名册（CSV 或 XLSX，全部成功或全部不导入）' })
  importRoster(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @UploadedFile() file: UploadedRoster | undefined) {
    if (!file) throw new Invalid('请上传文件字段 file (multipart field "file" required)', 'file_required');
    return this.rosterImport.import(user.id, communityId, file);
  }

  @CommunityAccess(COMMITTEE, { admin: true })
  @Get(':communityId/owners')
  @ApiOperation({ summary: '业主列表（手机号脱敏）' })
  owners(@Param() { communityId }: CommunityParam, @Query() query: OwnerQueryDto) {
    return this.registry.owners(communityId, query);
  }

  @CommunityAccess(COMMITTEE, { admin: true })
  @Post(':communityId/owners/:id/account')
  @ApiOperation({ summary: '为业主开通网上账号（核验身份后），授予业主角色' })
  linkAccount(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: LinkOwnerAccountDto) {
    return this.ownerAccounts.link(user.id, communityId, id, body);
  }
}
