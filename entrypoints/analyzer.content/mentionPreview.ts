import { h } from 'preact';
import { MentionPreview, mentionPreviewCss } from '../../components/toolbar/MentionPreview';
import { placeToolbar } from '../../components/toolbar/placeToolbar';
import { siteOf } from '../../utils/article/siteOf';
import { entityRef } from '../../utils/knowledge/entityRef';
import type { LinkResult } from '../../utils/knowledge/types';
import type { ArticleContext } from '../../utils/page/articleContext';
import type { PageEnv, SendToBackground } from '../../utils/page/env';
import type { Mentions } from '../../utils/page/mentions';
import { createShadowUi } from './shadowUi';

const PREVIEW_SIZE = { width: 320, height: 130 };

/**
 * Starts the mention preview: a click on an underlined mention (not on a highlight, which opens its note) opens a card
 * with what the background knows about the entity. Closed by any other click, Escape, or its own button.
 */
export function startMentionPreview(
  env: PageEnv,
  deps: {
    send: SendToBackground;
    current: () => ArticleContext | undefined;
    mentions: Mentions;
    isOnHighlight: (x: number, y: number) => boolean;
  },
): { contains(event: Event): boolean } {
  const { doc, win, signal } = env;
  const preview = createShadowUi(doc, mentionPreviewCss);
  signal.addEventListener('abort', () => preview.remove(), { once: true });

  const onClick = (event: MouseEvent): void => {
    if (preview.contains(event)) return;
    preview.hide();
    const context = deps.current();
    if (!context) return;
    if (!(doc.getSelection()?.isCollapsed ?? true)) return;
    if (deps.isOnHighlight(event.clientX, event.clientY)) return;
    const hit = deps.mentions.at(event.clientX, event.clientY);
    if (!hit) return;
    const { article } = context;
    const { entity } = hit;
    const position = placeToolbar(hit.range.getBoundingClientRect(), { width: win.innerWidth, height: win.innerHeight }, PREVIEW_SIZE);
    const show = (knowledge: LinkResult | 'loading') => {
      if (!signal.aborted) preview.show(h(MentionPreview, { key: entity.id, position, entity, knowledge, onClose: () => preview.hide() }));
    };
    show('loading');
    void deps
      .send('knowledge/lookup', {
        entities: [entityRef(entity)],
        lang: article.lang,
        site: siteOf(article.canonicalUrl),
        context: article.text,
      })
      .then((results) => show(results[entity.id] ?? { status: 'unlinked', reason: 'no-confident-match', candidates: [] }))
      .catch(() => show({ status: 'error', reason: 'http', message: 'Background could not be loaded.' }));
  };

  // Synthetic events from the page (isTrusted false) never open or close anything (issue #13).
  doc.addEventListener(
    'click',
    (event) => {
      if (event.isTrusted) onClick(event);
    },
    { signal },
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.isTrusted && event.key === 'Escape') preview.hide();
    },
    { signal },
  );
  return { contains: (event) => preview.contains(event) };
}
