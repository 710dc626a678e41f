import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type PageAnalysis, analyzePage } from '../../utils/analysis/analyzePage';
import { canonicalUrl } from '../../utils/article/canonicalUrl';
import { createTextSpaces } from '../../utils/highlights/placeHighlights';
import { watchArticleChanges } from '../../utils/article/watchArticleChanges';
import { h } from 'preact';
import { MentionPreview, mentionPreviewCss } from '../../components/toolbar/MentionPreview';
import { placeToolbar } from '../../components/toolbar/placeToolbar';
import { siteOf } from '../../utils/article/siteOf';
import type { Entity } from '../../utils/entities/types';
import { hitTest } from '../../utils/highlights/hitTest';
import { highlightApi } from '../../utils/highlights/paint';
import type { LinkResult } from '../../utils/knowledge/types';
import { send } from '../../components/platform/messaging';
import { type ArticleContext, Highlighter } from './highlighter';
import { adoptPageCss } from './pageStyles';
import { createShadowUi } from './shadowUi';

const FLASH = 'backstory-flash';
const MENTION = 'backstory-mention';
const PAGE_CSS = `
::highlight(${FLASH}) { background-color: #ffb347; color: #111; }
::highlight(${MENTION}) { text-decoration: underline dotted 1px; text-underline-offset: 3px; text-decoration-color: #b35a1f; }
`;

/** Backstory's work on one page: the analysis, its live text index, highlights, and re-analysis when the page changes. */
export class PageSession {
  private analysis: PageAnalysis | undefined;
  private context: ArticleContext | undefined;
  private inflight: Promise<PageAnalysis> | undefined;
  private watching = false;
  private readonly highlighter: Highlighter;
  private readonly preview = createShadowUi(document, mentionPreviewCss);
  /** The underlined mentions (when the reader turned underlines on), for hit-testing a click. */
  private mentionRanges: Array<{ id: string; range: Range; entity: Entity }> = [];
  /** Counts flashes, so only the latest one's timer clears the flash. */
  private flashGeneration = 0;

  constructor(private readonly ctx: ContentScriptContext) {
    const removeCss = adoptPageCss(document, PAGE_CSS);
    this.highlighter = new Highlighter(ctx, () => this.context);
    ctx.onInvalidated(() => {
      removeCss();
      const api = highlightApi(window);
      api?.registry.delete(FLASH);
      api?.registry.delete(MENTION);
    });
    // The setting is read through the background (storage is extension-only, issue #13); changes arrive as
    // content/mentions messages.
    ctx.onInvalidated(() => this.preview.remove());
    // Synthetic events from the page (isTrusted false) never open or close anything (issue #13).
    ctx.addEventListener(document, 'click', (event) => {
      if (event.isTrusted) this.onClick(event);
    });
    ctx.addEventListener(document, 'keydown', (event) => {
      if (event.isTrusted && event.key === 'Escape') this.preview.hide();
    });
  }

  /** Analyses the page (or returns the analysis under way); `force` extracts a non-article anyway. */
  analyze(force: boolean): Promise<PageAnalysis> {
    if (this.inflight) return this.inflight;
    if (this.analysis && !force && this.analysis.url === location.href) return Promise.resolve(this.analysis);
    const run = new Promise<PageAnalysis>((resolve, reject) => {
      // Yield first so the message channel and the page's own work are not blocked by a long extraction.
      setTimeout(() => {
        try {
          resolve(this.runAnalysis(force));
        } catch (error) {
          reject(error);
        }
      }, 0);
    }).finally(() => {
      if (this.inflight === run) this.inflight = undefined;
    });
    this.inflight = run;
    return run;
  }

  private runAnalysis(force: boolean): PageAnalysis {
    const analysis = analyzePage(document, location.href, { force });
    this.adopt(analysis);
    // A page with saved highlights is always analysed (issue 14: "Try anyway" implied): when the gate now refuses a
    // page the reader highlighted on (a redesign made it look like a listing), extract it anyway and paint them.
    if (!force && analysis.extraction.kind !== 'article') void this.forceIfHighlighted();
    return analysis;
  }

  private adopt(analysis: PageAnalysis): void {
    this.analysis = analysis;
    const { extraction } = analysis;
    if (extraction.kind === 'article') {
      const spaces = createTextSpaces(document, extraction.article);
      this.context = { article: extraction.article, index: spaces.article!.index, spaces, entities: analysis.entities };
    } else this.context = undefined;
    this.startWatching();
    // Saved highlights are placed again on every analysis: the text may have changed since they were made.
    void this.highlighter.refresh().catch((error: unknown) => console.warn('[backstory] highlights not painted', error));
    void send('settings/underline', {}).then(({ visible }) => this.paintMentions(visible), () => undefined);
  }

