import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatBytes } from '../../utils/format/bytes';
import { findEntities } from '../../utils/entities/findEntities';
import type { HighlightColor, HighlightSelectors } from '../../utils/highlights/types';
import { MessageError, send } from '../platform/messaging';
import type { HighlightRecord } from '../../utils/db/schema';
import { DEFAULT_READER_PREFS, readerPrefs, type ReaderPrefs } from '../platform/settings';
import { EntitySections } from '../entities/EntitySections';
import { HighlightsPanel } from '../highlights/HighlightsPanel';
import { pageDb } from '../shared/pageDb';
import { useLiveQuery } from '../shared/useLiveQuery';
import { useStorageItem } from '../shared/useStorageItem';
import { ArticleHeader, formatDate } from '../sidepanel/ArticleHeader';
import { useKnowledge } from '../sidepanel/useKnowledge';
import { copyAsArticle } from './copyArticle';
import { ReaderArticle, type ReaderArticleApi } from './ReaderArticle';

/** The reader view's data: the article record, its saved copy, highlights and note, live from Dexie. */
function useReaderData(articleId: string) {
  return useLiveQuery(async () => {
    const db = pageDb();
    const article = await db.articles.get(articleId);
    if (!article) return { article: null } as const;
    const [copy, highlights, note] = await Promise.all([
      db.copies.where('articleId').equals(articleId).first(),
      db.highlights.where('articleId').equals(articleId).toArray(),
      db.notes.where('articleId').equals(articleId).first(),
    ]);
    return { article, copy: copy ?? null, highlights, note: note ?? null } as const;
  }, [articleId]);
}

/** The reader view: the saved copy of one article with the reader's highlights, notes and the entity cards (issue 17). */
export function ReaderApp({ articleId, focusHighlight }: { articleId: string; focusHighlight: string | null }) {
  const data = useReaderData(articleId);
  const [stored, setPrefs] = useStorageItem(readerPrefs);
  const prefs: ReaderPrefs = { ...DEFAULT_READER_PREFS, ...stored };
  const update = (patch: Partial<ReaderPrefs>) => setPrefs({ ...prefs, ...patch });
  const [placed, setPlaced] = useState<ReadonlySet<string> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<HighlightRecord | null>(null);
  const api = useRef<ReaderArticleApi | null>(null);
  const focused = useRef(false);

  const copy = data && data.article ? data.copy : null;
  const article = useMemo(() => (copy && data?.article ? copyAsArticle(copy, data.article) : null), [copy, data?.article]);
  const entities = useMemo(
    () => (article ? findEntities({ text: article.text, title: article.title, byline: article.byline, lang: article.lang }) : []),
    [article?.text],
  );
  const { knowledge, lookupsState, choose, details } = useKnowledgeFor(article, entities);

  const onAnchored = useCallback((ids: ReadonlySet<string>) => {
    setPlaced(ids);
    // Opened on one highlight (an orphan's "Show in your copy"): go there once it is painted.
    if (focusHighlight && !focused.current && ids.has(focusHighlight)) {
      focused.current = true;
      setTimeout(() => api.current?.revealHighlight(focusHighlight), 0);
    }
  }, [focusHighlight]);

  if (data === undefined) return <p class="reader-status" role="status">Opening your copy…</p>;
  if (data.article === null) {
    return (
      <main class="reader-status">
        <h1>This article is not in your library</h1>
        <p>It may have been deleted. <a href="/library.html">Open your library</a></p>
      </main>
    );
  }
  const saved = data.article;
  if (!copy || !article) {
    return (
      <main class="reader-status">
        <h1>{saved.title}</h1>
        <p>No copy of this article was kept (copies are kept from the first highlight or note, within the size limits in the settings).</p>
        <p>
          <a href={saved.pageUrl} target="_blank" rel="noopener noreferrer">Open the article on its site</a>
        </p>
      </main>
    );
  }

  const report = (error: unknown) => setMessage(error instanceof MessageError ? error.message : 'That change could not be saved.');
  const ref = { url: saved.url, pageUrl: saved.pageUrl, title: saved.title, byline: saved.byline, authors: saved.authors, siteName: saved.siteName, lang: saved.lang, publishedTime: saved.publishedTime, excerpt: saved.excerpt };

  const onHighlight = async (selectors: HighlightSelectors, color: HighlightColor, openNote: boolean): Promise<string | null> => {
    try {
      // Saved exactly as a highlight made on the live page: the same message, selectors against the same text.
      const record = await send('highlight/create', { article: ref, ...selectors, color });
      setMessage(null);
      if (openNote) setTimeout(() => focusNote(record.id), 50);
      return null;
    } catch (error) {
      return error instanceof MessageError ? error.message : 'The highlight could not be saved.';
    }
  };

  const highlights = data.highlights.map((h) => ({ ...h, anchored: placed === null || placed.has(h.id) }));
  const extracted = formatDate(new Date(copy.extractedAt).toISOString());

  return (
    <div class="reader" data-theme={prefs.theme} data-width={prefs.width} style={{ '--reader-font-size': `${prefs.fontSize}px` }}>
      <header class="reader-bar" aria-label="Reader settings">
        <span class="reader-brand">Backstory · your copy</span>
        <label>
          Theme{' '}
          <select value={prefs.theme} onChange={(e) => update({ theme: e.currentTarget.value as ReaderPrefs['theme'] })}>
            <option value="auto">Like the browser</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <span role="group" aria-label="Text size">
          <button type="button" aria-label="Smaller text" onClick={() => update({ fontSize: Math.max(14, prefs.fontSize - 1) })}>A−</button>
          <button type="button" aria-label="Larger text" onClick={() => update({ fontSize: Math.min(30, prefs.fontSize + 1) })}>A+</button>
        </span>
        <label>
          Width{' '}
          <select value={prefs.width} onChange={(e) => update({ width: e.currentTarget.value as ReaderPrefs['width'] })}>
            <option value="narrow">Narrow</option>
            <option value="medium">Medium</option>
            <option value="wide">Wide</option>
          </select>
        </label>
        <label title="Loading an image tells its site that you are reading this">
          <input type="checkbox" checked={prefs.remoteImages} onChange={(e) => update({ remoteImages: e.currentTarget.checked })} /> Load images from the site
        </label>
        <a href={saved.pageUrl} target="_blank" rel="noopener noreferrer">Live page</a>
      </header>
      <div class="reader-layout">
        <article class="reader-column" aria-label="Your copy of the article">
          <ArticleHeader article={article} />
          <p class="reader-provenance muted">
            Your copy, saved {extracted ?? 'earlier'}{copy.textOnly ? ' (text only: the article was over the size limit)' : ''} · {formatBytes(copy.bytes)}
          </p>
          <ReaderArticle
            copy={copy}
            highlights={data.highlights}
            remoteImages={prefs.remoteImages}
            onHighlight={onHighlight}
            onAnchored={onAnchored}
            onSelectHighlight={(id) => focusNote(id)}
            onReady={(a) => {
              api.current = a;
            }}
          />
        </article>
        <aside class="reader-side" aria-label="Highlights, notes and the people and places">
          {message && <p class="panel-message" role="alert">{message}</p>}
          <HighlightsPanel
            articleKey={saved.id}
            highlights={highlights}
            articleNote={data.note?.body ?? ''}
            undoLabel={deleted ? 'Highlight deleted' : null}
            onReveal={(id) => void api.current?.revealHighlight(id)}
            onChangeColor={(id, color) => void send('highlight/update', { id, color }).catch(report)}
            onChangeNote={(id, note) => void send('highlight/update', { id, note }).catch(report)}
            onDelete={(id) => void send('highlight/delete', { id }).then(({ deleted: d }) => setDeleted(d), report)}
            onUndo={() => deleted && void send('highlight/restore', { record: deleted }).then(() => setDeleted(null), report)}
            onArticleNoteChange={(body) => void send('note/save', { article: ref, body }).catch(report)}
            onReattach={(id) => void reattachToSelection(id, api.current).then(setMessage, report)}
          />
          <EntitySections
            entities={entities}
            text={article.text}
            knowledge={knowledge}
            lookupsState={lookupsState}
            lang={article.lang}
            onReveal={(start, end) => void api.current?.revealRange(start, end)}
            onChooseLink={choose}
            onOpen={details}
            onSearch={(_entity, url) => void browser.tabs.create({ url })}
          />
        </aside>
      </div>
    </div>
  );
}

