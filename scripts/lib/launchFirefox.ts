import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ensureFirefox } from './firefox';

/*
 * Firefox with Backstory, driven by puppeteer-core over WebDriver BiDi (Playwright cannot drive Debian's Firefox).
 * What works on firefox-esr 140, found by trying (docs/decisions/007-browser-differences.md):
 *  - The extension is installed *permanently* from an .xpi (BiDi `webExtension.install` with `moz:permanent`, allowed
 *    for an unsigned add-on because ESR honours `xpinstall.signatures.required=false`). A temporary add-on would be
 *    uninstalled, with its IndexedDB, when the browser closes: a permanent one survives a restart as a reader's does.
 *  - Its moz-extension:// origin is fixed through the profile pref `extensions.webextensions.uuids`, so extension pages
 *    (the side panel's page, the library) can be opened in tabs at a known URL.
 *  - Navigating a tab to a moz-extension:// URL works, but BiDi reports no navigation events for it: page.goto()
 *    never resolves and page.url() stays "about:blank". So extension pages are opened without waiting and then polled
 *    from inside (location.href, document.readyState).
 *  - The sidebar itself is browser chrome, out of BiDi's reach: tests open its page in a tab (`?tabId=` pins it).
 *  - Private windows: the add-on manager's privileged page (about:addons) grants "Run in Private Windows" exactly as
 *    the reader's click there does; the extension then opens a private window with windows.create({ incognito }).
 */

/** The built Firefox extension. */
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');

/** The moz-extension:// UUID the tests give Backstory (any fixed v4 UUID; Firefox picks a random one otherwise). */
export const TEST_EXTENSION_UUID = '5c0e4b1a-7d2f-4e8a-9b3c-1f6d8a2e4b70';

/** Firefox with Backstory installed. */
export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The add-on id (browser_specific_settings.gecko.id). */
  extensionId: string;
  /** "moz-extension://<uuid>" */
  origin: string;
  userDataDir: string;
  /** Where downloads land (the library's exports). */
  downloadsDir: string;
  /** Runs a function in an extension page, where `browser.*` is the extension API (as the background sees it). */
  inExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** A new tab in the normal window. */
  newPage(): Promise<Page>;
  /** Opens an extension page ("/library.html") in a new tab and waits until it has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Opens an extension page in a new tab of the window a tab is in (a private window's pages run privately). */
  openExtensionPageBeside(tabId: number, path: string): Promise<Page>;
  /** Reloads an extension page and waits for the new document (page.reload() would wait forever, as goto does). */
  reloadExtensionPage(page: Page): Promise<void>;
  /** The browser tab id of a web page (found by URL through the extension's tabs API). */
  tabIdOf(page: Page): Promise<number>;
  /**
   * Opens the sidebar's page in a tab, pinned to the given tab id: in the normal window, or with `inTabsWindow` in
   * that tab's own window (a private window's sidebar runs in the private context, and so does this page then).
   */
  openPanel(tabId: number, opts?: { inTabsWindow?: boolean }): Promise<Page>;
  /** Lets Backstory run in private windows (the reader's "Run in Private Windows: Allow" in about:addons). */
  allowInPrivateWindows(): Promise<void>;
  /** Opens a URL in a new private window (Backstory must be allowed there) and returns its page. */
  openPrivateWindow(url: string): Promise<Page>;
  /** Closes the browser; keeps the profile when `keepProfile` (to relaunch with it). */
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

/** The add-on id from the built manifest (one owner: wxt.config.ts). */
function geckoId(): string {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${FIREFOX_EXTENSION_DIR}/manifest.json has no gecko id: build with "wxt build -b firefox".`);
  return id;
}

/** Packs the built extension directory into an .xpi (a zip with manifest.json at its root). */
async function packXpi(dir: string, out: string): Promise<void> {
  const files: Record<string, Uint8Array> = {};
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at)) {
      const path = join(at, entry);
      if ((await stat(path)).isDirectory()) await walk(path);
      else files[relative(dir, path).split('\\').join('/')] = new Uint8Array(await readFile(path));
    }
  };
  await walk(dir);
  await writeFile(out, zipSync(files, { level: 1 }));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` is true; throws `what` after `timeoutMs`. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`Timed out: ${what}`);
}

