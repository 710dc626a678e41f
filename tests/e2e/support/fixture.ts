import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { type ExtensionBrowser, launchExtension } from '../../../scripts/lib/launch';
import { type StaticServer, startStaticServer } from '../../../scripts/lib/staticServer';
import { useEndpoints } from './panel';

/** The fixture pages, served by the tests' own server on 127.0.0.1. */
export const PAGES_DIR = resolve(import.meta.dirname, '../../fixtures/pages');

/** Where end-to-end tests leave screenshots. */
export const ARTIFACTS_DIR = resolve(import.meta.dirname, '../../../test-artifacts');

/** The slice of the extension API used inside page.evaluate() callbacks. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Sends a protocol message from an extension page (the side panel) and returns the raw reply envelope. */
export function sendFromPage(page: Page, type: string, payload: unknown): Promise<unknown> {
  return page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
}

/** A fresh profile directory (to relaunch the browser with the same data). */
export function newProfileDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'backstory-e2e-'));
}

/** Where look-ups go in a test that does not want them: a closed port on this machine, with look-ups off. */
const NO_LOOKUPS = { wikipedia: 'http://127.0.0.1:9/{lang}', wikidata: 'http://127.0.0.1:9' };

/**
 * Starts the page server and a browser with the extension. Look-ups are off unless `wiki` gives the endpoints of a
 * fake Wikipedia to use.
 */
export async function setup(
  opts: { userDataDir?: string; colorScheme?: 'light' | 'dark'; wiki?: { wikipedia: string; wikidata: string }; lookups?: boolean } = {},
): Promise<{ server: StaticServer; browser: ExtensionBrowser }> {
  const server = await startStaticServer(PAGES_DIR);
  const browser = await launchExtension(opts);
  await useEndpoints(browser.worker, opts.wiki ?? NO_LOOKUPS, opts.lookups ?? opts.wiki !== undefined);
  return { server, browser };
}

/** Closes what setup() started (either may be missing when setup failed). */
export async function teardown(ctx: { server?: StaticServer; browser?: ExtensionBrowser }): Promise<void> {
  await ctx.browser?.close();
  await ctx.server?.close();
}
