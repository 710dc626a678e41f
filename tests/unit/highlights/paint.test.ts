import { JSDOM } from 'jsdom';
import { describe as suite, expect, it } from 'vitest';
import { highlightCss, highlightFill, highlightName } from '../../../utils/highlights/highlightCss';
import { highlightApi, paintHighlights } from '../../../utils/highlights/paint';
import { HIGHLIGHT_COLORS } from '../../../utils/highlights/types';

// jsdom has no CSS Custom Highlight API, so these tests cover the <mark> fallback; the API path runs in Chromium (e2e).
function page() {
  const { window } = new JSDOM(
    '<article><p id="p1">Of course, the <a href="#x">artillery and weapons</a> that Putin wants are very real.</p>' +
      '<ul id="list">\n  <li id="l1">First point</li>\n  <li id="l2">Second point</li>\n</ul></article>',
  );
  return window;
}

function textRange(win: Window, startId: string, start: number, endId: string, end: number): Range {
  const doc = win.document;
  const find = (id: string, offset: number): [Node, number] => {
    const walker = doc.createTreeWalker(doc.getElementById(id)!, 4);
    let seen = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = (n as Text).length;
      if (offset <= seen + len) return [n, offset - seen];
      seen += len;
    }
    throw new Error('offset beyond element');
  };
  const r = doc.createRange();
  r.setStart(...find(startId, start));
  r.setEnd(...find(endId, end));
  return r;
}

suite('paintHighlights: fallback marks (no Highlight API)', () => {
  it('reports that the API is missing', () => {
    expect(highlightApi(page() as unknown as Window)).toBeNull();
  });

  it('wraps text across inline markup in <mark data-backstory> and clears back to the original DOM', () => {
    const win = page() as unknown as Window;
    const before = win.document.body.innerHTML;
    const range = textRange(win, 'p1', 3, 'p1', 34); // "course, the artillery and weapo"
    const handle = paintHighlights(win, [{ id: 'h1', color: 'yellow', range }]);
    expect(handle.mode).toBe('marks');
    const marks = Array.from(win.document.querySelectorAll('mark[data-backstory="h1"]'));
    expect(marks.map((m) => m.textContent).join('')).toBe('course, the artillery and weapo');
    expect(marks.every((m) => m.getAttribute('data-backstory-color') === 'yellow')).toBe(true);
    expect(win.document.getElementById('p1')!.textContent).toBe('Of course, the artillery and weapons that Putin wants are very real.');
    expect(handle.isIntact()).toBe(true);
    handle.clear();
    expect(win.document.querySelectorAll('mark').length).toBe(0);
    expect(win.document.body.innerHTML).toBe(before);
    expect(() => handle.clear()).not.toThrow();
  });

  it('skips whitespace between blocks instead of putting a <mark> in a <ul>', () => {
    const win = page() as unknown as Window;
    const range = textRange(win, 'l1', 6, 'l2', 6);
    paintHighlights(win, [{ id: 'h2', color: 'blue', range }]);
    const list = win.document.getElementById('list')!;
    expect(Array.from(list.children).map((c) => c.tagName)).toEqual(['LI', 'LI']);
    expect(Array.from(list.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['point', 'Second']);
  });

  it('paints overlapping highlights and notices when the page removes a mark', () => {
    const win = page() as unknown as Window;
    const a = textRange(win, 'p1', 0, 'p1', 24);
    const b = textRange(win, 'p1', 15, 'p1', 47);
    const handle = paintHighlights(win, [
      { id: 'a', color: 'yellow', range: a },
      { id: 'b', color: 'pink', range: b },
    ]);
    const text = (id: string) => Array.from(win.document.querySelectorAll(`mark[data-backstory="${id}"]`)).map((m) => m.textContent).join('');
    expect(text('a')).toBe('Of course, the artillery');
    expect(text('b')).toBe('artillery and weapons that Putin');
    win.document.querySelector('mark')!.remove();
    expect(handle.isIntact()).toBe(false);
    expect(() => handle.clear()).not.toThrow();
  });
});

suite('paintHighlights: pages that tamper with the registry', () => {
  it('falls back to marks when the page replaced CSS.highlights with something broken', () => {
    const win = page();
    Object.defineProperty(win, 'Highlight', { value: class {} });
    Object.defineProperty(win.CSS ?? Object.defineProperty(win, 'CSS', { value: {} }).CSS, 'highlights', {
      get() {
        throw new Error('page says no');
      },
    });
    const handle = paintHighlights(win as unknown as Window, [{ id: 'h', color: 'green', range: textRange(win as unknown as Window, 'p1', 0, 'p1', 9) }]);
    expect(handle.mode).toBe('marks');
  });
});

suite('highlightCss', () => {
  it('has a ::highlight rule and a mark rule for every colour, with prefixed names', () => {
    const css = highlightCss();
    for (const color of HIGHLIGHT_COLORS) {
      expect(highlightName(color)).toBe(`backstory-${color}`);
      expect(css).toContain(`::highlight(backstory-${color})`);
      expect(css).toContain(`mark[data-backstory][data-backstory-color="${color}"]`);
    }
  });

  // WCAG 2 contrast of the page's own text over our translucent fill, on a white and on a black page.
  const lum = ([r, g, b]: number[]) => {
    const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  };
  const contrast = (a: number[], b: number[]) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  const blend = (fill: string, bg: number[]) => {
    const [r, g, b, alpha] = fill.match(/[\d.]+/g)!.map(Number) as [number, number, number, number];
    return [r, g, b].map((c, i) => c * alpha + bg[i]! * (1 - alpha));
  };

  it.each(HIGHLIGHT_COLORS)('%s keeps text readable (≥ 4.5:1) on light and dark pages', (color) => {
    const fill = highlightFill(color);
    expect(contrast([0, 0, 0], blend(fill, [255, 255, 255]))).toBeGreaterThanOrEqual(4.5);
    expect(contrast([255, 255, 255], blend(fill, [0, 0, 0]))).toBeGreaterThanOrEqual(4.5);
    // dark grey page with light grey text, common in dark themes
    expect(contrast([220, 220, 220], blend(fill, [30, 30, 30]))).toBeGreaterThanOrEqual(4.5);
  });
});
