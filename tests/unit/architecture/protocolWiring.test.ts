import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toBackground, toContent } from '../../../utils/messaging/protocol';
import { ROOT, sourceFiles, stripComments } from './sourceFiles';

/*
 * Issue #19, item 3: `page/working` was in the protocol with a handler in the background and no sender anywhere, so
 * the code that kept "the page is analysing" looked alive and was not. Every message must have both ends:
 *
 * - a SENDER: a call site naming its type as a literal, in entrypoints/, components/, or utils/page/ (the in-page
 *   features, which are handed the typed `send` by the analyser since utils/ has no browser): `send('type', …)` or
 *   `sendToTab(tab, 'type', …)`, the typed client's calls; a raw `sendMessage({ type, … })` is not allowed at all;
 * - a HANDLER: an entry `'type': …` in a handler map: under entrypoints/background/ for `toBackground`, under
 *   entrypoints/analyzer.content/ for `toContent`.
 *
 * Static scanning on purpose: a message sent only in a branch no test reaches is still sent, and one sent nowhere is
 * found without running anything. Comments are blanked first, so a comment naming a message is neither end.
 */

const code = (file: string) => stripComments(readFileSync(file, 'utf8'));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The ways a message is sent with its type as a literal. */
function sentIn(source: string, type: string): boolean {
  const t = `['"]${escape(type)}['"]`;
  return [new RegExp(`\\bsend\\(\\s*${t}`), new RegExp(`\\bsendToTab\\(\\s*[^,()]+,\\s*${t}`)].some((re) => re.test(source));
}

/** A handler map's entry for the type (an object key at the start of a line). */
function handledIn(source: string, type: string): boolean {
  return new RegExp(`^\\s*['"]${escape(type)}['"]\\s*:`, 'm').test(source);
}

const senders = ['entrypoints', 'components', 'utils/page'].flatMap((dir) => sourceFiles(resolve(ROOT, dir))).map(code);
const handlerFiles = {
  background: sourceFiles(resolve(ROOT, 'entrypoints/background')).map(code),
  content: sourceFiles(resolve(ROOT, 'entrypoints/analyzer.content')).map(code),
};

const tables = [
  { name: 'toBackground', types: Object.keys(toBackground), handlers: handlerFiles.background },
  { name: 'toContent', types: Object.keys(toContent), handlers: handlerFiles.content },
];

describe('every protocol message has both ends', () => {
  for (const { name, types, handlers } of tables) {
    it(`${name}: each message is sent somewhere in entrypoints/, components/ or utils/page/`, () => {
      expect(types.filter((type) => !senders.some((source) => sentIn(source, type)))).toEqual([]);
    });
    it(`${name}: each message has a handler map entry`, () => {
      expect(types.filter((type) => !handlers.some((source) => handledIn(source, type)))).toEqual([]);
    });
  }

  it('every message goes through the typed client: no raw sendMessage with a message type (the compiler checks send)', () => {
    const raw = senders.flatMap((source) => [...source.matchAll(/\bsendMessage\(\s*\{\s*type:\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!));
    expect(raw).toEqual([]);
  });

  it('the scan sees what it should (it would pass on nothing otherwise)', () => {
    const all = senders.join('\n');
    expect(sentIn(all, 'highlight/create')).toBe(true);
    expect(sentIn(all, 'content/highlightsChanged')).toBe(true);
    expect(sentIn(stripComments(`  // send('page/hello', {})\n  /** send('page/hello', {}) */`), 'page/hello')).toBe(false);
    expect(handledIn(handlerFiles.background.join('\n'), 'page/hello')).toBe(true);
  });
});
