import { startTransition, useCallback, useEffect, useState } from 'react';

/**
 * Loads data for a page and reloads when `deps` change; the fetch wrapper already shows errors,
 * so this only tracks state. `deps` must list everything `load` reads.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
): { data: T | undefined; loading: boolean; failed: boolean; reload: () => void } {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const [tick, setTick] = useState(0);
  const run = useCallback(load, deps); // the caller states the dependencies
  useEffect(() => {
    let live = true;
    setLoading(true);
    setFailed(false);
    run().then(
      (value) => {
        if (!live) return;
        // Rendering what arrived may be a big tree (a statement list, a chart): as a transition it yields to input.
        startTransition(() => {
          setData(value);
          setLoading(false);
        });
      },
      () => {
        if (!live) return;
        setFailed(true);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [run, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, loading, failed, reload };
}
