import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ description: '登录名或手机号', example: 'admin' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  login: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ description: '至少 10 位，含字母和数字' })
  @IsString()
  @MaxLength(200)
  newPassword: string;
}
