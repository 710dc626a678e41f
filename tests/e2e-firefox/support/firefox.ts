import type { Page } from 'puppeteer-core';
import { type FirefoxExtensionBrowser, launchFirefoxExtension } from '../../../scripts/lib/launchFirefox';
import { type StaticServer, startStaticServer } from '../../../scripts/lib/staticServer';
import { PAGES_DIR } from '../../e2e/support/fixture';
import { type InPageQuery, type InPageSpot, inPageQuery, probeInPageUi, waitForSpot } from '../../e2e/support/inPageUi';
import type { DrivenPage } from '../../e2e/support/page';
import { useEndpoints } from '../../e2e/support/panel';

/*
 * The Firefox tier's page objects. Same fixtures, servers and in-page helpers as the Chromium tier
 * (tests/e2e/support); only the driver differs: puppeteer-core over WebDriver BiDi, whose Page is wrapped here so
 * the shared helpers can use it.
 */

/** Where look-ups go in a test that does not want them: a closed port on this machine, with look-ups off. */
const NO_LOOKUPS = { wikipedia: 'http://127.0.0.1:9/{lang}', wikidata: 'http://127.0.0.1:9' };

/** The shared helpers' view of a Puppeteer page. */
export function drive(page: Page): DrivenPage {
  return {
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>,
    mouse: page.mouse,
  };
}

/**
 * Starts the page server and Firefox with the extension. Look-ups are off unless `wiki` gives the endpoints of a
 * fake Wikipedia to use.
 */
export async function setupFirefox(
  opts: { userDataDir?: string; wiki?: { wikipedia: string; wikidata: string }; lookups?: boolean } = {},
): Promise<{ server: StaticServer; firefox: FirefoxExtensionBrowser }> {
  const server = await startStaticServer(PAGES_DIR);
  const firefox = await launchFirefoxExtension({ userDataDir: opts.userDataDir });
  await useEndpoints({ evaluate: firefox.inExtension }, opts.wiki ?? NO_LOOKUPS, opts.lookups ?? opts.wiki !== undefined);
  return { server, firefox };
}

/** Closes what setupFirefox() started (either may be missing when setup failed). */
export async function teardownFirefox(ctx: { server?: StaticServer; firefox?: FirefoxExtensionBrowser }): Promise<void> {
  await ctx.firefox?.close();
  await ctx.server?.close();
}

/** The text of the first element matching `selector` (null when there is none). */
export function textOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
}

/** The text of every element matching `selector`. */
export function textsOf(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent ?? ''), selector);
}

/**
 * Clicks, with the real mouse (a trusted event, as a reader's), the first button whose accessible name (aria-label,
 * else its text) matches `name`, looking inside open shadow roots too. For Backstory's in-page UI, whose shadow
 * roots are closed, use clickInPageFirefox().
 */
export async function clickButton(page: Page, name: string | RegExp, within = ':root'): Promise<void> {
  const pattern = typeof name === 'string' ? { source: `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, flags: '' } : { source: name.source, flags: name.flags };
  const find = () => page.evaluate(
    ({ source, flags, scope }) => {
      const re = new RegExp(source, flags);
      const roots: Array<Document | ShadowRoot | Element> = [document.querySelector(scope) ?? document];
      for (let i = 0; i < roots.length; i++) {
        const root = roots[i]!;
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) roots.push(el.shadowRoot);
          if (el.tagName !== 'BUTTON') continue;
          const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
          if (!re.test(label)) continue;
          el.scrollIntoView({ block: 'center' });
          const rect = el.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      return null;
    },
    { ...pattern, scope: within },
  );
  // The button may be a moment away (the toolbar opens after the selection settles): wait for it as a reader does.
  let spot = await find();
  for (let tries = 0; !spot && tries < 100; tries++) {
    await new Promise((r) => setTimeout(r, 100));
    spot = await find();
  }
  if (!spot) throw new Error(`No button named ${String(name)}`);
  await page.mouse.click(spot.x, spot.y);
}

/** Focuses the field labelled `label` (by its <label>) with a click and types `text`, as a reader does. */
export async function typeInto(page: Page, label: string | RegExp, text: string): Promise<void> {
  const source = typeof label === 'string' ? `^${label}$` : label.source;
  const spot = await page.evaluate((src) => {
    const re = new RegExp(src);
    for (const l of document.querySelectorAll('label')) {
      if (!re.test((l.textContent ?? '').trim())) continue;
      const field = l.control;
      if (!field) continue;
      field.scrollIntoView({ block: 'center' });
      const rect = field.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, source);
  if (!spot) throw new Error(`No field labelled ${String(label)}`);
  await page.mouse.click(spot.x, spot.y);
  await page.keyboard.type(text);
}

/** Clicks, with the real mouse, the first element matching `selector` inside the first `container` that contains `text`. */
export async function clickIn(page: Page, container: string, text: string, selector: string): Promise<void> {
  const spot = await page.evaluate(
    ({ container: c, text: t, selector: s }) => {
      const box = [...document.querySelectorAll(c)].find((e) => e.textContent?.includes(t));
      const el = box?.querySelector(s);
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const rect = el.getBoundingClientRect();
      return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
    },
    { container, text, selector },
  );
  if (!spot) throw new Error(`No ${selector} in a ${container} with "${text}"`);
  await page.mouse.click(spot.x, spot.y);
}

/** Looks into Backstory's closed shadow roots on a web page once, from the extension's content-script world. */
export function probeFirefox(firefox: FirefoxExtensionBrowser, tabId: number, query: InPageQuery): Promise<InPageSpot | null> {
  const code = `(${probeInPageUi.toString()})(${JSON.stringify(query)})`;
  return firefox.inExtension(
    async ({ id, source }) => {
      const api = (globalThis as unknown as { browser: { tabs: { executeScript(t: number, o: { code: string }): Promise<unknown[]> } } }).browser;
      const [first] = await api.tabs.executeScript(id, { code: source });
      return (first ?? null) as InPageSpot | null;
    },
    { id: tabId, source: code },
  );
}

/** Clicks, with the real mouse, a button of Backstory's in-page UI (closed shadow roots) by its accessible name. */
export async function clickInPageFirefox(firefox: FirefoxExtensionBrowser, page: Page, name: string | RegExp): Promise<void> {
  const tabId = await firefox.tabIdOf(page);
  const spot = await waitForSpot(() => probeFirefox(firefox, tabId, inPageQuery('button', name)), `button ${String(name)}`);
  await page.mouse.click(spot.x, spot.y);
}

/**
 * Writes a note in the open note frame and closes it with Escape, from inside the frame (see the Firefox highlights
 * test for why not with the keyboard). Puppeteer lists the frame (as about:blank, as it does every moz-extension page).
 */
export async function typeInNoteFrame(page: Page, text: string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    for (const frame of page.frames()) {
      const typed = await frame
        .evaluate((t) => {
          const field = document.querySelector<HTMLTextAreaElement>('.bs-popover textarea');
          if (!field) return false;
          field.focus();
          field.value = t;
          field.dispatchEvent(new Event('input', { bubbles: true }));
          field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
          return true;
        }, text)
        .catch(() => false);
      if (typed) return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('No note frame to type in');
}
