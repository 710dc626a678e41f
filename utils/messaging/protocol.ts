import * as v from 'valibot';
import type { ArticleRecord, HighlightRecord, NoteRecord } from '../db/schema';

/** Records as they travel in replies (type-only, so content scripts never bundle the database code). */
export type { ArticleRecord, HighlightRecord, NoteRecord };
import type { DeletedArticle } from '../library/deleteArticle';
import type { LinkResult } from '../knowledge/types';
import type { PageAnalysis, TabState } from './tabState';
import {
  ArticleRefSchema,
  ColorSchema,
  EntitySchema,
  HighlightRecordSchema,
  IdSchema,
  PageAnalysisSchema,
  PositionSelectorSchema,
  QuoteSelectorSchema,
  ScopeSchema,
  StructureSchema,
  TagsSchema,
  XPathSelectorSchema,
} from './schemas';
import { HIGHLIGHT_SCOPES } from '../highlights/types';
import { ArticleRecordSchema, CopyRecordSchema, NoteRecordSchema } from '../records/recordSchema';

/** A tag as the library names it (renameTag/deleteTag normalise and check it; this only bounds the message). */
const TagNameSchema = v.pipe(v.string(), v.maxLength(1000));

/**
 * An article deleted from the library, as `article/delete` answered it: the same record schemas as a backup, so
 * whatever was deleted can be put back (and nothing else can be smuggled in through undo).
 */
const DeletedArticleSchema = v.object({
  article: ArticleRecordSchema,
  highlights: v.pipe(v.array(HighlightRecordSchema), v.maxLength(100_000)),
  notes: v.pipe(v.array(NoteRecordSchema), v.maxLength(10_000)),
  copies: v.optional(v.pipe(v.array(CopyRecordSchema), v.maxLength(10))),
});

/**
 * Who may send a message: the content script of a web page, an extension page (side panel, library, options),
 * or either. The router checks it against `sender` before any handler runs. A message a content script may send
 * that names saved records is checked again in its handler against the page the browser says the script runs in
 * (HandlerContext.pageUrl, mayClaim()): a page reaches only its own article's records (issue #13).
 * tests/integration/messaging/senderScope.test.ts walks this table and forges each such message from another site.
 */
export type SenderKind = 'content' | 'extension-page' | 'any';