  private async forceIfHighlighted(): Promise<void> {
    // The canonical link as extraction reads it (utils/article/metadata.ts); the article key needs no article.
    const href = document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null;
    const saved = await send('highlights/list', { url: canonicalUrl(location.href, href) }).catch(() => []);
    if (saved.length === 0 || this.analysis?.extraction.kind === 'article') return;
    const analysis = analyzePage(document, location.href, { force: true });
    this.adopt(analysis);
    void browser.runtime.sendMessage({ type: 'page/analysis', payload: { analysis } }).catch(() => undefined);
  }

  private startWatching(): void {
    if (this.watching) return;
    this.watching = true;
    watchArticleChanges(
      window,
      () => {
        // The reader forced a non-article once: keep extracting it as they asked.
        const force = this.analysis?.extraction.kind === 'article';
        void this.analyze(force).then((analysis) => browser.runtime.sendMessage({ type: 'page/analysis', payload: { analysis } }));
      },
      { signal: this.ctx.signal, debounceMs: 600 },
    );
  }

  /** The saved highlights changed elsewhere (the panel, another tab): anchor and paint them again. */
  refreshHighlights(): Promise<number> {
    return this.highlighter.refresh();
  }

  /** Highlights the reader's selection, or re-attaches an orphaned highlight to it. */
  highlightSelection(opts: Parameters<Highlighter['highlightSelection']>[0]): ReturnType<Highlighter['highlightSelection']> {
    return this.highlighter.highlightSelection(opts);
  }

  /** Removes the note frame from the page. */
  closeNote(): boolean {
    return this.highlighter.closeNote();
  }

  /** Scrolls to a range of the article text and flashes it. */
  reveal(start: number, end: number): boolean {
    const range = this.context?.index.toRange(start, end);
    return range ? this.flash(range) : false;
  }

  /** Scrolls to a painted highlight and flashes it. */
  revealHighlight(id: string): boolean {
    const range = this.highlighter.rangeOf(id);
    return range ? this.flash(range) : false;
  }

  private flash(range: Range): boolean {
    const target = range.startContainer.nodeType === Node.ELEMENT_NODE ? (range.startContainer as Element) : range.startContainer.parentElement;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    target?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    const api = highlightApi(window);
    if (api) {
      api.registry.set(FLASH, new api.Highlight(range));
      // Each flash owns its timer: an earlier flash's timer must not end a newer one (issue 15).
      const generation = ++this.flashGeneration;
      this.ctx.setTimeout(() => {
        if (generation === this.flashGeneration) api.registry.delete(FLASH);
      }, 2500);
    }
    return true;
  }

  /** Underlines (or stops underlining) every entity mention, without touching the page's DOM. Returns how many. */
  paintMentions(visible: boolean): number {
    const api = highlightApi(window);
    if (!api) return 0;
    api.registry.delete(MENTION);
    this.mentionRanges = [];
    if (!visible || !this.context || !this.analysis) return 0;
    for (const entity of this.analysis.entities) {
      if (entity.fictional) continue;
      entity.mentions.forEach((m, i) => {
        const range = this.context?.index.toRange(m.start, m.end);
        if (range) this.mentionRanges.push({ id: `${entity.id}#${i}`, range, entity });
      });
    }
    api.registry.set(MENTION, new api.Highlight(...this.mentionRanges.map((m) => m.range)));
    return this.mentionRanges.length;
  }

  /** A click on an underlined mention (not on a highlight, which opens its note) opens the preview card. */
  private onClick(event: MouseEvent): void {
    if (this.preview.contains(event)) return;
    this.preview.hide();
    if (this.mentionRanges.length === 0 || !this.context) return;
    if (!(document.getSelection()?.isCollapsed ?? true)) return;
    if (this.highlighter.idsAt(event.clientX, event.clientY).length > 0) return;
    const [id] = hitTest(window, event.clientX, event.clientY, this.mentionRanges);
    const hit = this.mentionRanges.find((m) => m.id === id);
    if (!hit) return;
    const { article } = this.context;
    const entity = hit.entity;
    const rect = hit.range.getBoundingClientRect();
    const position = placeToolbar(rect, { width: innerWidth, height: innerHeight }, { width: 320, height: 130 });
    const show = (knowledge: LinkResult | 'loading') =>
      this.preview.show(h(MentionPreview, { key: entity.id, position, entity, knowledge, onClose: () => this.preview.hide() }));
    show('loading');
    void send('knowledge/lookup', {
      entities: [{ id: entity.id, type: entity.type, name: entity.name, aliases: entity.aliases }],
      lang: article.lang,
      site: siteOf(article.canonicalUrl),
      context: article.text,
    })
      .then((results) => show(results[entity.id] ?? { status: 'unlinked', reason: 'no-confident-match', candidates: [] }))
      .catch(() => show({ status: 'error', reason: 'http', message: 'Background could not be loaded.' }));
  }
}
