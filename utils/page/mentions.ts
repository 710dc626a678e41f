import type { Entity } from '../entities/types';
import { hitTest } from '../highlights/hitTest';
import { highlightApi } from '../highlights/paint';
import type { ArticleContext } from './articleContext';
import type { PageEnv, SendToBackground } from './env';
import { adoptPageCss } from './pageCss';

/** The registry name of the mention underlines. */
export const MENTION = 'backstory-mention';
const MENTION_CSS = `::highlight(${MENTION}) { text-decoration: underline dotted 1px; text-underline-offset: 3px; text-decoration-color: #b35a1f; }`;

/** An underlined mention: which entity, and where in the page. */
export interface MentionHit {
  entity: Entity;
  range: Range;
}

/** The entity mentions, underlined when the reader turned underlines on. */
export interface Mentions {
  /** Asks the background whether underlines are on and paints accordingly; returns how many were underlined. */
  refresh(): Promise<number>;
  /** Underlines (or stops underlining) every mention, without touching the page's DOM; returns how many. */
  paint(visible: boolean): number;
  /** The underlined mention under a viewport point, if any. */
  at(x: number, y: number): MentionHit | undefined;
}

/**
 * Starts the mention underlines. They are painted with the Custom Highlight API only: where it is missing there are
 * no underlines (and so nothing to click). The underline and its CSS go when `signal` aborts.
 */
export function createMentions(env: PageEnv, deps: { send: SendToBackground; current: () => ArticleContext | undefined }): Mentions {
  const { doc, win, signal } = env;
  const removeCss = adoptPageCss(doc, MENTION_CSS);
  let underlined: Array<{ id: string } & MentionHit> = [];
  signal.addEventListener(
    'abort',
    () => {
      removeCss();
      highlightApi(win)?.registry.delete(MENTION);
      underlined = [];
    },
    { once: true },
  );

  const mentions: Mentions = {
    // The setting is read through the background (storage is extension-only, issue #13); changes arrive as
    // content/mentions messages, which call paint().
    refresh: () => deps.send('settings/underline', {}).then(({ visible }) => mentions.paint(visible), () => 0),
    paint(visible) {
      const api = highlightApi(win);
      if (!api || signal.aborted) return 0;
      api.registry.delete(MENTION);
      underlined = [];
      const context = deps.current();
      if (!visible || !context) return 0;
      for (const entity of context.entities) {
        if (entity.fictional) continue;
        entity.mentions.forEach((m, i) => {
          const range = context.index.toRange(m.start, m.end);
          if (range) underlined.push({ id: `${entity.id}#${i}`, range, entity });
        });
      }
      api.registry.set(MENTION, new api.Highlight(...underlined.map((m) => m.range)));
      return underlined.length;
    },
    at(x, y) {
      if (underlined.length === 0) return undefined;
      const [id] = hitTest(win, x, y, underlined);
      return underlined.find((m) => m.id === id);
    },
  };
  return mentions;
}
