import { useCallback, useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { todoApi, type TodoList } from '../api';

const REFRESH_MS = 60_000;

/**
 * 我的待办 of the community being viewed: loaded on entering a page and every minute, so the menu badge follows
 * the work as others finish theirs. Errors are silent here (the page itself shows them).
 */
export function useTodo(communityId: string | undefined): { list: TodoList | null; reload: () => void } {
  const [list, setList] = useState<TodoList | null>(null);
  const location = useLocation();
  const load = useCallback(() => {
    if (!communityId) {
      setList(null);
      return;
    }
    todoApi.list(communityId).then(setList, () => setList(null));
  }, [communityId]);
  useEffect(() => {
    load();
  }, [load, location.pathname]);
  useEffect(() => {
    const timer = window.setInterval(load, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);
  return { list, reload: load };
}
