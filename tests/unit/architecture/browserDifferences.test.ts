import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './sourceFiles';

/*
 * One place per browser difference (#18, docs/decisions/007-browser-differences.md): at run time only
 * components/platform/browserDifferences.ts asks which browser this is; the manifest's differences live in wxt.config.ts.
 * A component or handler that tests the browser itself is how the two builds come to drift apart unnoticed.
 */

const OWNER = 'components/platform/browserDifferences.ts';
/** Ways code can tell the browsers apart. */
const SNIFFING = /import\.meta\.env\.(BROWSER|FIREFOX|CHROME)|\bsidebarAction\b|\bbrowserAction\b|\bsidePanel\.|inIncognitoContext|navigator\.userAgent/;

describe('browser differences', () => {
  it(`are told apart only in ${OWNER}`, () => {
    const offenders = ['entrypoints', 'components', 'utils']
      .flatMap((dir) => sourceFiles(resolve(ROOT, dir)))
      .map((file) => relative(ROOT, file))
      .filter((file) => file !== OWNER && SNIFFING.test(readFileSync(resolve(ROOT, file), 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '')));
    expect(offenders).toEqual([]);
  });

  it('the owner module itself still carries them (the check above would pass on nothing)', () => {
    expect(readFileSync(resolve(ROOT, OWNER), 'utf8')).toMatch(SNIFFING);
  });
});
