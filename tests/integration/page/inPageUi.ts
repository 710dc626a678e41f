import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ErrorCode } from '../../../utils/messaging/protocol';
import type { PageEnv } from '../../../utils/page/env';
import type { PaintedHighlights } from '../../../utils/page/paintedHighlights';
import { seedHtml } from './pageFixture';

/**
 * Puts the seed article into the global jsdom document (the in-page UI renders with Preact, which uses it) and gives
 * an env with a fresh AbortController.
 */
export function seedDocument(): PageEnv & { controller: AbortController } {
  const parsed = new DOMParser().parseFromString(seedHtml, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
  const controller = new AbortController();
  return { doc: document, win: window, signal: controller.signal, controller };
}

/**
 * Records the shadow roots our UI attaches: they are closed (issue #13), so the test keeps the reference the way the
 * e2e tests reach in from the extension's world. Layout is jsdom's blind spot: Range gets an all-zero box.
 */
export function watchInPageUi(): { roots: ShadowRoot[]; restore(): void } {
  const roots: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  const hadRect = 'getBoundingClientRect' in Range.prototype;
  if (!hadRect) Range.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);
  return {
    roots,
    restore: () => {
      spy.mockRestore();
      if (!hadRect) delete (Range.prototype as { getBoundingClientRect?: unknown }).getBoundingClientRect;
    },
  };
}

/** One reply of the fake background: data, or an error as the router words it. */
type Answer = unknown | { error: { code: ErrorCode; message: string } };

/**
 * The background's side of the typed client, on WXT's fake browser: answers each message type with `answers[type]`
 * (wrapped the way the router wraps replies) and records what arrived.
 */
export function fakeBackground(answers: Record<string, (payload: never) => Answer>): Array<{ type: string; payload: unknown }> {
  const received: Array<{ type: string; payload: unknown }> = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    const { type, payload } = message as { type: string; payload: never };
    received.push({ type, payload });
    const answer = answers[type];
    if (!answer) return undefined;
    const reply = answer(payload);
    sendResponse(
      typeof reply === 'object' && reply !== null && 'error' in reply ? { ok: false, ...(reply as object) } : { ok: true, data: reply },
    );
    return true;
  });
  return received;
}

/** Painted highlights stood in for: `placed` are under every point, all of them are saved. */
export function stubHighlights(placed: Record<string, Range> = {}): PaintedHighlights & { refreshes: number } {
  const stub = {
    refreshes: 0,
    refresh: async () => {
      stub.refreshes++;
      return Object.keys(placed).length;
    },
    ensurePainted: () => {},
    idsAt: () => Object.keys(placed),
    rangeOf: (id: string) => placed[id] ?? null,
    has: (id: string) => id in placed,
  };
  return stub;
}

/** The seed page and the shadow-root watch for each test of an in-page UI, torn down after it (abort, restore, reset). */
export function useSeededPage(take: (ui: ReturnType<typeof watchInPageUi>, env: ReturnType<typeof seedDocument>) => void): void {
  let ui: ReturnType<typeof watchInPageUi> | undefined;
  let env: ReturnType<typeof seedDocument> | undefined;
  beforeEach(() => {
    ui = watchInPageUi();
    env = seedDocument();
    take(ui, env);
  });
  afterEach(() => {
    env?.controller.abort();
    ui?.restore();
    fakeBrowser.reset();
  });
}
