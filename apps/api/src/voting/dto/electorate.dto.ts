import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class StairwellDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  buildingId: string;

  @ApiProperty({ example: '1', description: '单元' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  stairwell: string;
}

/** Whose owners decide: the whole community, or chosen buildings / stairwells (e.g. 加装电梯 by that 单元). */
export class ElectorateDto {
  @ApiProperty({ enum: ['community', 'part'] })
  @IsIn(['community', 'part'])
  scope: 'community' | 'part';

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: '整栋参与表决的楼栋' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  buildingIds?: string[];

  @ApiPropertyOptional({ type: [StairwellDto], description: '参与表决的单元' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => StairwellDto)
  stairwells?: StairwellDto[];
}
