/**
 * What these helpers need of a page. Playwright's Page (the Chromium tier) has it as is; the Firefox tier wraps
 * Puppeteer's Page (tests/e2e-firefox/support/firefox.ts), so both tiers share one copy of each helper.
 */
export interface DrivenPage {
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  mouse: { click(x: number, y: number): Promise<unknown> };
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
  await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(needle) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`"${needle}" is not on the page`);
  }, text);
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
