import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ArticleRecord, BackstoryDB } from '../../utils/db/schema';
import { isEmptyFilter, type LibraryFilter } from '../../utils/library/libraryFilter';
import { listArticles } from '../../utils/library/listArticles';
import { listTags } from '../../utils/library/tags';
import { ArticleItem, type ArticleRow } from './ArticleItem';
import { Dialog } from './Dialog';
import { ExportPanel, type Download } from './ExportPanel';
import { FilterBar } from './FilterBar';
import { ImportPanel } from './ImportPanel';
import { TagManager } from './TagManager';
import { useLibraryIndex } from './useLibraryIndex';
import { useLiveQuery } from '../shared/useLiveQuery';
import { EntityPage, entityHref } from './EntityPage';
import { searchEntities } from '../../utils/history/entityPage';
import { sameIdentityKeys } from '../../utils/history/filterIdentity';
import { send } from '../platform/messaging';
import './library.css';

/** The entity key a library address names (`#entity=Q56226`), or null for the list. */
function entityOf(hash: string): string | null {
  if (!hash.startsWith('#entity=')) return null;
  try {
    return decodeURIComponent(hash.slice('#entity='.length)) || null;
  } catch {
    return null;
  }
}

/** The address's hash, following changes (links to entity pages are plain `#entity=…` links). */
function useHash(): string {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

/** A failed write's reason, for the status line. */
const failure = (error: unknown) => (error instanceof Error ? error.message : String(error));

const PAGE = 50;
const UNDO_MS = 10_000;

/** The library page: every saved article, searchable and filterable, with export, import and delete. */
export function LibraryApp({ db, openUrl, download }: { db: BackstoryDB; openUrl: (url: string) => void; download: Download }) {
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [filter, setFilter] = useState<LibraryFilter>({});
  const [limit, setLimit] = useState(PAGE);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState('');
  const [undo, setUndo] = useState<{ message: string; run: () => Promise<void> } | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const undoTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { index, version, error } = useLibraryIndex(db);
  const entityKey = entityOf(useHash());
  const entityHits = useLiveQuery(() => searchEntities(db, debounced, 8), [db, debounced]) ?? [];
  const readCount = useLiveQuery(() => db.reads.count(), [db]);

  useEffect(() => {
    const t = setTimeout(() => setDebounced(query), 120);
    return () => clearTimeout(t);
  }, [query]);
  useEffect(() => setLimit(PAGE), [debounced, filter]);
  useEffect(() => () => void (undoTimer.current && clearTimeout(undoTimer.current)), []);

  // Until the index is built, the newest articles come straight from Dexie so the page shows at once.
  const firstPage = useLiveQuery(() => listArticles(db, { limit }), [db, limit]);
  const tags = useLiveQuery(() => listTags(db), [db]) ?? [];
  // Articles with a saved copy, from the copies' articleId index alone (no copy is loaded).
  const withCopy = useLiveQuery(async () => new Set((await db.copies.orderBy('articleId').keys()) as string[]), [db]);
  const searching = debounced.trim() !== '' || !isEmptyFilter(filter);

  const entities = useMemo(() => (index ? index.entities() : []), [index, version]);
  // The entity filter follows identity (issue 16): every spelling the reading history has linked to the picked one.
  const picked = filter.entityKeys ?? [];
  const identityKeys = useLiveQuery(
    () => (picked.length ? sameIdentityKeys(db, picked.map((key) => entities.find((e) => e.key === key) ?? { key, name: key, type: 'other' })) : Promise.resolve(null)),
    [db, picked.join('|'), entities],
  );
  const effective = useMemo(() => (identityKeys ? { ...filter, entityKeys: identityKeys } : filter), [filter, identityKeys]);
  const result = useMemo(() => (index ? index.search(debounced, effective, limit) : null), [index, version, debounced, effective, limit]);
  const rows: ArticleRow[] = result ? result.hits : (firstPage?.items ?? []);
  const total = result ? result.total : (firstPage?.total ?? 0);
  const sites = useMemo(() => (index ? [...new Set([...index.articles.values()].map((a) => a.site))].sort() : []), [index, version]);

  const announce = (message: string) => setStatus(message);
  const removeArticle = async (article: ArticleRecord) => {
    // The background deletes (and unpaints the tabs showing the article); its reply is what undo puts back.
    const { deleted } = await send('article/delete', { id: article.id });
    if (!deleted) return;
    const restore = async () => {
      await send('article/restore', { deleted });
    };
    if (undoTimer.current) clearTimeout(undoTimer.current);
    const message = `Deleted “${article.title}” with ${deleted.highlights.length} highlights and ${deleted.notes.length} notes.`;
    setUndo({ message, run: restore });
    announce(message);
    undoTimer.current = setTimeout(() => setUndo(null), UNDO_MS);
  };

  return (
    <div class="library">
      <header class="top">
        <h1>Backstory library</h1>
        <div class="actions">
          <ExportPanel db={db} download={download} onDone={announce} />
          <ImportPanel db={db} onDone={announce} />
          <button type="button" class="danger" onClick={() => setConfirmAll(true)}>
            Delete everything…
          </button>
        </div>
      </header>

      {entityKey ? <EntityPage db={db} entityKey={entityKey} openUrl={openUrl} /> : null}
      <div class="library-list" hidden={entityKey !== null}>
      <search class="search" role="search">
        <label for="library-search">Search titles, highlights, notes and tags</label>
        <input id="library-search" type="search" value={query} placeholder="e.g. sanctions, Kim Jong Un, #follow-up" onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
        {!index && !error ? <span class="hint">Preparing search…</span> : null}
        {error ? <span class="error">Search is unavailable: {String(error)}</span> : null}
      </search>
      {entityHits.length ? (
        <section class="entity-hits" aria-labelledby="entity-hits">
          <h2 id="entity-hits">People, places and organisations you have read about</h2>
          <ul>
            {entityHits.map((e) => (
              <li key={e.key}>
                <a href={entityHref(e.key)}>{e.name}</a>{' '}
                <span class="muted">
                  {e.reads} {e.reads === 1 ? 'article' : 'articles'} read
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <FilterBar filter={filter} onChange={setFilter} sites={sites} entities={entities} />
      <details class="manage-tags">
        <summary>Manage tags ({tags.length})</summary>
        <TagManager tags={tags} onDone={announce} />
      </details>
      <datalist id="all-tags">
        {tags.map((t) => (
          <option key={t.tag} value={t.tag} />
        ))}
      </datalist>

      <p class="count" aria-live="polite">
        {firstPage === undefined && !result ? 'Loading…' : searching ? `${total} ${total === 1 ? 'article matches' : 'articles match'}` : `${total} saved ${total === 1 ? 'article' : 'articles'}`}
      </p>
      {readCount ? (
        <p class="read-count muted">
          Saved means you highlighted or wrote a note; your reading history also remembers {readCount} {readCount === 1 ? 'article' : 'articles'} you read
          (search a name above to follow it across them).
        </p>
      ) : null}
      {firstPage !== undefined && total === 0 && !searching ? <p class="empty">Nothing saved yet. Highlight a passage on a news article and it appears here.</p> : null}
      <ol class="articles" aria-label="Saved articles">
        {rows.map((row) => (
          <ArticleItem
            key={row.article.id}
            db={db}
            row={row}
            searching={searching}
            expanded={expanded.has(row.article.id)}
            onToggle={() =>
              setExpanded((prev) => {
                const next = new Set(prev);
                if (!next.delete(row.article.id)) next.add(row.article.id);
                return next;
              })
            }
            onOpen={openUrl}
            hasCopy={withCopy?.has(row.article.id) ?? false}
            onDelete={(a) => void removeArticle(a).catch((error: unknown) => announce(`Not deleted: ${failure(error)}`))}
          />
        ))}
      </ol>
      {rows.length < total ? (
        <button type="button" class="more" onClick={() => setLimit((l) => l + PAGE)}>
          Show more ({total - rows.length} more)
        </button>
      ) : null}
      </div>

      <div class="status" role="status" aria-live="polite">
        {undo ? (
          <span class="undo">
            {undo.message}{' '}
            <button
              type="button"
              onClick={() => {
                void undo.run().then(() => announce('Restored.'), (error: unknown) => announce(`Undo failed: ${failure(error)}`));
                setUndo(null);
              }}
            >
              Undo
            </button>
          </span>
        ) : (
          status
        )}
      </div>

      {confirmAll ? (
        <Dialog title="Delete everything?" onCancel={() => setConfirmAll(false)}>
          <p>
            This deletes all {total} articles with every highlight and note, your link choices and the knowledge cache. It cannot be undone. Export a JSON backup first if you may want them back.
          </p>
          <div class="dialog-actions">
            <button type="button" data-autofocus onClick={() => setConfirmAll(false)}>
              Cancel
            </button>
            <button
              type="button"
              class="danger"
              onClick={() => {
                setConfirmAll(false);
                void send('library/clear', {}).then(() => announce('Everything was deleted.'), (error: unknown) => announce(`Nothing was deleted: ${failure(error)}`));
              }}
            >
              Delete everything
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
