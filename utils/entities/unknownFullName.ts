import type { Candidate } from './candidate';
import { lookupPlace, nameKey } from './gazetteer';
import { personKey, type Person } from './people';
import type { Resolved } from './resolve';

/**
 * An unknown name of two or more words (its key words `words`): family of someone named in full ("Jeb Bush"),
 * a known place followed by ordinary capitalised nouns ("the United States Embassies"), or nothing.
 */
export function resolveUnknownFullName(c: Candidate, words: readonly string[], byWord: ReadonlyMap<string, Person[]>): Resolved | null {
  const lastWord = words[words.length - 1]!;
  if ((byWord.get(lastWord) ?? []).some((p) => p.words[p.words.length - 1] === lastWord)) {
    return { cand: c, type: 'person', group: personKey(c), name: c.name };
  }
  const parts = c.name.split(' ');
  for (let n = Math.min(4, parts.length - 1); n >= 1; n--) {
    const prefix = parts.slice(0, n).join(' ');
    const place = lookupPlace(prefix);
    if (place) {
      return { cand: { ...c, end: c.start + prefix.length, name: prefix, key: nameKey(prefix), words: n }, type: 'place', group: nameKey(place.name), name: place.name };
    }
  }
  return null;
}
