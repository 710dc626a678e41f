import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { vi } from 'vitest';
import { extractArticle } from '../../../utils/article/extractArticle';
import { describe } from '../../../utils/highlights/describe';
import { createTextSpaces } from '../../../utils/highlights/placeHighlights';
import type { HighlightColor } from '../../../utils/highlights/types';
import type { HighlightRecord } from '../../../utils/messaging/protocol';
import type { ArticleContext } from '../../../utils/page/articleContext';
import type { PageEnv, SendToBackground } from '../../../utils/page/env';

/** The page the seed fixture stands for. */
export const SEED_URL = 'https://www.dailymeridian.example/opinion/2023/10/02/axis-of-outcasts-putin-and-kims-cartoon-summit';
/** The seed article's HTML (the one committed fixture; not a copy). */
export const seedHtml = readFileSync(resolve(import.meta.dirname, '../../fixtures/pages/seed/index.html'), 'utf8');

/**
 * A stand-in for the CSS Custom Highlight API, which jsdom lacks: `CSS.highlights` is a Map (as the real registry
 * is a maplike) and `Highlight` keeps its ranges. Test-only: product code must cope with the API missing.
 */
export class FakeHighlight {
  readonly ranges: AbstractRange[];
  constructor(...ranges: AbstractRange[]) {
    this.ranges = ranges;
  }
  add(range: AbstractRange): void {
    this.ranges.push(range);
  }
}

/** Installs the fake API on `win` and returns its registry. */
export function installHighlightApi(win: Window): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>();
  Object.defineProperty(win, 'CSS', { value: { highlights: registry }, configurable: true });
  Object.defineProperty(win, 'Highlight', { value: FakeHighlight, configurable: true });
  return registry;
}

/** A jsdom page (the seed article unless told otherwise), its env with a fresh AbortController, and its teardown. */
export function loadPage(html = seedHtml, url = SEED_URL): PageEnv & { controller: AbortController; fire(target: EventTarget, type: string): void; close(): void } {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole(), pretendToBeVisual: true });
  // jsdom's addEventListener takes only its own AbortSignal, as a browser takes only its own.
  const controller = new dom.window.AbortController() as unknown as AbortController;
  return {
    doc: dom.window.document,
    win: dom.window as unknown as Window,
    signal: controller.signal,
    controller,
    /** Dispatches a plain (untrusted) event of the page's own realm. */
    fire: (target, type) => target.dispatchEvent(new dom.window.Event(type)),
    close: () => {
      controller.abort();
      dom.window.close();
    },
  };
}

/** The article context the analysis session would build for the page (extraction without the entity finder). */
export function articleContextOf(env: PageEnv): ArticleContext {
  const result = extractArticle(env.doc, env.win.location.href, { force: true });
  if (result.kind !== 'article') throw new Error(`fixture did not extract: ${result.reason}`);
  const spaces = createTextSpaces(env.doc, result.article);
  return { article: result.article, index: spaces.article!.index, spaces, entities: [] };
}

/** A saved highlight on the context's article, on the first occurrence of `exact` in its text. */
export function savedHighlight(context: ArticleContext, id: string, exact: string, color: HighlightColor = 'yellow'): HighlightRecord {
  const start = context.article.text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" not in the article`);
  const { quote, position } = describe(context.article.text, start, start + exact.length);
  return {
    id,
    articleId: 'a1',
    url: context.article.canonicalUrl,
    quote,
    position,
    color,
    note: '',
    tags: [],
    anchorVersion: 2,
    scope: 'article',
    structure: null,
    createdAt: 1,
    updatedAt: 1,
  };
}

/** How many of our page stylesheets are in: adopted ones, or the <style data-backstory> fallback jsdom gets. */
export function pageCssCount(doc: Document): number {
  return (doc.adoptedStyleSheets?.length ?? 0) + doc.querySelectorAll('style[data-backstory]').length;
}

/** One call a fake background received. */
export interface SentMessage {
  type: string;
  payload: unknown;
}

/**
 * A `send` answering from `replies` (by message type) and recording every call; a type without a reply rejects, as
 * a background that does not answer does.
 */
export function fakeSend(replies: Record<string, (payload: never) => unknown>): SendToBackground & { calls: SentMessage[] } {
  const calls: SentMessage[] = [];
  const send = vi.fn(async (type: string, payload: unknown) => {
    calls.push({ type, payload });
    const reply = replies[type];
    if (!reply) throw new Error(`no reply for ${type}`);
    return reply(payload as never);
  });
  return Object.assign(send as unknown as SendToBackground, { calls });
}
