import { afterEach, describe, expect, it } from 'vitest';
import { highlightName } from '../../../utils/highlights/highlightCss';
import { MARK_ATTRIBUTE } from '../../../utils/highlights/paint';
import { createPaintedHighlights } from '../../../utils/page/paintedHighlights';
import { articleContextOf, pageCssCount, fakeSend, installHighlightApi, loadPage, savedHighlight } from './pageFixture';

const pages: Array<{ close(): void }> = [];
afterEach(() => {
  while (pages.length) pages.pop()!.close();
});

function setup(opts: { api?: boolean } = {}) {
  const page = loadPage();
  pages.push(page);
  const registry = opts.api === false ? undefined : installHighlightApi(page.win);
  const context = articleContextOf(page);
  const words = context.article.text.split(/\s+/).filter((w) => w.length > 6);
  const records = [
    savedHighlight(context, 'h1', words[3]!, 'yellow'),
    savedHighlight(context, 'h2', words[10]!, 'green'),
    // Nowhere in the page: an orphan.
    { ...savedHighlight(context, 'h3', words[12]!), quote: { type: 'TextQuoteSelector' as const, exact: 'a passage the publisher removed', prefix: '', suffix: '' } },
  ];
  const send = fakeSend({ 'highlights/list': () => records, 'page/anchors': () => ({ stored: true }) });
  const highlights = createPaintedHighlights(page, { send, current: () => context });
  return { page, registry, context, send, highlights };
}

describe('painted highlights', () => {
  it('anchors the saved highlights, paints one Highlight per colour and reports the orphan', async () => {
    const { registry, send, highlights, context } = setup();
    expect(await highlights.refresh()).toBe(2);
    expect(registry!.get(highlightName('yellow'))?.ranges).toHaveLength(1);
    expect(registry!.get(highlightName('green'))?.ranges).toHaveLength(1);
    expect(send.calls.map((c) => c.type)).toEqual(['highlights/list', 'page/anchors']);
    expect(send.calls[1]!.payload).toEqual({ url: context.article.canonicalUrl, orphaned: ['h3'] });
    expect(highlights.rangeOf('h1')?.toString()).toBe(context.article.text.split(/\s+/).filter((w) => w.length > 6)[3]);
    expect(highlights.rangeOf('h3')).toBeNull();
    expect([highlights.has('h3'), highlights.has('nope')]).toEqual([true, false]);
  });

  it('paints again, with no message, when the page reset CSS.highlights and the reader scrolls or comes back', async () => {
    const { page, registry, send, highlights } = setup();
    await highlights.refresh();
    const painted = registry!.get(highlightName('yellow'));
    const sent = send.calls.length;

    registry!.clear();
    page.fire(page.win, 'scroll');
    expect(registry!.get(highlightName('yellow'))?.ranges).toEqual(painted?.ranges);

    registry!.clear();
    page.fire(page.win, 'focus');
    expect(registry!.size).toBe(2);

    registry!.clear();
    page.fire(page.doc, 'visibilitychange');
    expect(registry!.size).toBe(2);
    expect(send.calls.length).toBe(sent);
  });

  it('leaves an intact paint alone', async () => {
    const { page, registry, highlights } = setup();
    await highlights.refresh();
    const before = registry!.get(highlightName('yellow'));
    page.fire(page.win, 'scroll');
    expect(registry!.get(highlightName('yellow'))).toBe(before);
  });

  it('falls back to <mark>s without the Highlight API and anchors them again when the page unwraps them', async () => {
    const { page, send, highlights } = setup({ api: false });
    expect(await highlights.refresh()).toBe(2);
    const marks = () => page.doc.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`);
    expect(marks().length).toBeGreaterThanOrEqual(2);
    // A framework re-rendering the paragraph: the text stays, our elements go.
    for (const mark of marks()) mark.replaceWith(...mark.childNodes);
    const lists = send.calls.filter((c) => c.type === 'highlights/list').length;
    page.fire(page.win, 'scroll');
    await highlights.refresh();
    // Anchored anew (a round trip), not repainted from ranges the unwrapping moved. Whether they land is the live
    // index's business: after marks split and re-merge its text nodes it places nothing (a known limit of the
    // fallback, in the 2026-12-04 closing note).
    expect(send.calls.filter((c) => c.type === 'highlights/list').length).toBe(lists + 1);
  });

  it('takes its paint and CSS away when the signal aborts, and stops repainting', async () => {
    const { page, registry, highlights } = setup();
    expect(pageCssCount(page.doc)).toBe(1);
    await highlights.refresh();
    page.controller.abort();
    expect(registry!.size).toBe(0);
    expect(pageCssCount(page.doc)).toBe(0);
    page.fire(page.win, 'scroll');
    expect(registry!.size).toBe(0);
  });

  it('paints nothing and asks nothing before an article was extracted', async () => {
    const page = loadPage();
    pages.push(page);
    const send = fakeSend({});
    const highlights = createPaintedHighlights(page, { send, current: () => undefined });
    expect(await highlights.refresh()).toBe(0);
    expect(send.calls).toEqual([]);
    expect(highlights.idsAt(1, 1)).toEqual([]);
  });
});