/** Messages the background answers: name → who may send it and the payload schema. */
export const toBackground = {
  /**
   * content → background: a page loaded; tells whether the reader has anything saved for it. The page is the
   * sender's URL; `url` is informative only (never trusted), `canonical` counts only when canonicalUrl() accepts it.
   */
  'page/hello': {
    from: 'content',
    payload: v.object({ url: v.optional(v.pipe(v.string(), v.maxLength(4000))), canonical: v.nullable(v.pipe(v.string(), v.maxLength(4000))) }),
  },
  /** content → background: a (re-)analysis of the page finished; the side panel follows it. */
  'page/analysis': { from: 'content', payload: v.object({ analysis: PageAnalysisSchema }) },
  /** content → background: which saved highlights could not be placed on the page this time (orphans). */
  'page/anchors': {
    from: 'content',
    payload: v.object({
      url: v.pipe(v.string(), v.maxLength(4000)),
      orphaned: v.pipe(v.array(IdSchema), v.maxLength(100_000)),
    }),
  },
  /** extension page → background: run Backstory on a tab (inject the analyser); `force` is "Try anyway". */
  'tab/open': { from: 'extension-page', payload: v.object({ tabId: v.pipe(v.number(), v.integer()), force: v.optional(v.boolean(), false) }) },
  /** any → background: the saved highlights of one article, in reading order (a content script: its own article only). */
  'highlights/list': { from: 'any', payload: v.object({ url: v.pipe(v.string(), v.maxLength(4000)) }) },
  /** any → background: save a new highlight (creates the article record on first use). */
  'highlight/create': {
    from: 'any',
    payload: v.object({
      article: ArticleRefSchema,
      quote: QuoteSelectorSchema,
      position: PositionSelectorSchema,
      scope: ScopeSchema,
      structure: StructureSchema,
      color: ColorSchema,
      note: v.optional(v.pipe(v.string(), v.maxLength(100_000)), ''),
    }),
  },
  /** any → background: change a highlight's colour, note, tags or (after re-attaching) its selectors. */
  'highlight/update': {
    from: 'any',
    payload: v.object({
      id: IdSchema,
      color: v.optional(ColorSchema),
      note: v.optional(v.pipe(v.string(), v.maxLength(100_000))),
      tags: v.optional(TagsSchema),
      quote: v.optional(QuoteSelectorSchema),
      position: v.optional(PositionSelectorSchema),
      /** With new selectors (re-attaching): the text they count in and the paragraph's structure. */
      scope: v.optional(v.picklist(HIGHLIGHT_SCOPES)),
      structure: v.optional(v.nullable(XPathSelectorSchema)),
    }),
  },
  /**
   * content → background: the reader clicked one of this page's highlights (a trusted click): its note frame may
   * show it. The grant is kept per tab; the frame asks for it with `noteFrame/highlight` (issue #13, finding 2).
   */
  'note/open': { from: 'content', payload: v.object({ id: IdSchema }) },
  /**
   * extension page (the note frame in a page) → background: the highlight this frame edits, from its tab's grant;
   * never from the frame's URL, which the page chose.
   */
  'noteFrame/highlight': { from: 'extension-page', payload: v.object({}) },
  /** extension page (the note frame) → background: the reader closed the note; the page removes the frame. */
  'noteFrame/close': { from: 'extension-page', payload: v.object({}) },
  /** content → background: whether the reader wants mentions underlined (settings are out of content scripts' reach). */
  'settings/underline': { from: 'content', payload: v.object({}) },
  /** any → background: delete a highlight; the reply carries the record so the caller can undo. */
  'highlight/delete': { from: 'any', payload: v.object({ id: IdSchema }) },
  /** extension page → background: put back a highlight deleted a moment ago (undo), exactly as it was. */
  'highlight/restore': { from: 'extension-page', payload: v.object({ record: HighlightRecordSchema }) },
  /** extension page → background: save the article-level note (creates the article record on first use). */
  'note/save': {
    from: 'extension-page',
    payload: v.object({
      article: ArticleRefSchema,
      body: v.pipe(v.string(), v.maxLength(1_000_000)),
      /** The tab showing the article (the panel names it): its analysis is the reader's copy to keep (issue 17). */
      tabId: v.optional(v.pipe(v.number(), v.integer())),
    }),
  },
  /** any → background: remember the entities of an article the reader has saved something on (a page: its own). */
  'article/entities': { from: 'any', payload: v.object({ url: v.pipe(v.string(), v.maxLength(4000)), entities: v.pipe(v.array(EntitySchema), v.maxLength(5000)) }) },
  /** panel or page → background: background knowledge for the article's entities (the page asks for a mention's preview card). */
  'knowledge/lookup': {
    from: 'any',
    payload: v.object({
      entities: v.pipe(v.array(v.pick(EntitySchema, ['id', 'type', 'name', 'aliases'])), v.maxLength(500)),
      lang: v.nullable(v.pipe(v.string(), v.maxLength(20))),
      site: v.pipe(v.string(), v.maxLength(500)),
      context: v.pipe(v.string(), v.maxLength(200_000)),
      /** The tab whose article this is (the panel names it): a private window's look-ups are not cached. */
      tabId: v.optional(v.pipe(v.number(), v.integer())),
    }),
  },
  /** extension page → background: an article's saved highlights and note (for a page that cannot read Dexie: a private window's sidebar). */
  'article/saved': { from: 'extension-page', payload: v.object({ url: v.pipe(v.string(), v.maxLength(4000)) }) },
  /** extension page → background: the reader corrects an entity's link (title, or null for "none"). */
  'knowledge/choose': {
    from: 'extension-page',
    payload: v.object({
      site: v.pipe(v.string(), v.maxLength(500)),
      entity: v.pick(EntitySchema, ['id', 'type', 'name', 'aliases']),
      lang: v.pipe(v.string(), v.maxLength(20)),
      title: v.nullable(v.pipe(v.string(), v.maxLength(500))),
    }),
  },
  /** extension page → background: an opened card's lead sentences and fact labels (loaded once, then cached). */
  'knowledge/details': {
    from: 'extension-page',
    payload: v.object({
      entity: v.pick(EntitySchema, ['id', 'type', 'name', 'aliases']),
      lang: v.nullable(v.pipe(v.string(), v.maxLength(20))),
      card: v.object({ lang: v.pipe(v.string(), v.maxLength(20)), title: v.pipe(v.string(), v.minLength(1), v.maxLength(500)) }),
      /** The tab whose article this is (the panel names it): a private window's details are not cached. */
      tabId: v.optional(v.pipe(v.number(), v.integer())),
    }),
  },
  /**
   * extension page → background: forget the whole reading history (issue 16). Extension pages only: a page must not
   * be able to erase, nor (having no reply to read) learn anything about, what else the reader has read.
   */
  'history/clear': { from: 'extension-page', payload: v.object({}) },
  /*
   * The library page's writes (issue #19, item 2). Extension pages only: they rename, delete and restore across
   * articles, which no page may do. Each one that changes highlights tells the tabs showing them, as the panel's do.
   */
  /** library → background: replace an article's tags. */
  'article/tags': { from: 'extension-page', payload: v.object({ id: IdSchema, tags: TagsSchema }) },
  /** library → background: rename a tag on every article and highlight (merging into the new name). */
  'tags/rename': { from: 'extension-page', payload: v.object({ from: TagNameSchema, to: TagNameSchema }) },
  /** library → background: remove a tag from every article and highlight. */
  'tags/delete': { from: 'extension-page', payload: v.object({ tag: TagNameSchema }) },
  /** library → background: delete an article with its highlights, notes and copy; the reply carries them for undo. */
  'article/delete': { from: 'extension-page', payload: v.object({ id: IdSchema }) },
  /** library → background: put back an article deleted a moment ago (undo), exactly as it was. */
  'article/restore': { from: 'extension-page', payload: v.object({ deleted: DeletedArticleSchema }) },
  /** library → background: delete everything Backstory stored (the reader confirmed). */
  'library/clear': { from: 'extension-page', payload: v.object({}) },
  /**
   * library → background: an import was written (by the library page itself: see docs/decisions/001, an import is
   * too large for a message); every tab showing a saved article repaints.
   */
  'library/changed': { from: 'extension-page', payload: v.object({}) },
} as const satisfies Record<string, { from: SenderKind; payload: v.GenericSchema }>;

