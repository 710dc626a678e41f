import type { Frame, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../../scripts/lib/launch';
import { type InPageQuery, type InPageSpot, inPageQuery, probeInPageUi, waitForSpot } from './inPageUi';

/** Looks into Backstory's closed shadow roots on a page once, from the extension's isolated world. */
export async function probe(browser: ExtensionBrowser, page: Page, query: InPageQuery): Promise<InPageSpot | null> {
  const tabId = await browser.tabIdOf(page);
  // One expression with the probe's source in it: a function cannot cross into the worker as a value, and the
  // extension's CSP forbids building one there from a string.
  const expression = `(async () => {
    const func = ${probeInPageUi.toString()};
    const [first] = await chrome.scripting.executeScript({ target: { tabId: ${tabId} }, func, args: [${JSON.stringify(query)}] });
    return first?.result ?? null;
  })()`;
  return (await browser.worker.evaluate(expression)) as InPageSpot | null;
}

/** Clicks, with the real mouse, a button of Backstory's in-page UI by its accessible name. */
export async function clickInPage(browser: ExtensionBrowser, page: Page, name: string | RegExp): Promise<void> {
  const spot = await waitForSpot(() => probe(browser, page, inPageQuery('button', name)), `button ${String(name)}`);
  await page.mouse.click(spot.x, spot.y);
}

/** The note frame (an extension page framed into the article), once it has loaded. */
export async function noteFrame(page: Page, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => f.url().endsWith('/note-frame.html'));
    if (frame && (await frame.locator('textarea').count().catch(() => 0)) > 0) return frame;
    if (Date.now() > deadline) throw new Error('The note frame did not open');
    await page.waitForTimeout(100);
  }
}

/** How many note frames the page holds (0 when no note is open). */
export function noteFrames(page: Page): number {
  return page.frames().filter((f) => f.url().endsWith('/note-frame.html')).length;
}
