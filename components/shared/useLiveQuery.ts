import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * Preact's `useLiveQuery`: runs a Dexie query and re-runs it whenever the data it read changes, in this page or in
 * another context (dexie-react-hooks is React-only; this is the dozen lines it needs). `undefined` until the first result.
 */
export function useLiveQuery<T>(querier: () => Promise<T> | T, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(querier).subscribe({
      next: (result) => setValue(() => result),
      error: (error: unknown) => console.error('useLiveQuery', error),
    });
    return () => subscription.unsubscribe();
    // The caller's `deps` decide when the query is re-subscribed (as in dexie-react-hooks): `querier` is a new
    // closure on every render.
  }, deps);
  return value;
}