/** What each background message answers with. */
export interface BackgroundReplies {
  'page/hello': { saved: boolean };
  'page/analysis': { stored: true };
  'page/anchors': { stored: boolean };
  'tab/open': TabState;
  'highlights/list': HighlightRecord[];
  'highlight/create': HighlightRecord;
  'highlight/update': HighlightRecord;
  'highlight/delete': { deleted: HighlightRecord | null };
  'note/open': { granted: true };
  'settings/underline': { visible: boolean };
  'noteFrame/highlight': HighlightRecord;
  'noteFrame/close': { closed: boolean };
  'highlight/restore': HighlightRecord;
  'note/save': NoteRecord;
  'article/entities': { article: ArticleRecord | null };
  'knowledge/lookup': Record<string, LinkResult>;
  'knowledge/choose': LinkResult;
  'knowledge/details': LinkResult;
  'article/saved': { highlights: HighlightRecord[]; note: NoteRecord | null };
  'history/clear': { cleared: true };
  'article/tags': { saved: true };
  'tags/rename': { changed: number };
  'tags/delete': { changed: number };
  'article/delete': { deleted: DeletedArticle | null };
  'article/restore': { restored: true };
  'library/clear': { cleared: true };
  'library/changed': { notified: number };
}

/** Messages the content script answers (sent by the background or an extension page with tabs.sendMessage). */
export const toContent = {
  /** background/panel → content: analyse the page now (`force`: extract even if it does not look like an article). */
  'content/analyze': { from: 'extension-page', payload: v.object({ force: v.optional(v.boolean(), false) }) },
  /** panel → content: scroll to a range of the article text and flash it. */
  'content/reveal': {
    from: 'extension-page',
    payload: v.object({ start: v.pipe(v.number(), v.integer(), v.minValue(0)), end: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  },
  /** background → content: the saved highlights of this article changed elsewhere (panel, another tab): repaint. */
  'content/highlightsChanged': { from: 'extension-page', payload: v.object({ url: v.pipe(v.string(), v.maxLength(4000)) }) },
  /** panel → content: scroll to a painted highlight and flash it. */
  'content/revealHighlight': { from: 'extension-page', payload: v.object({ id: IdSchema }) },
  /** panel → content: show or hide the subtle underline of entity mentions. */
  'content/mentions': { from: 'extension-page', payload: v.object({ visible: v.boolean() }) },
  /** panel → content: highlight the current selection (the panel's "re-attach" and the keyboard shortcut). */
  'content/highlightSelection': { from: 'extension-page', payload: v.object({ color: v.optional(ColorSchema), reattachId: v.optional(IdSchema) }) },
  /** background → content: the reader closed the note frame (Escape, ×, Delete): remove it from the page. */
  'content/closeNote': { from: 'extension-page', payload: v.object({}) },
} as const satisfies Record<string, { from: SenderKind; payload: v.GenericSchema }>;

/** What each content message answers with. */
export interface ContentReplies {
  'content/analyze': PageAnalysis;
  'content/reveal': { revealed: boolean };
  'content/mentions': { painted: number };
  'content/highlightsChanged': { painted: number };
  'content/revealHighlight': { revealed: boolean };
  'content/highlightSelection': { created: boolean; message: string };
  'content/closeNote': { closed: boolean };
}

/** Names of background messages. */
export type BackgroundMessage = keyof typeof toBackground;
/** Names of content messages. */
export type ContentMessage = keyof typeof toContent;
/** Payload (as sent, before defaults) of a message. */
export type PayloadIn<M extends Record<string, { payload: v.GenericSchema }>, K extends keyof M> = v.InferInput<M[K]['payload']>;
/** Payload (as handled, after validation) of a message. */
export type PayloadOut<M extends Record<string, { payload: v.GenericSchema }>, K extends keyof M> = v.InferOutput<M[K]['payload']>;

/**
 * Sending a typed message to the background and getting its typed answer: what `send` (components/platform/messaging.ts)
 * is, and what the in-page features in utils/page/ are handed so they stay plain.
 */
export type SendToBackground = <K extends BackgroundMessage>(type: K, payload: PayloadIn<typeof toBackground, K>) => Promise<BackgroundReplies[K]>;

/** Machine-readable error codes in a failed reply. */
export type ErrorCode = 'invalid-message' | 'unknown-message' | 'forbidden' | 'not-found' | 'unavailable' | 'internal';

/** Every reply has this envelope, so a failure is a value, never a dropped promise. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };
