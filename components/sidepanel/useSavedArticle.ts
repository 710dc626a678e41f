import { useEffect, useState } from 'preact/hooks';
import type { HighlightRecord, NoteRecord } from '../../utils/db/schema';
import { send } from '../platform/messaging';
import { pageSharesDatabase } from '../platform/browserDifferences';
import { watchSavedChanges } from '../platform/privateWindows';
import { pageDb } from '../shared/pageDb';
import { useLiveQuery } from '../shared/useLiveQuery';

/** An article's saved highlights and note as the panel shows them (undefined while loading). */
export interface SavedArticle {
  highlights: HighlightRecord[] | undefined;
  /** The article note; null when there is none (undefined while loading). */
  note: NoteRecord | null | undefined;
  /** Read again after the panel's own write (a no-op where Dexie's liveQuery already follows every change). */
  reload(): void;
}

/**
 * The saved highlights and note of one article. Where the page shares the background's database (everywhere but a
 * private window's sidebar in Firefox), live from Dexie; otherwise asked of the background, again whenever it
 * announces a change (components/platform/privateWindows.ts) and after the panel's own writes.
 */
export function useSavedArticle(url: string): SavedArticle {
  const [shared] = useState(pageSharesDatabase);
  const live = useLiveQuery(
    async () => {
      if (!shared) return undefined;
      const db = pageDb();
      const [highlights, note] = await Promise.all([db.highlights.where('url').equals(url).toArray(), db.notes.where('url').equals(url).first()]);
      return { highlights, note: note ?? null };
    },
    [url, shared],
  );

  const [fetched, setFetched] = useState<{ url: string; highlights: HighlightRecord[]; note: NoteRecord | null } | undefined>(undefined);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (shared) return;
    let alive = true;
    const load = () =>
      void send('article/saved', { url })
        .then((saved) => alive && setFetched({ url, ...saved }))
        .catch((error: unknown) => console.warn('[backstory] saved highlights not loaded', error));
    load();
    const unwatch = watchSavedChanges(url, load);
    return () => {
      alive = false;
      unwatch();
    };
  }, [url, shared, version]);

  if (shared) return { highlights: live?.highlights, note: live?.note, reload: () => undefined };
  const current = fetched?.url === url ? fetched : undefined;
  return { highlights: current?.highlights, note: current?.note, reload: () => setVersion((n) => n + 1) };
}
