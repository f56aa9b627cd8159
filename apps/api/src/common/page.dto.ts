import { ApiProperty } from '@nestjs/swagger';

/** Where a page of a paged list stands; each paged answer extends it with its typed `items`. */
export class PageMetaDto {
  @ApiProperty({ type: 'integer' })
  total: number;

  @ApiProperty({ type: 'integer' })
  page: number;

  @ApiProperty({ type: 'integer' })
  pageSize: number;
}
