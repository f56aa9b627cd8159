import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** A record head someone kept (from a checkpoint file or a sealed PDF's footer). */
export class RecordHeadDto {
  @ApiProperty({ example: '42', description: '决策记录序号' })
  @Matches(/^[1-9]\d{0,17}$/, { message: 'seq 必须是正整数 (record sequence number)' })
  seq: string;

  @ApiProperty({ example: 'ab12…（64 位十六进制）' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'hash 必须是 64 位小写十六进制 (SHA-256)' })
  hash: string;

  @ApiPropertyOptional({ example: '2026-11-30T08:00:00.000Z', description: '签署时间（检查点文件中的 signedAt）' })
  @IsOptional()
  @IsString({ message: 'signedAt 须为检查点文件中的签署时间' })
  @MaxLength(40, { message: 'signedAt 过长' })
  signedAt?: string;

  @ApiPropertyOptional({ description: '根密钥签名（检查点文件中的 signature，base64）' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/=]{1,2048}$/, { message: 'signature 须为检查点文件中的 base64 签名' })
  signature?: string;
}
