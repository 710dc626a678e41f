import { lookupDemonym } from './gazetteer';
import { ADJECTIVE_SUFFIXES } from './lexicon';
import { makeCandidate } from './candidate';
import type { SpotText } from './spotText';
import type { Token } from './tokenize';

/** "post-Soviet", "anti-Putin": the capitalised part after a lower-case prefix, or null. */
export function capitalAfterPrefix(t: Token): string | null {
  const m = t.text.length > 4 && (t.text.includes('-') || t.text.includes('‐')) ? /^\p{Ll}+[-‐](\p{Lu}[\p{L}\p{M}]+)$/u.exec(t.text) : null;
  return m ? m[1]! : null;
}

/** "Seattle-based", "Kremlin-backed": the capitalised part before an adjective suffix, or null. */
export function capitalBeforeSuffix(t: Token): string | null {
  const adj = t.text.includes('-') ? /^(\p{Lu}[\p{L}\p{M}]*)-(\p{Ll}+)$/u.exec(t.text) : null;
  return adj && ADJECTIVE_SUFFIXES.has(adj[2]!) ? adj[1]! : null;
}

/** Adds the one-word candidate for a part of token `index` (a nationality word becomes a demonym). */
export function pushSingleWord(st: SpotText, start: number, end: number, word: string, index: number, initial: boolean): void {
  const demonym = lookupDemonym(word) !== undefined;
  st.out.push(
    makeCandidate(st, start, end, word, 1, demonym ? 'demonym' : 'name', index, index, {
      titled: false,
      nationality: false,
      sentenceInitial: initial,
    }),
  );
}
