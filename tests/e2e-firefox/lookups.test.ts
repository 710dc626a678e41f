import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirefoxExtensionBrowser } from '../../scripts/lib/launchFirefox';
import type { StaticServer } from '../../scripts/lib/staticServer';
import { useEndpoints } from '../e2e/support/panel';
import { type FakeWiki, startFakeWiki } from '../../scripts/lib/fakeWiki';
import { clickIn, setupFirefox, teardownFirefox, textOf } from './support/firefox';

describe('look-ups in Firefox', () => {
  let server: StaticServer;
  let firefox: FirefoxExtensionBrowser;
  let wiki: FakeWiki;

  beforeAll(async () => {
    wiki = await startFakeWiki();
    ({ server, firefox } = await setupFirefox({ wiki: wiki.endpoints, lookups: false }));
  });
  afterAll(async () => {
    await teardownFirefox({ server, firefox });
    await wiki?.close();
  });

  it('sends nothing while look-ups are off, and fetches background from the (local) Wikipedia once they are on', async () => {
    const page = await firefox.newPage();
    await page.goto(`${server.url}/seed/`);
    const panel = await firefox.openPanel(await firefox.tabIdOf(page));
    await expect.poll(() => textOf(panel, '.lookups-off'), { timeout: 20_000 }).toMatch(/look-ups are off/i);
    await clickIn(panel, '.entity', 'Vladimir Putin', '.entity-toggle');
    await expect.poll(() => panel.evaluate(() => document.querySelector('.entity-toggle[aria-expanded="true"]') !== null)).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    expect(wiki.requests).toEqual([]);

    // The same panel, look-ups turned on in the settings: the requests now reach the server, so the check above
    // could have failed.
    await useEndpoints({ evaluate: firefox.inExtension }, wiki.endpoints, true);
    await expect
      .poll(() => panel.evaluate(() => [...document.querySelectorAll('.entity')].find((e) => e.textContent?.includes('Vladimir Putin'))?.querySelector('.card-description')?.textContent ?? null), { timeout: 20_000 })
      .toMatch(/President of Russia/);
    expect(wiki.apiRequests().length).toBeGreaterThan(0);
    expect(wiki.apiRequests().every((r) => String(r.headers['api-user-agent'] ?? '').startsWith('Backstory/'))).toBe(true);
  });
});
