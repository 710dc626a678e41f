import { h } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { NOTE_FRAME_SIZE, NoteFrameHost, noteFrameHostCss } from '../../components/toolbar/NoteFrameHost';
import { placeToolbar } from '../../components/toolbar/placeToolbar';
import { SelectionToolbar, toolbarCss } from '../../components/toolbar/SelectionToolbar';
import type { LiveTextIndex } from '../../utils/article/liveIndex';
import { toArticleRef } from '../../utils/article/articleRef';
import type { Article } from '../../utils/article/types';
import type { Entity } from '../../utils/entities/types';
import { describe } from '../../utils/highlights/describe';
import { highlightCss } from '../../utils/highlights/highlightCss';
import { hitTest } from '../../utils/highlights/hitTest';
import { type PaintHandle, paintHighlights } from '../../utils/highlights/paint';
import { describeStructure, placeHighlights, type TextSpaces } from '../../utils/highlights/placeHighlights';
import { selectionToOffsets, type SelectionCheck } from '../../utils/highlights/selection';
import type { HighlightColor, HighlightScope } from '../../utils/highlights/types';
import { MessageError, send } from '../../components/platform/messaging';
import type { HighlightRecord } from '../../utils/messaging/protocol';
import { adoptPageCss } from './pageStyles';
import { createShadowUi } from './shadowUi';

/** What the highlighter needs from the current analysis. */
export interface ArticleContext {
  article: Article;
  index: LiveTextIndex;
  /** The article's text space and the page's whole readable text (highlights outside the article, drift). */
  spaces: TextSpaces;
  entities: Entity[];
}

/**
 * A selection as offsets in the article text, or else in the page's whole readable text (issue 14: a reader may
 * highlight anywhere they read — live-blog entries, boxes, captions Readability leaves out).
 */
function checkSelection(range: Range, context: ArticleContext): { check: SelectionCheck; scope: HighlightScope; text: string } {
  const inArticle = selectionToOffsets(range, context.index, context.article.text);
  if (inArticle.ok || inArticle.reason !== 'outside-article') return { check: inArticle, scope: 'article', text: context.article.text };
  const page = context.spaces.page();
  return { check: selectionToOffsets(range, page.index, page.text), scope: 'page', text: page.text };
}

const TOOLBAR_SIZE = { width: 260, height: 44 };


/**
 * Highlights on the page: paints the saved ones (anchored anew on every analysis), the selection toolbar, the note
 * popover on a painted highlight. Writes go to the background; nothing here touches the database.
 */
