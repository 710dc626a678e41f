import { Dexie, RangeSet, type ObservabilitySet } from 'dexie';
import type { BackstoryDB } from '../db/schema';
import type { LibraryIndex } from './libraryIndex';

const WATCHED = ['articles', 'highlights', 'notes'] as const;

/** Options for watchLibraryIndex. */
export interface WatchOptions {
  /** Resolves when the index has been built; changes seen before are applied after it. */
  ready: Promise<unknown>;
  /** Called after the index changed. */
  onSynced: () => void;
  onError?: (error: unknown) => void;
}

/**
 * Keeps an index in step with the database. Dexie fires `storagemutated` for every committed write, from this page or
 * (over BroadcastChannel) from another context such as the background, with the primary keys that changed: those ids
 * are re-read (`syncKeys`). A range instead of keys (a `clear()` or a ranged delete) falls back to the full
 * `updatedAt` diff (`sync`). Changes are batched and applied one batch at a time. Start this BEFORE building the
 * index so no write between the build's read and the subscription is lost. Returns the unsubscribe function.
 */
export function watchLibraryIndex(db: BackstoryDB, index: LibraryIndex, options: WatchOptions): () => void {
  const onError = options.onError ?? console.error;
  let pending = { articles: new Set<string>(), highlights: new Set<string>(), notes: new Set<string>() };
  let full = false;
  let scheduled = false;
  let chain: Promise<unknown> = options.ready;

  const flush = () => {
    scheduled = false;
    const keys = pending;
    const everything = full;
    pending = { articles: new Set(), highlights: new Set(), notes: new Set() };
    full = false;
    chain = chain
      .then(() => (everything ? index.sync(db) : index.syncKeys(db, keys)))
      .then(({ changed, removed }) => {
        if (changed || removed) options.onSynced();
      })
      .catch(onError);
  };

  const listener = (parts: ObservabilitySet) => {
    let relevant = false;
    for (const table of WATCHED) {
      const tree = parts[`idb://${db.name}/${table}/`];
      if (!tree) continue;
      relevant = true;
      for (const node of RangeSet(tree)) {
        if (typeof node.from === 'string' && node.from === node.to) pending[table].add(node.from);
        else full = true;
      }
    }
    if (relevant && !scheduled) {
      scheduled = true;
      // Batch the burst of events an import or a multi-record edit produces.
      setTimeout(flush, 30);
    }
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}
