import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Issue #19, item 4: the page's features are plain modules in utils/page/ that take the document, window, signal and
 * `send` they are given, so jsdom can run them; only the entrypoint folder may touch WXT, `browser` or Preact. And,
 * as Refined GitHub checks that every feature file is registered, the analyser must start every feature there is.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const PAGE = resolve(ROOT, 'utils/page');
const pageFiles = readdirSync(PAGE).filter((f) => f.endsWith('.ts'));
const source = (file: string) => readFileSync(file, 'utf8');
const imports = (text: string) => [...text.matchAll(/^\s*import\s[^'";]*?['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('page features', () => {
  it.each(pageFiles)('utils/page/%s imports neither WXT, browser, Preact nor the messaging client', (file) => {
    const text = source(resolve(PAGE, file));
    const bad = imports(text).filter((spec) => /^(wxt|preact|@webext-core|webextension-polyfill)(\/|$)/.test(spec) || /messaging\/client$/.test(spec));
    expect(bad).toEqual([]);
    // The globals: a feature reads the `doc` and `win` it was given.
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/(?<![.\w$])(document|window|location|browser|chrome|globalThis)(?![\w$:])/);
  });

  it('the analyser starts every feature in utils/page/ and in its own folder', () => {
    const entry = source(resolve(ROOT, 'entrypoints/analyzer.content/index.ts'));
    const features = [
      ...pageFiles.map((f) => resolve(PAGE, f)),
      ...readdirSync(resolve(ROOT, 'entrypoints/analyzer.content')).map((f) => resolve(ROOT, 'entrypoints/analyzer.content', f)),
    ].flatMap((file) => [...source(file).matchAll(/^export function ((?:create|start)[A-Z]\w*)\(\s*env: PageEnv/gm)].map((m) => m[1]!));
    expect(features.length).toBeGreaterThanOrEqual(7);
    expect(features.filter((name) => !new RegExp(`\\b${name}\\(env\\b`).test(entry))).toEqual([]);
  });
});
