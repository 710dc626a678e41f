import { useEffect, useState } from 'preact/hooks';
import type { BackstoryDB } from '../../utils/db/schema';
import { LibraryIndex } from '../../utils/library/libraryIndex';
import { watchLibraryIndex } from '../../utils/library/watchLibraryIndex';

/** The library's search index: null while it builds, then kept in sync; `version` changes whenever its content does. */
export function useLibraryIndex(db: BackstoryDB): { index: LibraryIndex | null; version: number; error: unknown } {
  const [state, setState] = useState<{ index: LibraryIndex | null; version: number; error: unknown }>({ index: null, version: 0, error: null });
  useEffect(() => {
    let stopped = false;
    const index = new LibraryIndex();
    const built = index.build(db);
    // Watch before the build finishes so no write in between is missed; changes apply once it is built.
    const unwatch = watchLibraryIndex(db, index, {
      ready: built,
      onSynced: () => !stopped && setState((s) => ({ ...s, version: s.version + 1 })),
      onError: (error) => !stopped && setState((s) => ({ ...s, error })),
    });
    built.then(
      () => !stopped && setState({ index, version: 1, error: null }),
      (error: unknown) => !stopped && setState((s) => ({ ...s, error })),
    );
    return () => {
      stopped = true;
      unwatch();
    };
  }, [db]);
  return state;
}
