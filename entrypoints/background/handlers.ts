import { canonicalUrl } from '../../utils/article/canonicalUrl';
import { hasSavedArticle, setArticleEntities, toStoredEntities } from '../../utils/db/articles';
import { createHighlight, deleteHighlight, listHighlights, restoreHighlight, updateHighlight } from '../../utils/db/highlights';
import { getArticleNote, saveArticleNote } from '../../utils/db/notes';
import type { BackstoryDB } from '../../utils/db/schema';
import type { BackgroundReplies, PayloadOut, toBackground } from '../../utils/messaging/protocol';
import { type Handlers, HandlerError } from '../../utils/messaging/router';
import { concernsPrivateWindow } from '../../utils/privacy/privateWindows';
import { openTab } from './analysis';
import { getTabState, setTabState } from './tabState';

type T = typeof toBackground;

/** Background knowledge look-ups, wired by index.ts (kept behind an interface so handlers stay testable). */
export interface KnowledgeService {
  /** `persist: false` for an article in a private window: nothing fetched is cached. */
  lookup(payload: PayloadOut<T, 'knowledge/lookup'>, opts?: { persist: boolean }): Promise<BackgroundReplies['knowledge/lookup']>;
  choose(payload: PayloadOut<T, 'knowledge/choose'>): Promise<BackgroundReplies['knowledge/choose']>;
}

/** What the handlers need. */
export interface BackgroundDeps {
  db: BackstoryDB;
  knowledge: KnowledgeService;
  /** Runs the analyser on a tab (injection is only possible in the real browser). */
  openTab?: typeof openTab;
  /** Injects the analyser into a tab that has saved highlights so they are painted again. */
  onSavedPage?: (tabId: number) => void;
  /** Tells the pages showing an article that its highlights changed (so the panel's edits show at once). */
  onHighlightsChanged?: (url: string) => void;
  /** Whether a message concerns a tab in a private window (utils/privacy; replaced in tests). */
  isPrivate?: typeof concernsPrivateWindow;
}

function requireTab(tabId: number | undefined): number {
  if (tabId === undefined) throw new HandlerError('forbidden', 'This message must come from a tab.');
  return tabId;
}

/** The background's message handlers: the only code that writes the database. */
export function createHandlers(deps: BackgroundDeps): Handlers<T, BackgroundReplies> {
  const { db } = deps;
  const run = deps.openTab ?? openTab;
  const isPrivate = deps.isPrivate ?? concernsPrivateWindow;
  const changed = <R extends { url: string } | null>(record: R): R => {
    if (record) deps.onHighlightsChanged?.(record.url);
    return record;
  };
  return {
    'page/hello': async ({ url, canonical }, ctx) => {
      // The same key the analyser will compute, so a revisit via a tracking link still finds its highlights.
      const saved = await hasSavedArticle(db, [canonicalUrl(url, canonical), url]);
      if (saved && ctx.tabId !== undefined) deps.onSavedPage?.(ctx.tabId);
      return { saved };
    },
    'page/analysis': async ({ analysis }, ctx) => {
      await setTabState(requireTab(ctx.tabId), { status: 'ready', url: analysis.url, analysis });
      if (analysis.extraction.kind === 'article' && !(await isPrivate(ctx))) {
        await setArticleEntities(db, analysis.extraction.article.canonicalUrl, toStoredEntities(analysis.entities));
      }
      return { stored: true };
    },
    'page/anchors': async ({ url, orphaned }, ctx) => {
      const tabId = requireTab(ctx.tabId);
      const state = await getTabState(tabId);
      if (state?.status !== 'ready' || state.analysis.extraction.kind !== 'article' || state.analysis.extraction.article.canonicalUrl !== url) {
        return { stored: false };
      }
      await setTabState(tabId, { ...state, orphaned });
      return { stored: true };
    },
    'page/working': async ({ url }, ctx) => {
      await setTabState(requireTab(ctx.tabId), { status: 'working', url });
      return { stored: true };
    },
    'tab/open': ({ tabId, force }) => run(tabId, force),
    'highlights/list': ({ url }) => listHighlights(db, url),
    'highlight/create': async (payload) => changed(await createHighlight(db, payload)),
    'highlight/update': async ({ id, ...patch }) => {
      const updated = await updateHighlight(db, id, patch);
      if (!updated) throw new HandlerError('not-found', 'That highlight no longer exists.');
      return changed(updated);
    },
    'highlight/delete': async ({ id }) => ({ deleted: changed(await deleteHighlight(db, id)) }),
    'highlight/restore': async ({ record }) => {
      const restored = await restoreHighlight(db, record);
      if (!restored) throw new HandlerError('not-found', 'The article of that highlight was deleted; it cannot be put back.');
      return changed(restored);
    },
    'note/save': ({ article, body }) => saveArticleNote(db, article, body),
    'article/entities': async ({ url, entities }) => ({ article: await setArticleEntities(db, url, toStoredEntities(entities)) }),
    'knowledge/lookup': async (payload, ctx) => deps.knowledge.lookup(payload, { persist: !(await isPrivate(ctx, payload.tabId)) }),
    'knowledge/choose': (payload) => deps.knowledge.choose(payload),
    'article/saved': async ({ url }) => ({ highlights: await listHighlights(db, url), note: await getArticleNote(db, url) }),
  };
}