export class Highlighter {
  private records: HighlightRecord[] = [];
  private ranges = new Map<string, { range: Range; color: HighlightColor }>();
  private paint: PaintHandle | undefined;
  private readonly toolbar = createShadowUi(document, toolbarCss);
  private readonly popover = createShadowUi(document, noteFrameHostCss);
  private refreshing: Promise<number> | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly current: () => ArticleContext | undefined,
  ) {
    const removeCss = adoptPageCss(document, highlightCss());
    ctx.onInvalidated(() => {
      removeCss();
      this.paint?.clear();
      this.toolbar.remove();
      this.popover.remove();
    });
    // Only the reader's own input counts: a page script's synthetic clicks and keys (isTrusted false) must not open
    // a highlight's note, offer the toolbar or close it (issue #13).
    ctx.addEventListener(document, 'mouseup', (event) => {
      if (!event.isTrusted) return;
      if (!this.toolbar.contains(event) && !this.popover.contains(event)) ctx.setTimeout(() => this.offerToolbar(), 0);
    });
    ctx.addEventListener(document, 'keyup', (event) => {
      if (!event.isTrusted) return;
      if (event.shiftKey && !this.toolbar.contains(event)) this.offerToolbar();
    });
    ctx.addEventListener(document, 'selectionchange', (event) => {
      if (!event.isTrusted) return;
      if (document.getSelection()?.isCollapsed ?? true) this.toolbar.hide();
    });
    ctx.addEventListener(document, 'click', (event) => {
      if (event.isTrusted) this.onClick(event);
    });
    // After a mouse selection the focus is in the page, not in our toolbar: Escape must still close it.
    ctx.addEventListener(document, 'keydown', (event) => {
      if (!event.isTrusted || event.key !== 'Escape') return;
      this.toolbar.hide();
      this.popover.hide();
    });
    ctx.addEventListener(window, 'scroll', (event) => {
      if (event.isTrusted) this.toolbar.hide();
    }, { passive: true });
  }

  /** Fetches the article's saved highlights, anchors them in the current text and paints them; returns how many were placed. */
  refresh(): Promise<number> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<number> {
    const context = this.current();
    if (!context) return 0;
    const { article, spaces } = context;
    this.records = await send('highlights/list', { url: article.canonicalUrl });
    // Records written before anchor scheme 2 have no scope or structure: the article text, no structure.
    const stored = this.records.map((r) => ({ ...r, scope: r.scope ?? 'article', structure: r.structure ?? null }));
    const placements = placeHighlights(document, article, stored, { spaces });
    this.ranges.clear();
    const orphaned: string[] = [];
    placements.forEach((placed, i) => {
      const record = this.records[i]!;
      if (placed.range) this.ranges.set(record.id, { range: placed.range, color: record.color });
      else orphaned.push(record.id);
    });
    this.paint?.clear();
    this.paint = paintHighlights(window, [...this.ranges].map(([id, { range, color }]) => ({ id, range, color })));
    await send('page/anchors', { url: article.canonicalUrl, orphaned }).catch(() => undefined);
    return this.ranges.size;
  }

  /** Repaints when the page dropped our highlights from its registry (some pages reset CSS.highlights). */
  ensurePainted(): void {
    if (this.paint && !this.paint.isIntact()) void this.refresh();
  }

  private selectionRange(): Range | null {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    return selection.getRangeAt(0);
  }

  private offerToolbar(): void {
    const context = this.current();
    const range = this.selectionRange();
    if (!context || !range) return;
    const { check } = checkSelection(range, context);
    // Selections outside the article, in form fields or of blank space are not ours to offer anything for.
    if (!check.ok && check.reason !== 'too-long') return;
    this.showToolbar(range, check.ok ? undefined : check.message, false);
  }

  private showToolbar(range: Range | null, message: string | undefined, autoFocus: boolean): void {
    const rect = range?.getBoundingClientRect() ?? { left: innerWidth / 2, right: innerWidth / 2, top: 80, bottom: 80 };
    const position = placeToolbar(rect, { width: innerWidth, height: innerHeight }, TOOLBAR_SIZE);
    this.toolbar.show(
      h(SelectionToolbar, {
        position,
        message,
        autoFocus,
        onHighlight: (color: HighlightColor) => void this.highlightSelection({ color }),
        onAddNote: () => void this.highlightSelection({ color: 'yellow', openNote: true }),
        onClose: () => this.toolbar.hide(),
      }),
    );
  }

  /**
   * Highlights the current selection (toolbar, keyboard shortcut, context menu), or re-attaches an orphan to it.
   * Bad selections get a clear message in the toolbar and write nothing.
   */
  async highlightSelection(opts: { color?: HighlightColor; openNote?: boolean; reattachId?: string }): Promise<{ created: boolean; message: string }> {
    const context = this.current();
    const range = this.selectionRange();
    if (!context) return { created: false, message: 'This page is not an article Backstory can highlight in.' };
    if (!range) {
      this.showToolbar(null, 'Select text in the article first.', true);
      return { created: false, message: 'Select text in the article first.' };
    }
    const { check, scope, text } = checkSelection(range, context);
    if (!check.ok) {
      this.showToolbar(range, check.message, true);
      return { created: false, message: check.message };
    }
    const selectors = { ...describe(text, check.start, check.end), scope, structure: describeStructure(range.startContainer) };
    try {
      let record: HighlightRecord;
      if (opts.reattachId) {
        record = await send('highlight/update', { id: opts.reattachId, ...selectors });
      } else {
        record = await send('highlight/create', { article: toArticleRef(context.article, location.href), ...selectors, color: opts.color ?? 'yellow' });
        // The library's "articles that mention X" needs the entities of every article something was saved on.
        void send('article/entities', { url: context.article.canonicalUrl, entities: context.entities }).catch(() => undefined);
      }
      document.getSelection()?.removeAllRanges();
      this.toolbar.hide();
      await this.refresh();
      if (opts.openNote) this.openNote(record.id);
      return { created: true, message: opts.reattachId ? 'Highlight re-attached.' : 'Highlighted.' };
    } catch (error) {
      const message = error instanceof MessageError ? error.message : 'The highlight could not be saved.';
      this.showToolbar(range, message, true);
      return { created: false, message };
    }
  }

  /** Ids of the painted highlights under a viewport point, innermost first. */
  idsAt(x: number, y: number): string[] {
    if (this.ranges.size === 0) return [];
    return hitTest(window, x, y, [...this.ranges].map(([id, { range }]) => ({ id, range })));
  }

  private onClick(event: MouseEvent): void {
    if (this.toolbar.contains(event) || this.popover.contains(event)) return;
    if (!(document.getSelection()?.isCollapsed ?? true)) return;
    const [id] = this.idsAt(event.clientX, event.clientY);
    if (id) this.openNote(id, { left: event.clientX, right: event.clientX, top: event.clientY, bottom: event.clientY });
    else this.popover.hide();
  }

  /**
   * Opens a highlight's note next to it: the background grants this tab's note frame that highlight, then the
   * frame (an extension page) is placed here. The note's text never comes to this script (issue #13, finding 2).
   */
  openNote(id: string, at?: { left: number; right: number; top: number; bottom: number }): void {
    if (!this.records.some((r) => r.id === id)) return;
    const rect = at ?? this.ranges.get(id)?.range.getBoundingClientRect() ?? { left: 16, right: 16, top: 80, bottom: 80 };
    const position = placeToolbar(rect, { width: innerWidth, height: innerHeight }, NOTE_FRAME_SIZE);
    void send('note/open', { id }).then(
      // Keyed by highlight: another highlight gets a fresh frame (and the old one flushes its draft as it goes).
      () => this.popover.show(h(NoteFrameHost, { key: id, src: browser.runtime.getURL('/note-frame.html'), position })),
      (error: unknown) => console.warn('[backstory] could not open the note', error),
    );
  }

  /** Removes the note frame (the reader closed it inside the frame). */
  closeNote(): boolean {
    this.popover.hide();
    return true;
  }

  /** Scrolls to a painted highlight and opens nothing else. */
  rangeOf(id: string): Range | null {
    return this.ranges.get(id)?.range ?? null;
  }
}
