import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * House rule (STYLE.md §2): the database lives in the extension's origin only. A content script that so much as
 * bundles Dexie has already cost us once: Dexie's '\uffff' key sentinel is a Unicode non-character, and Chrome then
 * refused to inject the analyser ("isn't UTF-8 encoded"). This walks the value imports of both content scripts.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const ENTRIES = ['entrypoints/content.ts', 'entrypoints/analyzer.content/index.ts'];

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (existsSync(candidate) && /\.(ts|tsx)$/.test(candidate)) return candidate;
  }
  return null;
}

/** Every module reached through value imports (type-only imports are erased and do not count). */
function valueImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      if (match[2]) continue;
      const spec = match[4]!;
      if (spec.startsWith('.')) {
        const target = resolveLocal(file, spec);
        if (target) queue.push(target);
      } else {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
  }
  return { files, packages };
}

describe('content scripts', () => {
  it.each(ENTRIES)('%s never imports the database or Dexie', (entry) => {
    const { files, packages } = valueImports(entry);
    const db = [...files].map((f) => relative(ROOT, f)).filter((f) => f.startsWith('utils/db/'));
    expect(db).toEqual([]);
    expect([...packages]).not.toContain('dexie');
    // The walk itself works: it reaches the messaging client both scripts use.
    expect([...files].some((f) => f.endsWith('components/platform/messaging.ts'))).toBe(true);
  });

  it('the page-level content script stays small: no Readability, no entity finder, no schema library', () => {
    const { files, packages } = valueImports('entrypoints/content.ts');
    expect([...packages].sort()).toEqual(['wxt']);
    // Only the page-cannot-stop-us shield (a dozen lines, wxt only, issue #13) and the typed message client (types
    // from the protocol, no schemas) besides itself.
    expect([...files].map((f) => relative(ROOT, f)).sort()).toEqual(['components/platform/messaging.ts', 'components/platform/shieldContentScript.ts', 'entrypoints/content.ts']);
  });
});
