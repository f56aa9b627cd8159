import type { components } from './generated/schema';
import { request } from './http';

type Schemas = components['schemas'];

/** 我的待办 (generated from apps/api/src/todo/todo-responses.dto.ts). */
export type TodoKind = Schemas['TodoKind'];
export type TodoItem = Schemas['TodoItemDto'];
export type TodoList = Schemas['TodoListDto'];

const c = (communityId: string) => `/communities/${communityId}`;

export const todoApi = {
  list: (communityId: string) => request<TodoList>(`${c(communityId)}/todo`, { quiet: true }),
  markNotificationsRead: (communityId: string) =>
    request<Schemas['MarkedReadDto']>(`${c(communityId)}/notifications/read`, { method: 'POST' }),
};
