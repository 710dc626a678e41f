import { h } from 'preact';
import { placeToolbar } from '../../components/toolbar/placeToolbar';
import { SelectionToolbar, toolbarCss } from '../../components/toolbar/SelectionToolbar';
import type { HighlightColor } from '../../utils/highlights/types';
import { MessageError } from '../../components/platform/messaging';
import type { ArticleContext } from '../../utils/page/articleContext';
import { type PageEnv, type SendToBackground, setTimeoutUntil } from '../../utils/page/env';
import type { PaintedHighlights } from '../../utils/page/paintedHighlights';
import { checkSelection, saveSelection } from '../../utils/page/saveSelection';
import { createShadowUi } from './shadowUi';

const TOOLBAR_SIZE = { width: 260, height: 44 };

/** The selection toolbar, and highlighting the reader's selection from it, a shortcut or the context menu. */
export interface SelectionToolbarFeature {
  /**
   * Highlights the current selection, or re-attaches an orphan to it. Bad selections get a clear message in the
   * toolbar and write nothing.
   */
  highlightSelection(opts: { color?: HighlightColor; openNote?: boolean; reattachId?: string }): Promise<{ created: boolean; message: string }>;
  /** True when an event's target is inside the toolbar. */
  contains(event: Event): boolean;
}

/**
 * Starts the selection toolbar: offered after the reader selects text in the article (or the page's readable text),
 * hidden when the selection collapses, on scroll or on Escape. `isOtherUi` names our other in-page UI.
 */
export function startSelectionToolbar(
  env: PageEnv,
  deps: {
    send: SendToBackground;
    current: () => ArticleContext | undefined;
    highlights: PaintedHighlights;
    openNote: (id: string) => void;
    isOtherUi: (event: Event) => boolean;
  },
): SelectionToolbarFeature {
  const { doc, win, signal } = env;
  const toolbar = createShadowUi(doc, toolbarCss);
  signal.addEventListener('abort', () => toolbar.remove(), { once: true });

  const selectionRange = (): Range | null => {
    const selection = doc.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    return selection.getRangeAt(0);
  };

  const show = (range: Range | null, message: string | undefined, autoFocus: boolean): void => {
    const middle = win.innerWidth / 2;
    const rect = range?.getBoundingClientRect() ?? { left: middle, right: middle, top: 80, bottom: 80 };
    const position = placeToolbar(rect, { width: win.innerWidth, height: win.innerHeight }, TOOLBAR_SIZE);
    toolbar.show(
      h(SelectionToolbar, {
        position,
        message,
        autoFocus,
        onHighlight: (color: HighlightColor) => void feature.highlightSelection({ color }),
        onAddNote: () => void feature.highlightSelection({ color: 'yellow', openNote: true }),
        onClose: () => toolbar.hide(),
      }),
    );
  };

  const offer = (): void => {
    const context = deps.current();
    const range = selectionRange();
    if (!context || !range) return;
    const { check } = checkSelection(range, context);
    // Selections outside the article, in form fields or of blank space are not ours to offer anything for.
    if (!check.ok && check.reason !== 'too-long') return;
    show(range, check.ok ? undefined : check.message, false);
  };

  const feature: SelectionToolbarFeature = {
    async highlightSelection(opts) {
      const context = deps.current();
      const range = selectionRange();
      if (!context) return { created: false, message: 'This page is not an article Backstory can highlight in.' };
      if (!range) {
        show(null, 'Select text in the article first.', true);
        return { created: false, message: 'Select text in the article first.' };
      }
      try {
        const saved = await saveSelection(range, context, { ...opts, send: deps.send, pageUrl: win.location.href });
        if (!saved.ok) {
          show(range, saved.message, true);
          return { created: false, message: saved.message };
        }
        doc.getSelection()?.removeAllRanges();
        toolbar.hide();
        await deps.highlights.refresh();
        if (opts.openNote) deps.openNote(saved.record.id);
        return { created: true, message: opts.reattachId ? 'Highlight re-attached.' : 'Highlighted.' };
      } catch (error) {
        const message = error instanceof MessageError ? error.message : 'The highlight could not be saved.';
        show(range, message, true);
        return { created: false, message };
      }
    },
    contains: (event) => toolbar.contains(event),
  };

  // Only the reader's own input counts: a page script's synthetic clicks and keys (isTrusted false) must not offer
  // the toolbar or close it (issue #13).
  const listen = <K extends keyof DocumentEventMap>(type: K, run: (event: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, (event) => event.isTrusted && run(event), { signal });
  listen('mouseup', (event) => {
    if (!toolbar.contains(event) && !deps.isOtherUi(event)) setTimeoutUntil(env, offer, 0);
  });
  listen('keyup', (event) => {
    if (event.shiftKey && !toolbar.contains(event)) offer();
  });
  listen('selectionchange', () => {
    if (doc.getSelection()?.isCollapsed ?? true) toolbar.hide();
  });
  // After a mouse selection the focus is in the page, not in our toolbar: Escape must still close it.
  listen('keydown', (event) => {
    if (event.key === 'Escape') toolbar.hide();
  });
  win.addEventListener(
    'scroll',
    (event) => {
      if (event.isTrusted) toolbar.hide();
    },
    { passive: true, signal },
  );
  return feature;
}
