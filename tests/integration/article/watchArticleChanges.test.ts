import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { watchArticleChanges } from '../../../utils/article/watchArticleChanges';

const DEBOUNCE = 30;
const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const longText = 'The council published the full report on Friday, including the appendix on costs. '.repeat(5);

function setup(): { win: Window; reasons: string[]; controller: AbortController; next: () => Promise<string> } {
  const dom = new JSDOM('<!DOCTYPE html><html><body><article><p>Teaser paragraph.</p></article></body></html>', {
    url: 'https://news.example.com/story-1',
  });
  const win = dom.window as unknown as Window;
  const reasons: string[] = [];
  const waiters: Array<(r: string) => void> = [];
  const controller = new AbortController();
  watchArticleChanges(
    win,
    (reason) => {
      reasons.push(reason);
      waiters.shift()?.(reason);
    },
    { debounceMs: DEBOUNCE, signal: controller.signal },
  );
  cleanups.push(() => {
    controller.abort();
    dom.window.close();
  });
  return { win, reasons, controller, next: () => new Promise((r) => waiters.push(r)) };
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('watchArticleChanges', () => {
  it('reports a lazy-loaded body once, debounced over a burst of mutations', async () => {
    const { win, reasons, next } = setup();
    const done = next();
    for (let i = 0; i < 5; i++) {
      const p = win.document.createElement('p');
      p.textContent = longText;
      win.document.querySelector('article')!.appendChild(p);
    }
    expect(await done).toBe('content');
    await wait(DEBOUNCE * 3);
    expect(reasons).toEqual(['content']);
  });

  it('reports a "continue reading" expander that un-hides the rest', async () => {
    const dom = new JSDOM(`<!DOCTYPE html><body><article><p>Teaser.</p><div id="rest" hidden><p>${longText}</p><p>${longText}</p></div></article></body>`, { url: 'https://news.example.com/a' });
    const controller = new AbortController();
    cleanups.push(() => controller.abort());
    const got = new Promise<string>((resolve) => watchArticleChanges(dom.window as unknown as Window, resolve, { debounceMs: DEBOUNCE, signal: controller.signal }));
    dom.window.document.getElementById('rest')!.removeAttribute('hidden');
    expect(await got).toBe('content');
  });

  it('ignores our own nodes (data-backstory) and small changes', async () => {
    const { win, reasons } = setup();
    const mark = win.document.createElement('mark');
    mark.setAttribute('data-backstory', 'highlight');
    mark.textContent = longText;
    win.document.querySelector('p')!.appendChild(mark);
    const inside = win.document.createElement('span');
    inside.textContent = longText;
    mark.appendChild(inside);
    mark.remove();
    win.document.querySelector('p')!.textContent = 'Teaser paragraph!';
    await wait(DEBOUNCE * 4);
    expect(reasons).toEqual([]);
  });

  it('reports single-page-app navigation through pushState, replaceState, popstate and hashchange', async () => {
    const { win, next } = setup();
    let got = next();
    win.history.pushState({}, '', '/story-2');
    expect(await got).toBe('navigation:pushState');
    got = next();
    win.history.replaceState({}, '', '/story-3');
    expect(await got).toBe('navigation:replaceState');
    got = next();
    win.location.hash = '#section-2';
    expect(await got).toMatch(/^navigation:(hashchange|popstate)$/);
  });

  it('stops reporting and restores history methods when the signal aborts', async () => {
    const { win, reasons, controller } = setup();
    const wrappedPush = win.history.pushState;
    controller.abort();
    expect(win.history.pushState).not.toBe(wrappedPush);
    win.history.pushState({}, '', '/story-9');
    const p = win.document.createElement('p');
    p.textContent = longText;
    win.document.body.appendChild(p);
    await wait(DEBOUNCE * 4);
    expect(reasons).toEqual([]);
  });
});