/** Look-ups for the copy's entities (the panel's hook), idle until the copy is loaded. */
function useKnowledgeFor(article: ReturnType<typeof copyAsArticle> | null, entities: ReturnType<typeof findEntities>) {
  const placeholder = useMemo(() => article ?? EMPTY_ARTICLE, [article]);
  return useKnowledge(placeholder, article ? entities : []);
}

const EMPTY_ARTICLE = {
  title: '', byline: null, authors: [], siteName: null, publishedTime: null, modifiedTime: null, lang: null, dir: 'ltr' as const,
  excerpt: null, text: '', html: '', wordCount: 0, readingMinutes: 0, leadImage: null, canonicalUrl: 'https://invalid.invalid/',
};

/** Scrolls the side column to a highlight's entry and opens its note for typing. */
function focusNote(id: string): void {
  const item = document.querySelector<HTMLElement>(`.reader-side [data-id="${CSS.escape(id)}"]`);
  if (!item) return;
  item.scrollIntoView({ block: 'nearest' });
  // The entry's note button ("Add note" / "Edit note"): opening it focuses the note editor.
  const edit = [...item.querySelectorAll<HTMLButtonElement>('button.hl-small')].find((b) => /note/i.test(b.textContent ?? ''));
  edit?.click();
}

/**
 * Re-attaches a highlight that is not in the copy (made on a later version of the page, or imported) to the reader's
 * selection in the copy, as the panel's "Re-attach to selection" does on the live page. Answers the sentence to show.
 */
async function reattachToSelection(id: string, reader: ReaderArticleApi | null): Promise<string | null> {
  const picked = reader?.selection() ?? { ok: false as const, message: 'Select the passage in your copy first.' };
  if (!picked.ok) return picked.message;
  await send('highlight/update', { id, ...picked.selectors });
  document.getSelection()?.removeAllRanges();
  return null;
}