/** The raw WebDriver BiDi connection (puppeteer's installExtension() only installs temporarily). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/**
 * Launches Debian's Firefox ESR (or FIREFOX_PATH) with the built extension, headless unless told otherwise.
 * On a fresh profile the extension is installed; a profile it is already installed in (a relaunch) starts it as is.
 */
export async function launchFirefoxExtension(
  opts: {
    userDataDir?: string;
    headless?: boolean;
    /** Refuse every request that is not to this machine (default: true, as tests must). */
    localOnly?: boolean;
  } = {},
): Promise<FirefoxExtensionBrowser> {
  const executablePath = ensureFirefox();
  const extensionId = geckoId();
  const origin = `moz-extension://${TEST_EXTENSION_UUID}`;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'backstory-firefox-')));
  const downloadsDir = join(userDataDir, 'downloads');
  const prefs: Record<string, unknown> = {
    'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: TEST_EXTENSION_UUID }),
    // ESR (unlike release Firefox) lets an unsigned add-on be installed permanently, as a developer build.
    'xpinstall.signatures.required': false,
    // The library's exports land in a known folder, without a dialog.
    'browser.download.dir': downloadsDir,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
  };
  if (opts.localOnly ?? true) {
    // No test reaches the internet: every request not to this machine goes to a proxy on a closed local port and
    // fails at once. (127.0.0.1 and localhost are never proxied unless allow_hijacking_localhost is set.)
    Object.assign(prefs, {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.socks_remote_dns': true,
      'network.proxy.allow_hijacking_localhost': false,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
    });
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: opts.headless ?? true,
    userDataDir,
    defaultViewport: { width: 1200, height: 900 },
    extraPrefsFirefox: prefs,
  });
  try {
    if (!existsSync(join(userDataDir, 'extensions', `${extensionId}.xpi`))) {
      const xpi = join(await mkdtemp(join(tmpdir(), 'backstory-xpi-')), 'backstory.xpi');
      await packXpi(FIREFOX_EXTENSION_DIR, xpi);
      const connection = (browser as unknown as { connection: BidiConnection }).connection;
      await connection.send('webExtension.install', { extensionData: { type: 'archivePath', path: xpi }, 'moz:permanent': true });
      await rm(join(xpi, '..'), { recursive: true, force: true });
    }
  } catch (error) {
    await browser.close();
    throw error;
  }

  const waitForExtensionPage = async (page: Page, test: (href: string) => boolean): Promise<void> => {
    await until(
      () => page.evaluate((o) => location.href.startsWith(o) && document.readyState === 'complete' && location.href, origin).then((href) => href !== false && test(href)),
      'an extension page to load',
    );
  };

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    const url = `${origin}${path}`;
    // Never resolves for moz-extension:// (see above): started, not awaited; the page is polled instead.
    void page.goto(url, { timeout: 30_000 }).catch(() => undefined);
    await waitForExtensionPage(page, (href) => href === url);
    return page;
  };

  // One extension page kept open to call the extension's APIs from (the background page is not reachable over BiDi).
  let control: Page | undefined;
  const startControl = async (): Promise<void> => {
    if (control && !control.isClosed()) await control.close().catch(() => undefined);
    const page = await openExtensionPage('/options.html');
    // The background page must be up before a web page loads, or that page's hello goes unanswered.
    await until(
      () =>
        page.evaluate(async () => {
          // The background page's script registers its listeners as it loads: a loaded page is a listening one.
          const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window | null> } } }).browser;
          return (await api.runtime.getBackgroundPage())?.document.readyState === 'complete';
        }),
      'the background page to answer',
    );
    control = page;
  };
  await startControl();

  const inExtension = <A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> =>
    control!.evaluate(fn as (arg: unknown) => Promise<R>, arg as unknown) as Promise<R>;

  const openExtensionPageBeside = async (tabId: number, path: string): Promise<Page> => {
    const url = `${origin}${path}`;
    await inExtension(
      async ([id, u]: readonly [number, string]) => {
        const api = (globalThis as unknown as { browser: { tabs: { get(id: number): Promise<{ windowId: number }>; create(o: object): Promise<unknown> } } }).browser;
        await api.tabs.create({ windowId: (await api.tabs.get(id)).windowId, url: u });
      },
      [tabId, url] as const,
    );
    // BiDi names no URL for an extension page (see above): find the new tab by asking each page where it is.
    let found: Page | undefined;
    await until(async () => {
      for (const page of await browser.pages()) {
        const href = await page.evaluate(() => document.readyState === 'complete' && location.href).catch(() => false);
        if (href === url) found = page;
      }
      return found !== undefined;
    }, `${path} in the window of tab ${tabId}`);
    return found!;
  };

  const tabIdOf = async (page: Page): Promise<number> => {
    const url = await page.evaluate(() => location.href);
    let id: number | null = null;
    await until(async () => {
      id = await inExtension(async (target: string) => {
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }).browser;
        return (await api.tabs.query({})).find((t) => t.url === target)?.id ?? null;
      }, url);
      return id !== null;
    }, `a tab for ${url}`);
    return id!;
  };

  return {
    browser,
    extensionId,
    origin,
    userDataDir,
    downloadsDir,
    inExtension,
    newPage: () => browser.newPage(),
    openExtensionPage,
    reloadExtensionPage: async (page) => {
      await page.evaluate(() => {
        (globalThis as unknown as { __beforeReload?: boolean }).__beforeReload = true;
        location.reload();
      });
      await until(
        () => page.evaluate(() => !(globalThis as unknown as { __beforeReload?: boolean }).__beforeReload && document.readyState === 'complete'),
        'an extension page to reload',
      );
    },
    tabIdOf,
    openExtensionPageBeside,
    openPanel: (tabId, { inTabsWindow = false } = {}) => {
      const path = `/sidepanel.html?tabId=${tabId}`;
      return inTabsWindow ? openExtensionPageBeside(tabId, path) : openExtensionPage(path);
    },
    allowInPrivateWindows: async () => {
      const manager = await browser.newPage();
      void manager.goto('about:addons', { timeout: 30_000 }).catch(() => undefined);
      await until(() => manager.evaluate(() => location.href === 'about:addons' && typeof (globalThis as { AddonManager?: unknown }).AddonManager === 'object'), 'about:addons');
      // What about:addons does when the reader picks "Run in Private Windows: Allow" (and Firefox's own WebDriver
      // does for an install with allowPrivateBrowsing): add the internal permission, then reload the add-on.
      await manager.evaluate(async (id: string) => {
        const scope = globalThis as unknown as {
          ChromeUtils: { importESModule(url: string): { ExtensionPermissions: { add(id: string, perms: object): Promise<void> } } };
          AddonManager: { getAddonByID(id: string): Promise<{ reload(): Promise<void> }> };
        };
        const { ExtensionPermissions } = scope.ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
        await ExtensionPermissions.add(id, { permissions: ['internal:privateBrowsingAllowed'], origins: [] });
        await (await scope.AddonManager.getAddonByID(id)).reload();
      }, extensionId);
      await manager.close();
      // Reloading the add-on restarted its background page and closed its pages: open the control page again.
      await startControl();
    },
    openPrivateWindow: async (url) => {
      const target = browser.waitForTarget((t) => t.url() === url, { timeout: 20_000 });
      await inExtension(async (u: string) => {
        type Windows = { create(o: object): Promise<unknown>; getCurrent(): Promise<{ id: number }>; update(id: number, o: object): Promise<unknown> };
        const api = (globalThis as unknown as { browser: { windows: Windows } }).browser;
        const normal = await api.windows.getCurrent();
        await api.windows.create({ incognito: true, url: u });
        // New tabs open in the last focused window: give the focus back, so newPage() stays in the normal window.
        await api.windows.update(normal.id, { focused: true });
      }, url);
      const page = await (await target).page();
      if (!page) throw new Error(`No page for the private window at ${url}`);
      await until(() => page.evaluate(() => document.readyState === 'complete'), 'the private window to load');
      return page;
    },
    close: async ({ keepProfile = false } = {}) => {
      // A browser that does not close within 20 s (a stuck download, a hung content process) is killed, so a failed
      // test cannot also hang the run; the profile is still written, as after a crash.
      const closing = browser.close();
      const timer = setTimeout(() => browser.process()?.kill('SIGKILL'), 20_000);
      await closing.catch(() => undefined);
      clearTimeout(timer);
      if (!keepProfile && !opts.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
