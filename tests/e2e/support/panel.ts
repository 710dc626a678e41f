import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page, Worker } from 'playwright-core';

const require = createRequire(import.meta.url);

/** An extension context to run code in: Chromium's service worker, or the Firefox tier's extension page. */
export interface ExtensionContext {
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** Points the extension's look-ups at a local server (settings as the options page writes them). */
export async function useEndpoints(context: Worker | ExtensionContext, endpoints: { wikipedia: string; wikidata: string }, enabled = true): Promise<void> {
  await (context as ExtensionContext).evaluate(
    async ([e, on]: readonly [{ wikipedia: string; wikidata: string }, boolean]) => {
      type Api = { storage: { local: { set(items: object): Promise<void> } } };
      // Firefox's promise-returning API is `browser`; Chromium's is `chrome`.
      const scope = globalThis as unknown as { browser?: Api; chrome: Api };
      await (scope.browser ?? scope.chrome).storage.local.set({ endpoints: e, lookupsEnabled: on });
    },
    [endpoints, enabled] as const,
  );
}

/** A violation axe-core reports. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core in a page (through the devtools protocol, so the extension page's CSP does not block it). */
export async function axeScan(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** The serious and critical violations, as readable lines (empty when the page passes). */
export function seriousViolations(violations: AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
