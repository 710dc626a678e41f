import type { Candidate } from './candidate';
import { isFirstName, lookupPlace, nameKey } from './gazetteer';

/**
 * "Putin-Kim summit" names two people: split a capitalised hyphenated word when each part is a name seen
 * on its own elsewhere in the article (so "Rolls-Royce" and "Guinea-Bissau" stay whole).
 */
export function splitHyphenated(cands: Candidate[]): Candidate[] {
  const known = new Set<string>();
  // Words used on their own somewhere (a part of another hyphenated name does not count: "Okonjo-Iweala").
  for (const c of cands) for (const w of c.name.split(/\s+/)) if (!/[-‐]/.test(w)) known.add(nameKey(w));
  const out: Candidate[] = [];
  for (const c of cands) {
    const parts = c.name.split(/[-‐]/);
    if (
      c.words === 1 &&
      parts.length === 2 &&
      parts.every((p) => /^\p{Lu}/u.test(p) && known.has(nameKey(p))) &&
      !lookupPlace(c.name)
    ) {
      let offset = c.start;
      for (const p of parts) {
        out.push({ ...c, start: offset, end: offset + p.length, name: p, key: nameKey(p), firstNameFirst: isFirstName(p) });
        offset += p.length + 1;
      }
    } else out.push(c);
  }
  return out;
}
