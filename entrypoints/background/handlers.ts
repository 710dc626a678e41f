import { canonicalUrl, mayClaim, sameSite } from '../../utils/article/canonicalUrl';
import { hasSavedArticle, setArticleEntities, toStoredEntities, upsertArticle } from '../../utils/db/articles';
import { createHighlight, deleteHighlight, listHighlights, restoreHighlight, updateHighlight } from '../../utils/db/highlights';
import { getArticleNote, saveArticleNote } from '../../utils/db/notes';
import type { BackstoryDB } from '../../utils/db/schema';
import type { BackgroundReplies, PayloadOut, toBackground } from '../../utils/messaging/protocol';
import type { TabState } from '../../utils/messaging/tabState';
import { type HandlerContext, type Handlers, HandlerError } from '../../utils/messaging/router';
import { concernsPrivateWindow } from '../../components/platform/privateWindows';
import { clearHistory } from '../../utils/history/recordRead';
import { deleteArticle, deleteEverything, restoreArticle } from '../../utils/library/deleteArticle';
import { deleteTag, renameTag, setArticleTags } from '../../utils/library/tags';
import { historyEnabled, underlineMentions } from '../../components/platform/settings';
import { openTab } from './analysis';
import { keepCopyFromTab } from './copies';
import { toArticleRef } from '../../utils/article/articleRef';
import type { CopyLimits } from '../../utils/db/copies';
import { rememberAnalysis, rememberLinks } from './history';
import { grantNote, noteGrant, revokeNote } from './noteGrants';
import { articlesShown, getTabState, recordAnchors, setTabState } from './tabState';

type T = typeof toBackground;

/** Background knowledge look-ups, wired by index.ts (kept behind an interface so handlers stay testable). */
export interface KnowledgeService {
  /** `persist: false` for an article in a private window: nothing fetched is cached. */
  lookup(payload: PayloadOut<T, 'knowledge/lookup'>, opts?: { persist: boolean }): Promise<BackgroundReplies['knowledge/lookup']>;
  choose(payload: PayloadOut<T, 'knowledge/choose'>): Promise<BackgroundReplies['knowledge/choose']>;
  /** Starts the look-ups of a tab's article as soon as its analysis is ready (issue 15); optional like details. */
  prefetch?(state: BackgroundReplies['tab/open'], opts?: { persist: boolean }): void;
  /** An opened card's details (issue 15); optional so test doubles need not stub it. */
  details?(payload: PayloadOut<T, 'knowledge/details'>, opts?: { persist: boolean }): Promise<BackgroundReplies['knowledge/details']>;
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
  /** Removes the note frame from a tab's page (the reader closed it inside the frame). */
  closeNote?: (tabId: number) => void;
  /** Whether a message concerns a tab in a private window (utils/privacy; replaced in tests). */
  isPrivate?: typeof concernsPrivateWindow;
  /** The copy size limits in the settings (issue 17); defaults when absent. */
  copyLimits?: () => Promise<CopyLimits>;
  /** Whether the reader keeps a copy of every article they open Backstory on, not only those they save on. */
  keepEveryArticle?: () => Promise<boolean>;
  /** Whether the reading history is on (the setting; replaced in tests). */
  historyOn?: () => Promise<boolean>;
}

function requireTab(tabId: number | undefined): number {
  if (tabId === undefined) throw new HandlerError('forbidden', 'This message must come from a tab.');
  return tabId;
}

/*
 * Sender scope (issue #13). An extension page may touch any record; a content script only those of the article its
 * page may claim, with the page's URL taken from the browser (ctx.pageUrl), never from the payload.
 */

/** True when the sender may touch the records saved under `articleUrl`. */
function reaches(ctx: HandlerContext, articleUrl: string): boolean {
  if (ctx.kind === 'extension-page') return true;
  return ctx.pageUrl !== undefined && mayClaim(ctx.pageUrl, articleUrl);
}

/** Refuses a content script naming another article than its page's. */
function requireReach(ctx: HandlerContext, articleUrl: string): void {
  if (!reaches(ctx, articleUrl)) throw new HandlerError('forbidden', 'A page may only reach the records of its own article.');
}

