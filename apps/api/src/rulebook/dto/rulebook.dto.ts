import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ReviseRulebookDto {
  @ApiProperty({
    description: '要修改的设置（只列出改动的项），见 GET 返回的 settings',
    type: 'object',
    additionalProperties: true,
    example: { proxyCap: 5 },
  })
  @IsObject()
  change: Record<string, unknown>;

  @ApiProperty({ description: '修订依据，如业主大会决议编号', example: '2026 年第一次业主大会决议（一）' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  note: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}
