import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * One place per browser difference (#18, docs/decisions/007-browser-differences.md): at run time only
 * components/platform/browserDifferences.ts asks which browser this is; the manifest's differences live in wxt.config.ts.
 * A component or handler that tests the browser itself is how the two builds come to drift apart unnoticed.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const OWNER = 'components/platform/browserDifferences.ts';
/** Ways code can tell the browsers apart. */
const SNIFFING = /import\.meta\.env\.(BROWSER|FIREFOX|CHROME)|\bsidebarAction\b|\bbrowserAction\b|\bsidePanel\.|inIncognitoContext|navigator\.userAgent/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('browser differences', () => {
  it(`are told apart only in ${OWNER}`, () => {
    const offenders = ['entrypoints', 'components', 'utils']
      .flatMap((dir) => sources(resolve(ROOT, dir)))
      .map((file) => relative(ROOT, file))
      .filter((file) => file !== OWNER && SNIFFING.test(readFileSync(resolve(ROOT, file), 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '')));
    expect(offenders).toEqual([]);
  });

  it('the owner module itself still carries them (the check above would pass on nothing)', () => {
    expect(readFileSync(resolve(ROOT, OWNER), 'utf8')).toMatch(SNIFFING);
  });
});