/** A record found by id, or not-found: the same answer whether it does not exist or is another site's (no probing). */
function inReach<R extends { url: string }>(ctx: HandlerContext, record: R | undefined | null): R {
  if (!record || !reaches(ctx, record.url)) throw new HandlerError('not-found', 'That highlight no longer exists.');
  return record;
}

/**
 * What a content script gets back of a highlight: everything but its note. Notes are typed and read in the note
 * frame, an extension page; the page's renderer, where a content script runs, never holds one (issue #13).
 */
function forSender<R extends { note: string } | null>(ctx: HandlerContext, record: R): R {
  return record && ctx.kind === 'content' ? { ...record, note: '' } : record;
}

/** Refuses note text from a content script: nothing the reader types passes through the page. */
function refuseNoteFromPage(ctx: HandlerContext, note: string | undefined): void {
  if (ctx.kind === 'content' && note !== undefined && note !== '') {
    throw new HandlerError('forbidden', 'Notes are written in the note frame, not sent from a page.');
  }
}

/**
 * The background's message handlers: the only code that writes the database, but for an import, which the library
 * page writes itself and then announces with `library/changed` (docs/decisions/001). Every write that changes an
 * article's highlights calls onHighlightsChanged, so the tabs showing it repaint.
 */
export function createHandlers(deps: BackgroundDeps): Handlers<T, BackgroundReplies> {
  const { db } = deps;
  const run = deps.openTab ?? openTab;
  const isPrivate = deps.isPrivate ?? concernsPrivateWindow;
  /** Keeps the copy of the article a tab shows, after the write that saved something on it (issue 17). */
  const keepTabCopy = (tabId: number | undefined, url: string) => keepCopyFromTab(db, tabId, url, deps.copyLimits);
  const historyOn = deps.historyOn ?? (() => historyEnabled.getValue());
  /** Whether what this message concerns may enter the reading history: the setting is on, the tab not private. */
  const mayRemember = async (ctx: HandlerContext, tabId?: number) => (await historyOn()) && !(await isPrivate(ctx, tabId));
  /** The history must never cost the reader the panel: a failed write is logged, not thrown. */
  const quietly = (what: string, write: Promise<unknown>) => write.catch((error: unknown) => console.warn(`[backstory] history: ${what} not recorded`, error));
  const changed = <R extends { url: string } | null>(record: R): R => {
    if (record) deps.onHighlightsChanged?.(record.url);
    return record;
  };
  // The opening a panel joined (its early ask and its app's, entrypoints/panel-early.ts) answers both with the same
  // state: its look-ups and its history entry are started once.
  const followedUp = new WeakSet<TabState>();
  /** Tells the tabs showing each of these articles (once per article) that its highlights changed. */
  const changedUrls = (urls: Iterable<string>): number => {
    const unique = new Set(urls);
    for (const url of unique) deps.onHighlightsChanged?.(url);
    return unique.size;
  };
  /** The articles whose highlights carry a tag (read before a write that changes them). */
  const urlsTagged = async (tag: string) => (await db.highlights.where('tags').equals(tag).toArray()).map((h) => h.url);
  /** A library write refused for what the reader typed (an empty tag name): their words, not an internal error. */
  const asInvalid = async <R>(write: Promise<R>): Promise<R> =>
    write.catch((error: unknown) => {
      throw new HandlerError('invalid-message', error instanceof Error ? error.message : String(error));
    });
  return {
    'page/hello': async ({ canonical }, ctx) => {
      // The sender's URL, not the payload's: a page cannot ask about another page. The same key the analyser will
      // compute, so a revisit via a tracking link still finds its highlights; a foreign canonical is ignored.
      const page = ctx.pageUrl;
      if (!page) return { saved: false };
      const saved = await hasSavedArticle(db, [canonicalUrl(page, canonical), canonicalUrl(page)]);
      if (saved && ctx.tabId !== undefined) deps.onSavedPage?.(ctx.tabId);
      return { saved };
    },
    'page/analysis': async ({ analysis }, ctx) => {
      const tabId = requireTab(ctx.tabId);
      // The side panel shows (and edits) the saved records of the article named here: it must be this page's.
      if (analysis.extraction.kind === 'article') requireReach(ctx, analysis.extraction.article.canonicalUrl);
      const reported = { ...analysis, url: ctx.pageUrl ?? analysis.url };
      await setTabState(tabId, { status: 'ready', url: reported.url, analysis: reported });
      if (reported.extraction.kind === 'article' && !(await isPrivate(ctx))) {
        const article = reported.extraction.article;
        // "Keep a copy of every article I open Backstory on": the article joins the library with its copy.
        if (await (deps.keepEveryArticle?.() ?? false)) await upsertArticle(db, toArticleRef(article, reported.url));
        const saved = await setArticleEntities(db, article.canonicalUrl, toStoredEntities(reported.entities));
        // An article saved before copies existed (or whose note was written from the panel) gets its copy now.
        if (saved) await keepTabCopy(tabId, article.canonicalUrl);
      }
      if (ctx.pageUrl && (await mayRemember(ctx))) await quietly('read', rememberAnalysis(db, reported, ctx.pageUrl));
      return { stored: true };
    },
    'page/anchors': async ({ url, orphaned }, ctx) => {
      const tabId = requireTab(ctx.tabId);
      if (!reaches(ctx, url)) return { stored: false };
      // Kept for the tab either way: a report that beats its analysis here joins it when the analysis is stored.
      return { stored: await recordAnchors(tabId, url, orphaned) };
    },
    'tab/open': async ({ tabId, force }, ctx) => {
      const state = await run(tabId, force);
      if (followedUp.has(state)) return state;
      followedUp.add(state);
      // An article in a private window: looked up, never cached (#18).
      deps.knowledge.prefetch?.(state, { persist: !(await isPrivate(ctx, tabId)) });
      // The page the analysis claims to be must be the one the tab shows (the analysis came from its content script).
      if (state.status === 'ready' && (await mayRemember(ctx, tabId))) await quietly('read', rememberAnalysis(db, state.analysis, state.url));
      return state;
    },
    'highlights/list': async ({ url }, ctx) => {
      requireReach(ctx, url);
      return (await listHighlights(db, url)).map((record) => forSender(ctx, record));
    },
    'highlight/create': async (payload, ctx) => {
      requireReach(ctx, payload.article.url);
      refuseNoteFromPage(ctx, payload.note);
      // The page the reader was on is the sender's, whatever the payload says.
      const article = ctx.pageUrl ? { ...payload.article, pageUrl: ctx.pageUrl } : payload.article;
      const record = changed(await createHighlight(db, { ...payload, article }));
      if (ctx.kind === 'content') await keepTabCopy(ctx.tabId, record.url);
      return forSender(ctx, record);
    },
    'highlight/update': async ({ id, ...patch }, ctx) => {
      inReach(ctx, await db.highlights.get(id));
      refuseNoteFromPage(ctx, patch.note);
      const updated = await updateHighlight(db, id, patch);
      if (!updated) throw new HandlerError('not-found', 'That highlight no longer exists.');
      return forSender(ctx, changed(updated));
    },
    'highlight/delete': async ({ id }, ctx) => {
      const existing = await db.highlights.get(id);
      if (existing && !reaches(ctx, existing.url)) return { deleted: null };
      return { deleted: forSender(ctx, changed(await deleteHighlight(db, id))) };
    },
    'note/open': async ({ id }, ctx) => {
      const tabId = requireTab(ctx.tabId);
      const record = inReach(ctx, await db.highlights.get(id));
      await grantNote(tabId, { id: record.id, pageUrl: ctx.pageUrl ?? '' });
      return { granted: true };
    },
    'settings/underline': async () => ({ visible: await underlineMentions.getValue() }),
    'noteFrame/highlight': async (_payload, ctx) => {
      // Only a frame inside a tab (frameId > 0) has a grant to ask for; the grant must still fit the tab's page.
      const tabId = ctx.sender.tab?.id;
      const tabUrl = ctx.sender.tab?.url;
      if (tabId === undefined || !tabUrl || !ctx.sender.frameId) throw new HandlerError('forbidden', 'Only the note frame in a page may ask for its note.');
      const grant = await noteGrant(tabId);
      const record = grant ? await db.highlights.get(grant.id) : undefined;
      if (!grant || !record || !mayClaim(tabUrl, record.url)) throw new HandlerError('not-found', 'No note was opened on this page.');
      return record;
    },
    'noteFrame/close': async (_payload, ctx) => {
      const tabId = ctx.sender.tab?.id;
      if (tabId === undefined || !ctx.sender.frameId) return { closed: false };
      await revokeNote(tabId);
      deps.closeNote?.(tabId);
      return { closed: true };
    },
    'highlight/restore': async ({ record }) => {
      const restored = await restoreHighlight(db, record);
      if (!restored) throw new HandlerError('not-found', 'The article of that highlight was deleted; it cannot be put back.');
      return changed(restored);
    },
    'note/save': async ({ article, body, tabId }) => {
      const note = await saveArticleNote(db, article, body);
      await keepTabCopy(tabId, note.url);
      return note;
    },
    'article/entities': async ({ url, entities }, ctx) => {
      requireReach(ctx, url);
      return { article: await setArticleEntities(db, url, toStoredEntities(entities)) };
    },
    'knowledge/lookup': async (payload, ctx) => {
      // `site` selects the reader's link corrections: a page may read only its own site's.
      if (ctx.kind === 'content') {
        const host = ctx.pageUrl ? new URL(ctx.pageUrl).hostname : '';
        if (!sameSite(host, payload.site) && !sameSite(host, `www.${payload.site}`)) {
          throw new HandlerError('forbidden', 'A page may only look up names for its own site.');
        }
        // A page speaks for its own tab only: naming another would decide whether that tab's look-ups are cached.
        if (payload.tabId !== undefined && payload.tabId !== ctx.tabId) throw new HandlerError('forbidden', 'A page may only look up names for its own tab.');
      }
      const tabId = ctx.kind === 'content' ? ctx.tabId : payload.tabId;
      const results = await deps.knowledge.lookup({ ...payload, tabId }, { persist: !(await isPrivate(ctx, tabId)) });
      // The names of a read article get their Wikidata identity: the article the tab shows, as the background knows it.
      if (tabId !== undefined && (await mayRemember(ctx, tabId))) {
        const state = await getTabState(tabId);
        if (state?.status === 'ready' && state.analysis.extraction.kind === 'article') {
          await quietly('links', rememberLinks(db, state.analysis.extraction.article.canonicalUrl, state.analysis.entities, results));
        }
      }
      return results;
    },
    'knowledge/choose': (payload) => deps.knowledge.choose(payload),
    'knowledge/details': async (payload, ctx) =>
      deps.knowledge.details
        ? deps.knowledge.details(payload, { persist: !(await isPrivate(ctx, payload.tabId)) })
        : { status: 'error', reason: 'disabled', message: 'No details service.' },
    'article/saved': async ({ url }) => ({ highlights: await listHighlights(db, url), note: await getArticleNote(db, url) }),
    'history/clear': async () => {
      await clearHistory(db);
      return { cleared: true };
    },
    'article/tags': async ({ id, tags }) => {
      // An article's tags are not painted: no tab needs telling (the library and the panel follow Dexie).
      await setArticleTags(db, id, tags);
      return { saved: true };
    },
    'tags/rename': async ({ from, to }) => {
      const urls = await urlsTagged(from);
      const count = await asInvalid(renameTag(db, from, to));
      changedUrls(urls);
      return { changed: count };
    },
    'tags/delete': async ({ tag }) => {
      const urls = await urlsTagged(tag);
      const count = await deleteTag(db, tag);
      changedUrls(urls);
      return { changed: count };
    },
    'article/delete': async ({ id }) => {
      const deleted = await deleteArticle(db, id);
      // Its highlights are gone: the tabs showing it re-list them and unpaint.
      if (deleted) changed(deleted.article);
      return { deleted };
    },
    'article/restore': async ({ deleted }) => {
      const foreign = [...deleted.highlights, ...deleted.notes, ...(deleted.copies ?? [])].find((r) => r.articleId !== deleted.article.id);
      if (foreign) throw new HandlerError('invalid-message', 'Everything put back with an article must be of that article.');
      await restoreArticle(db, deleted);
      changed(deleted.article);
      return { restored: true };
    },
    'library/clear': async () => {
      const urls = (await db.articles.toArray()).map((a) => a.url);
      await deleteEverything(db);
      changedUrls(urls);
      return { cleared: true };
    },
    'library/changed': async () => {
      // The page wrote the import itself; which articles it touched is not worth a second walk of it: every tab
      // showing a saved article repaints (a tab re-lists its own article's highlights, nothing more).
      return { notified: changedUrls(await articlesShown()) };
    },
  };
}
