import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, Matches, MaxLength, ValidateIf } from 'class-validator';

export class UpdateChannelSettingsDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: 'zhang@example.cn', description: '接收通知的电子邮箱；null 清除' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail({}, { message: '电子邮箱格式不正确' })
  @MaxLength(254)
  email?: string | null;

  @ApiProperty({ description: '是否用邮件接收待办通知' })
  @IsBoolean()
  emailEnabled: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, example: '13800001111', description: '接收短信的手机号；不填则用账号手机号' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^1\d{10}$/, { message: '手机号应为 11 位数字，以 1 开头' })
  mobile?: string | null;

  @ApiProperty({ description: '是否用短信接收待办通知' })
  @IsBoolean()
  smsEnabled: boolean;
}

export class ChannelStateDto {
  @ApiProperty({ description: '本服务器是否已配置此通知方式' })
  available: boolean;

  @ApiProperty({ description: '实现：smtp、console、http' })
  driver: string;

  @ApiProperty()
  enabled: boolean;

  @ApiProperty({ nullable: true, type: String, description: '邮箱或手机号（已保存的）' })
  address: string | null;
}

export class SmsChannelStateDto extends ChannelStateDto {
  @ApiProperty({ nullable: true, type: String, description: '账号登记的手机号（未单独设置时用它）' })
  accountMobile: string | null;
}

export class OutboundSendDto {
  @ApiProperty({ enum: ['email', 'sms'] })
  channel: 'email' | 'sms';

  @ApiProperty({ enum: ['sent', 'failed'] })
  status: 'sent' | 'failed';

  @ApiProperty({ description: '第几次尝试' })
  attempt: number;

  @ApiProperty({ nullable: true, type: String, description: '失败原因' })
  error: string | null;

  @ApiProperty()
  subject: string;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class ChannelSettingsDto {
  @ApiProperty({ type: ChannelStateDto })
  email: ChannelStateDto;

  @ApiProperty({ type: SmsChannelStateDto })
  sms: SmsChannelStateDto;

  @ApiProperty({ type: [OutboundSendDto], description: '最近的发送记录（最多 20 条）' })
  recent: OutboundSendDto[];
}
