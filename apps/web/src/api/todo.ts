import type { components } from './generated/schema';
import { call, client } from './http';

type Schemas = components['schemas'];

/** 我的待办 (generated from apps/api/src/todo/todo-responses.dto.ts). */
export type TodoKind = Schemas['TodoKind'];
export type TodoItem = Schemas['TodoItemDto'];
export type TodoList = Schemas['TodoListDto'];

const community = (communityId: string) => ({ params: { path: { communityId } } });

export const todoApi = {
  list: (communityId: string) => call(client.GET('/api/communities/{communityId}/todo', community(communityId)), { quiet: true }),
  markNotificationsRead: (communityId: string) =>
    call(client.POST('/api/communities/{communityId}/notifications/read', community(communityId))),
};
