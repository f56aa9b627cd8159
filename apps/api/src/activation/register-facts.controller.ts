import { Controller, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Invalid } from '../common/app-error';
import { CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentUser } from '../identity/decorators';
import { RosterRejectedDto } from '../registry/dto/registry-responses.dto';
import { RegisterFactsResultDto } from './dto/activation-responses.dto';
import { RegisterFactsService } from './register-facts.service';

const MAX_FACTS_BYTES = 10 * 1024 * 1024;

/** Only the residents' committee: the committee prints the codes, so it must not be the one who knows the facts. */
@ApiTags('activation')
@Controller('communities/:communityId')
export class RegisterFactsController {
  constructor(private readonly facts: RegisterFactsService) {}

  @CommunityAccess(['residents_committee'])
  @Post('register-facts')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FACTS_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    summary: '居委会导入业主核验信息（楼栋、单元、房号、业主、手机、证件号；CSV 或 XLSX，全部成功或全部不导入；业委会看不到内容）',
  })
  @ApiCreatedResponse({ type: RegisterFactsResultDto })
  @ApiBadRequestResponse({ type: RosterRejectedDto, description: '文件有错误，未导入任何数据' })
  import(
    @CurrentUser() user: AuthUser,
    @Param() { communityId }: CommunityParam,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
  ) {
    if (!file) throw new Invalid('请上传文件字段 file (multipart field "file" required)', 'file_required');
    return this.facts.import(user.id, communityId, file);
  }
}
