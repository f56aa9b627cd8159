import { ApiProperty } from '@nestjs/swagger';
import type { TodoKind } from './todo.service';

/**
 * Every to-do kind, once. A kind added to TodoKind (todo.service.ts) must be added here too — the compiler says so —
 * so that the OpenAPI document, and the web app's types generated from it, list it.
 */
const KINDS: Record<TodoKind, true> = {
  prediscussion: true,
  committee_stage: true,
  execution: true,
  seal_request: true,
  statement_review: true,
  statement_publish: true,
  paper_ballot: true,
  vote_draft: true,
  open_vote: true,
  upcoming_vote: true,
  objection_window: true,
  vote_objection_window: true,
  vote_objection: true,
  vote_final: true,
  vendor_bid: true,
  proxy: true,
  minutes_confirm: true,
  minutes_paper: true,
  minutes_objection: true,
  rectification: true,
  rectification_overdue: true,
  rectification_acceptance: true,
  request_escalated: true,
  request_dispatch: true,
  request_assigned: true,
  request_rate: true,
  reception_write_off: true,
  role_request: true,
  register_facts: true,
  owner_letter: true,
  custody_confirm: true,
  custody_vacant: true,
  notification: true,
};
export const TODO_KINDS = Object.keys(KINDS) as TodoKind[];

/** Response shapes of GET …/todo; the web app's types are generated from them (npm run openapi). */
export class TodoItemDto {
  @ApiProperty({ enum: TODO_KINDS, enumName: 'TodoKind' })
  kind: TodoKind;

  @ApiProperty({ description: '要做什么', example: '支部先议：小区东门改造' })
  title: string;

  @ApiProperty()
  detail: string;

  @ApiProperty({ description: '办理该事项的网页路径', example: '/c/…/agenda/…' })
  link: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '事项到达时间' })
  at: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '截止时间' })
  due: string | null;

  @ApiProperty({ type: String, nullable: true, description: '到达时间（小区时区，中文）' })
  atText: string | null;

  @ApiProperty({ type: String, nullable: true, description: '截止时间（小区时区，中文）' })
  dueText: string | null;
}

export class TodoListDto {
  @ApiProperty({ type: 'integer' })
  count: number;

  @ApiProperty({ type: [TodoItemDto] })
  items: TodoItemDto[];
}
