import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/* What the architecture tests read: the repository's own source files, found by walking a folder. */

/** The repository's root. */
export const ROOT = resolve(import.meta.dirname, '../../..');

/** Every TypeScript file (and `.mjs` with `mjs: true`) under `dir`, node_modules left out. */
export function sourceFiles(dir: string, opts: { mjs?: boolean } = {}): string[] {
  const pattern = opts.mjs ? /\.(ts|tsx|mjs)$/ : /\.(ts|tsx)$/;
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path, opts);
    return pattern.test(name) ? [path] : [];
  });
}

/**
 * Code with its comments blanked: block comments that open a line and `//` after whitespace, so a comment naming a
 * message or a write is neither. (Not a tokenizer: a match pattern such as 'http://*\/*' survives, since it opens no
 * line and its `//` follows a colon.)
 */
export function stripComments(text: string): string {
  return text.replace(/^\s*\/\*[\s\S]*?\*\//gm, ' ').replace(/(^|\s)\/\/.*$/gm, '$1');
}
