import { browser } from 'wxt/browser';

/**
 * The name WXT 0.21 gives that event (getUniqueEventName in wxt/dist/utils/internal/custom-events.mjs; the class's
 * own constant is private): `<extension id>:<entrypoint>:wxt:content-script-started`.
 */
export function stopEventName(entrypoint: string = import.meta.env.ENTRYPOINT): string {
  return `${browser.runtime.id}:${entrypoint}:wxt:content-script-started`;
}

/**
 * Keeps a page from stopping a content script (issue #13). WXT stops an older copy of a content script when a newer
 * one dispatches a "content-script-started" CustomEvent on `document`; its name is built from the extension id and
 * the entrypoint name, both public, so a page can dispatch it too and shut the analyser down. A capture listener on
 * `window` runs before WXT's on `document` and swallows every such event: Backstory has no use for WXT's hand-over,
 * since each content script keeps one session per page itself (the analyser's global flag) and a copy left behind
 * by an extension update invalidates itself when it finds the runtime gone. Returns the function that removes it.
 */
export function shieldFromStopEvents(win: Window, eventName: string = stopEventName()): () => void {
  const swallow = (event: Event) => event.stopImmediatePropagation();
  win.addEventListener(eventName, swallow, { capture: true });
  return () => win.removeEventListener(eventName, swallow, { capture: true });
}
