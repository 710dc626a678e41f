import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { ensureChromium } from './chromium';

/** The slice of the extension API that evaluate() callbacks use inside the service worker. */
declare const chrome: {
  tabs: { query(query: object): Promise<Array<{ id?: number; url?: string }>> };
};

/** The built Chrome extension. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** Chromium with Backstory loaded. */
export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's service worker (its URL holds the extension id). */
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  /** The browser tab id of a page (found by URL through the extension's tabs API). */
  tabIdOf(page: Page): Promise<number>;
  /** Opens the side panel's page in a tab, pinned to the given tab id. */
  openPanel(tabId: number): Promise<Page>;
  /** Closes the browser; keeps the profile when `keepProfile` (to relaunch with it). */
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

/** Hosts a test may reach: only servers on this machine (the tests start them). */
function isLocal(url: string): boolean {
  return /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|chrome-extension:|data:|about:|blob:)/.test(url);
}

/**
 * Launches Debian's Chromium (or CHROME_PATH) with the built extension, headless unless told otherwise.
 * Flags from TOOLCHAIN.md: headless as root needs --no-sandbox; background networking is off so the closed
 * network is not hammered.
 */
export async function launchExtension(
  opts: {
    userDataDir?: string;
    headless?: boolean;
    colorScheme?: 'light' | 'dark';
    /** Refuse every request that is not to this machine (default: true, as tests must). `npm start` turns it off. */
    localOnly?: boolean;
    /** Another build of the extension (the browser bench measures an older build beside this one). */
    extensionDir?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const executablePath = ensureChromium();
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'backstory-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: opts.headless ?? true,
    colorScheme: opts.colorScheme ?? 'light',
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${opts.extensionDir ?? EXTENSION_DIR}`,
      `--load-extension=${opts.extensionDir ?? EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // No test reaches the internet: anything not on this machine is refused.
  if (opts.localOnly ?? true) {
    await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;

  const tabIdOf = async (page: Page): Promise<number> => {
    const url = page.url();
    for (let attempt = 0; attempt < 50; attempt++) {
      const id = await worker.evaluate(async (target: string) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((t) => t.url === target)?.id ?? null;
      }, url);
      if (id !== null) return id;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`No tab found for ${url}`);
  };

  return {
    context,
    worker,
    extensionId,
    userDataDir,
    tabIdOf,
    openPanel: async (tabId) => {
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
      return panel;
    },
    close: async ({ keepProfile = false } = {}) => {
      await context.close();
      if (!keepProfile && !opts.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
