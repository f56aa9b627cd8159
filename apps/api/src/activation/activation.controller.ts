import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, type AuthUser, CurrentUser, Public } from '../identity/decorators';
import { ActivationService } from './activation.service';
import { LoginResultDto } from '../identity/dto/identity-responses.dto';
import { ActivateDto, CheckCodeDto, LinkByCodeDto } from './dto/activation.dto';
import { CodeCheckDto, OwnerLinkDto } from './dto/activation-responses.dto';

/** The owner's activation page calls these; codes travel only in request bodies (never in URLs or logs). */
@ApiTags('activation')
@Controller('activation')
export class ActivationController {
  constructor(private readonly activation: ActivationService) {}

  @Public()
  @Post('check')
  @HttpCode(200)
  @ApiOperation({ summary: '检查激活码是否可用（不透露业主信息）' })
  @ApiOkResponse({ type: CodeCheckDto })
  check(@Body() body: CheckCodeDto): Promise<CodeCheckDto> {
    return this.activation.check(body.code);
  }

  @Public()
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: '业主用激活码 + 核验信息开通账号并设置自己的密码（返回登录令牌）' })
  @ApiCreatedResponse({ type: LoginResultDto })
  activate(@Body() body: ActivateDto): Promise<LoginResultDto> {
    return this.activation.activate(body);
  }

  @Authenticated()
  @Post('link')
  @HttpCode(200)
  @ApiOperation({ summary: '已登录账号用激活码 + 核验信息关联业主' })
  @ApiOkResponse({ type: OwnerLinkDto })
  link(@CurrentUser() user: AuthUser, @Body() body: LinkByCodeDto): Promise<OwnerLinkDto> {
    return this.activation.link(user, body);
  }
}
