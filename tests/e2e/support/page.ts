/**
 * What these helpers need of a page. Playwright's Page (the Chromium tier) has it as is; the Firefox tier wraps
 * Puppeteer's Page (tests/e2e-firefox/support/firefox.ts), so both tiers share one copy of each helper.
 */
export interface DrivenPage {
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  mouse: {
    click(x: number, y: number): Promise<unknown>;
    move(x: number, y: number, opts?: { steps?: number }): Promise<unknown>;
    down(): Promise<unknown>;
    up(): Promise<unknown>;
  };
}
type Page = DrivenPage;

/** Waits until the page has stopped scrolling (smooth scrolls from Backstory's own "jump to mention" included). */
export async function settleScroll(page: Page): Promise<void> {
  await page.evaluate(
    (_: undefined) =>
      new Promise<void>((resolve) => {
        let last = window.scrollY;
        let still = 0;
        const started = performance.now();
        const tick = () => {
          still = window.scrollY === last ? still + 1 : 0;
          last = window.scrollY;
          if (still >= 6 || performance.now() - started > 5000) resolve();
          else setTimeout(tick, 50);
        };
        tick();
      }),
    undefined,
  );
}

/** Selects the first occurrence of `text` in the page and releases the mouse, as a reader would. */
export async function selectText(page: Page, text: string): Promise<void> {
  // Scroll first and let the scroll settle: the toolbar hides on scroll, as it would under a reader's wheel.
  await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent?.includes(needle)) return node.parentElement!.scrollIntoView({ block: 'center' });
    }
  }, text);
  await settleScroll(page);
  // A real drag with the mouse: Backstory ignores synthetic (untrusted) events, as it must on a hostile page.
  const box = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(needle) ?? -1;
      if (at < 0) continue;
      const char = (i: number) => {
        const range = document.createRange();
        range.setStart(node!, i);
        range.setEnd(node!, i + 1);
        return range.getClientRects()[0]!;
      };
      const first = char(at);
      const last = char(at + needle.length - 1);
      return { x1: first.left + 0.5, y1: first.top + first.height / 2, x2: last.right - 0.5, y2: last.top + last.height / 2 };
    }
    throw new Error(`"${needle}" is not on the page`);
  }, text);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
  const selected = await page.evaluate((_: undefined) => document.getSelection()?.toString() ?? '', undefined);
  if (selected !== text) throw new Error(`selected "${selected}" instead of "${text}"`);
}

/** Dispatches a synthetic (untrusted) click on the first range painted under a highlight name, as a page script could. */
export async function syntheticClickPainted(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => {
    const range = [...(CSS.highlights.get(n) as unknown as Set<Range>)][0]!;
    const rect = range.getClientRects()[0]!;
    const x = rect.left + 5;
    const y = rect.top + rect.height / 2;
    const target = document.elementFromPoint(x, y) ?? document.body;
    for (const type of ['mousedown', 'mouseup', 'click']) target.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: x, clientY: y }));
  }, name);
}

/** The text of every range painted under a highlight name (CSS Custom Highlight API registry). */
export function painted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const highlight = CSS.highlights.get(n) as unknown as Set<Range> | undefined;
    return highlight ? [...highlight].map((r) => r.toString()) : [];
  }, name);
}

/** Clicks the middle of the first range painted under a highlight name (opens its note). */
export async function clickPainted(page: Page, name: string): Promise<void> {
  await settleScroll(page);
  const box = await page.evaluate((n) => {
    const range = [...(CSS.highlights.get(n) as unknown as Set<Range>)][0]!;
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + 5, y: rect.top + rect.height / 2 };
  }, name);
  await page.mouse.click(box.x, box.y);
}
