import { useCallback, useRef, useState } from 'react';

/**
 * Runs an action at most once at a time: while a request is in flight `busy` is true (bind it to the button's
 * `loading`/`disabled`) and further calls are ignored, so a double click never sends two requests.
 * Errors are shown by the fetch wrapper; `run` resolves to undefined when the action failed or was ignored.
 */
export function useSubmit<A extends unknown[], T>(
  action: (...args: A) => Promise<T>,
): {
  run: (...args: A) => Promise<T | undefined>;
  busy: boolean;
} {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const latest = useRef(action);
  latest.current = action;
  const run = useCallback(async (...args: A) => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(true);
    try {
      return await latest.current(...args);
    } catch {
      return undefined;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  return { run, busy };
}
