import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { buildLiveIndex, type LiveTextIndex } from '../../utils/article/liveIndex';
import { purifyCopyHtml } from '../../utils/article/purifyCopy';
import type { CopyRecord, HighlightRecord } from '../../utils/db/schema';
import { anchorAll } from '../../utils/highlights/anchor';
import { describe } from '../../utils/highlights/describe';
import { highlightCss } from '../../utils/highlights/highlightCss';
import { hitTest } from '../../utils/highlights/hitTest';
import { type PaintHandle, paintHighlights } from '../../utils/highlights/paint';
import { selectionToOffsets } from '../../utils/highlights/selection';
import type { HighlightColor, HighlightSelectors } from '../../utils/highlights/types';
import { placeToolbar } from '../toolbar/placeToolbar';
import { SelectionToolbar, toolbarCss } from '../toolbar/SelectionToolbar';

/** Props of ReaderArticle. */
export interface ReaderArticleProps {
  copy: CopyRecord;
  highlights: readonly HighlightRecord[];
  remoteImages: boolean;
  /** Save the selection as a highlight (selectors against the copy's text, the same text the live page anchors in). */
  onHighlight(selectors: HighlightSelectors, color: HighlightColor, openNote: boolean): Promise<string | null>;
  /** Which highlights were placed in the copy (the rest are listed apart). */
  onAnchored(placed: ReadonlySet<string>): void;
  /** A painted highlight was clicked. */
  onSelectHighlight(id: string): void;
  /** Called once with a function that scrolls to a highlight or a text range and flashes it. */
  onReady(api: ReaderArticleApi): void;
}

/** What the reader app can ask of the rendered copy. */
export interface ReaderArticleApi {
  revealHighlight(id: string): boolean;
  revealRange(start: number, end: number): boolean;
  /** The reader's selection in the copy as selectors, or the sentence saying why it cannot be one. */
  selection(): { ok: true; selectors: HighlightSelectors } | { ok: false; message: string };
}

const TOOLBAR_SIZE = { width: 260, height: 44 };

/** Adopts a stylesheet (CSSOM, so the page's CSP needs no inline styles); returns its removal. */
function adopt(css: string): () => void {
  // Every browser Backstory supports has constructable stylesheets; a test DOM without them just goes unstyled.
  if (typeof CSSStyleSheet === 'undefined' || !('replaceSync' in CSSStyleSheet.prototype) || !document.adoptedStyleSheets) return () => undefined;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/**
 * The saved copy, sanitised again on every render (utils/article/purifyCopy.ts), with the reader's highlights painted
 * by the same code as on the live page: the live text index over the rendered copy, anchorAll, the Custom Highlight
 * API. A selection in the copy offers the same toolbar as the page.
 */
export function ReaderArticle(props: ReaderArticleProps) {
  const { copy, highlights, remoteImages } = props;
  const container = useRef<HTMLDivElement>(null);
  const index = useRef<LiveTextIndex | null>(null);
  const ranges = useRef(new Map<string, Range>());
  const paint = useRef<PaintHandle | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [toolbar, setToolbar] = useState<{ x: number; y: number; message?: string } | null>(null);
  const [html, setHtml] = useState('');

  useEffect(() => {
    const removeHighlights = adopt(highlightCss());
    const removeToolbar = adopt(toolbarCss);
    return () => {
      removeHighlights();
      removeToolbar();
      paint.current?.clear();
    };
  }, []);

  // Sanitised again on display: the stored HTML may come from an imported file.
  useLayoutEffect(() => setHtml(purifyCopyHtml(copy.html, window, { remoteImages })), [copy.html, remoteImages]);

  useLayoutEffect(() => {
    const root = container.current;
    if (!root || html === '') return;
    index.current = buildLiveIndex(document, copy, root);
  }, [html, copy]);

  useLayoutEffect(() => {
    const idx = index.current;
    if (!idx) return;
    const results = anchorAll(copy.text, highlights);
    const placed = new Map<string, Range>();
    const entries: Array<{ id: string; color: HighlightColor; range: Range }> = [];
    results.forEach((result, i) => {
      const record = highlights[i]!;
      const range = result.status === 'anchored' ? idx.toRange(result.start, result.end) : null;
      if (!range) return;
      placed.set(record.id, range);
      entries.push({ id: record.id, color: record.color, range });
    });
    ranges.current = placed;
    paint.current?.clear();
    paint.current = paintHighlights(window, entries);
    latest.current.onAnchored(new Set(placed.keys()));
  }, [html, copy, highlights]);

  useEffect(() => {
    const flash = (range: Range): boolean => {
      const el = range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range.cloneRange());
      setTimeout(() => document.getSelection()?.removeAllRanges(), 900);
      return true;
    };
    latest.current.onReady({
      revealHighlight: (id) => {
        const range = ranges.current.get(id);
        return range ? flash(range) : false;
      },
      revealRange: (start, end) => {
        const range = index.current?.toRange(start, end);
        return range ? flash(range) : false;
      },
      selection: () => {
        const selection = document.getSelection();
        const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
        if (!range || !index.current) return { ok: false, message: 'Select the passage in your copy first.' };
        const check = selectionToOffsets(range, index.current, latest.current.copy.text);
        return check.ok ? { ok: true, selectors: describe(latest.current.copy.text, check.start, check.end) } : { ok: false, message: check.message };
      },
    });
  }, []);

  const selectionRange = (): Range | null => {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    return selection.getRangeAt(0);
  };

  const offer = () => {
    const range = selectionRange();
    const idx = index.current;
    if (!range || !idx) return;
    const check = selectionToOffsets(range, idx, copy.text);
    if (!check.ok && check.reason !== 'too-long') return;
    const rect = range.getBoundingClientRect();
    const at = placeToolbar(rect, { width: innerWidth, height: innerHeight }, TOOLBAR_SIZE);
    setToolbar({ ...at, message: check.ok ? undefined : check.message });
  };

  const highlight = async (color: HighlightColor, openNote: boolean) => {
    const range = selectionRange();
    const idx = index.current;
    if (!range || !idx) return;
    const check = selectionToOffsets(range, idx, copy.text);
    if (!check.ok) {
      setToolbar((t) => (t ? { ...t, message: check.message } : t));
      return;
    }
    const failure = await latest.current.onHighlight(describe(copy.text, check.start, check.end), color, openNote);
    if (failure) setToolbar((t) => (t ? { ...t, message: failure } : t));
    else {
      document.getSelection()?.removeAllRanges();
      setToolbar(null);
    }
  };

  const onClick = (event: MouseEvent) => {
    if (!(document.getSelection()?.isCollapsed ?? true)) return;
    const entries = [...ranges.current].map(([id, range]) => ({ id, range }));
    const [id] = hitTest(window, event.clientX, event.clientY, entries);
    if (id) latest.current.onSelectHighlight(id);
  };

  return (
    <>
      <div
        ref={container}
        class="reader-body"
        dir={copy.dir}
        lang={copy.lang ?? undefined}
        // Sanitised just above by purifyCopyHtml (DOMPurify); never the stored string as it is.
        dangerouslySetInnerHTML={{ __html: html }}
        onMouseUp={() => setTimeout(offer, 0)}
        onKeyUp={(e) => e.shiftKey && offer()}
        onClick={onClick}
      />
      {toolbar && (
        <SelectionToolbar
          position={toolbar}
          message={toolbar.message}
          onHighlight={(color) => void highlight(color, false)}
          onAddNote={() => void highlight('yellow', true)}
          onClose={() => setToolbar(null)}
        />
      )}
    </>
  );
}
