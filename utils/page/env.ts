import type { SendToBackground } from '../messaging/protocol';

export type { SendToBackground };

/**
 * What an in-page feature is given by its entrypoint: the page's document and window (never the globals, so a test
 * hands in a jsdom page) and the signal that ends it (WXT's `ctx.signal` in the content script). Every listener, timer
 * and observer a feature starts ends with `signal` (STYLE.md §8).
 */
export interface PageEnv {
  doc: Document;
  win: Window;
  signal: AbortSignal;
}

/** `win.setTimeout` that never fires once `signal` aborted (what WXT's `ctx.setTimeout` does, without WXT). */
export function setTimeoutUntil(env: Pick<PageEnv, 'win' | 'signal'>, run: () => void, ms: number): void {
  if (env.signal.aborted) return;
  const stop = () => env.win.clearTimeout(timer);
  const timer = env.win.setTimeout(() => {
    env.signal.removeEventListener('abort', stop);
    run();
  }, ms);
  env.signal.addEventListener('abort', stop, { once: true });
}
