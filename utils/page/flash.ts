import { highlightApi } from '../highlights/paint';
import { type PageEnv, setTimeoutUntil } from './env';
import { adoptPageCss } from './pageCss';

/** The registry name of the flash (one at a time). */
export const FLASH = 'backstory-flash';
const FLASH_CSS = `::highlight(${FLASH}) { background-color: #ffb347; color: #111; }`;
const FLASH_MS = 2500;

/** Scrolling to a place in the page and flashing it (the panel's "show in page"). */
export interface Flash {
  /** Scrolls `range` into the middle of the viewport and flashes it for a moment; true once done. */
  flash(range: Range): boolean;
}

/**
 * Starts the flash feature: its ::highlight() rule goes in now and, with the flash, out when `signal` aborts. The
 * flash is painted with the Custom Highlight API only (no DOM change); where the API is missing it just scrolls.
 */
export function createFlash(env: PageEnv): Flash {
  const { doc, win, signal } = env;
  const removeCss = adoptPageCss(doc, FLASH_CSS);
  /** Counts flashes, so only the latest one's timer clears the flash. */
  let generation = 0;
  signal.addEventListener(
    'abort',
    () => {
      removeCss();
      highlightApi(win)?.registry.delete(FLASH);
    },
    { once: true },
  );
  return {
    flash(range) {
      const start = range.startContainer;
      const target = start.nodeType === 1 /* ELEMENT_NODE */ ? (start as Element) : start.parentElement;
      const smooth = !(win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false);
      target?.scrollIntoView?.({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
      const api = highlightApi(win);
      if (api) {
        api.registry.set(FLASH, new api.Highlight(range));
        // Each flash owns its timer: an earlier flash's timer must not end a newer one (issue 15).
        const mine = ++generation;
        setTimeoutUntil(env, () => {
          if (mine === generation) api.registry.delete(FLASH);
        }, FLASH_MS);
      }
      return true;
    },
  };
}
