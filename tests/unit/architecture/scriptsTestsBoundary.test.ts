import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './sourceFiles';

/*
 * scripts/ and tests/ stop importing each other (issue 19, scripts/lib/README.md): scripts never import tests/, and
 * tests reach scripts/ only through scripts/lib/. A bench that imports a test helper, or a test that imports a bench,
 * is how a helper ends up written twice or a "test" starts depending on a bench's internals.
 */

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Each relative import of the files under `dir`, as "file → imported path" (both relative to the root). */
function imports(dir: string): Array<{ file: string; target: string }> {
  return sourceFiles(resolve(ROOT, dir), { mjs: true }).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].map((m) => ({
      file: relative(ROOT, file),
      target: relative(ROOT, resolve(dirname(file), m[1]!)),
    })),
  );
}

describe('scripts/ and tests/ import each other only through scripts/lib/', () => {
  it('scripts/ never imports from tests/', () => {
    const crossing = imports('scripts').filter((i) => i.target.startsWith('tests/'));
    expect(crossing.map((i) => `${i.file} → ${i.target}`)).toEqual([]);
  });

  it('tests/ imports from scripts/ only under scripts/lib/', () => {
    const all = imports('tests').filter((i) => i.target.startsWith('scripts/'));
    expect(all.filter((i) => !i.target.startsWith('scripts/lib/')).map((i) => `${i.file} → ${i.target}`)).toEqual([]);
    // The check sees the imports it polices (it would pass on nothing if the pattern stopped matching).
    expect(all.length).toBeGreaterThan(0);
  });
});
