import { ApiProperty, OmitType, PickType } from '@nestjs/swagger';
import { PublicObjectionDto, VoteResultsDto } from '../../voting/dto/voting-responses.dto';

/** Response shapes of the 询异 (objection) routes; the web app's types are generated from them (npm run openapi). */

/** An objection as stored (filing and answering answer it). */
export class VoteObjectionDto extends PublicObjectionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  voteId: string;

  @ApiProperty({ format: 'uuid' })
  electorId: string;

  @ApiProperty({ format: 'uuid' })
  filedBy: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  answeredBy: string | null;
}

/** An objection as the status lists it (who filed it only for the committee). */
export class ObjectionLineDto extends PickType(VoteObjectionDto, ['id', 'unitNumber', 'text', 'filedAt', 'answer', 'answeredAt'] as const) {
  @ApiProperty({ description: '是否本人提出' })
  mine: boolean;

  @ApiProperty({ type: String, nullable: true, description: '提出人（仅业委会可见）' })
  filedByName: string | null;
}

export class ResultDocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  number: string;

  @ApiProperty({ example: 'draft' })
  status: string;

  @ApiProperty()
  title: string;
}

/** 询异: where the result stands, the objections and what this viewer may do (GET votes/:id/objections). */
export class VoteObjectionsStatusDto extends PickType(VoteResultsDto, ['voteId', 'title', 'stage', 'closedAt', 'resultFinalAt'] as const) {
  @ApiProperty({ format: 'date-time' })
  objectionEndsAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finalIssuedAt: string | null;

  @ApiProperty({ type: ResultDocumentDto, nullable: true })
  preliminaryDocument: ResultDocumentDto | null;

  @ApiProperty({ type: ResultDocumentDto, nullable: true })
  finalDocument: ResultDocumentDto | null;

  @ApiProperty()
  canObject: boolean;

  @ApiProperty({ type: [String], description: '本人在本次表决名册上的房号' })
  myUnits: string[];

  @ApiProperty()
  canIssueFinal: boolean;

  @ApiProperty({ type: [ObjectionLineDto] })
  objections: ObjectionLineDto[];
}

export class IssuedDocumentDto extends OmitType(ResultDocumentDto, ['status'] as const) {
  @ApiProperty({ type: [String], example: ['committee', 'residents_committee'] })
  requiredSeals: string[];
}

export class IssuedSealRequestDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'pending' })
  status: string;
}

/** POST votes/:id/final-result: the registered announcement and its seal request. */
export class FinalResultIssuedDto {
  @ApiProperty({ type: IssuedDocumentDto })
  document: IssuedDocumentDto;

  @ApiProperty({ type: IssuedSealRequestDto })
  sealRequest: IssuedSealRequestDto;
}
