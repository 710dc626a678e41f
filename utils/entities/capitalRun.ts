import { ADJECTIVE_SUFFIXES, NAME_PARTICLES, ORG_KEYWORDS, PLACE_KEYWORDS, PLACE_NOUNS } from './lexicon';
import { lowerAt, type SpotText } from './spotText';

const INITIAL = /^\p{Lu}\.?$/u;
// Generational suffixes and regnal numbers inside a name: "Abdullah II", "Joe Kennedy III".
const SUFFIX = /^(?:I{1,3}|IV|VI{0,3}|IX|X|XI{1,3}|Jr\.?|Sr\.?)$/;

/**
 * The last token of the run of capitalised words that starts at token i: words joined by spaces, name particles
 * ("von der Leyen", "bin Salman", "do Sul") or "of" after an organisation or place keyword ("Bank of England").
 */
export function capitalRunEnd(st: SpotText, i: number): number {
  const { tokens, excluded } = st;
  let j = i;
  while (j + 1 < tokens.length) {
    const n = tokens[j + 1]!;
    if (!n.joined || excluded(j + 1) || tokens[j]!.possessive) break;
    if (n.text.includes('-') && ADJECTIVE_SUFFIXES.has(n.text.slice(n.text.lastIndexOf('-') + 1))) break;
    if (n.cap && !n.sentenceStart) {
      if (n.allCaps !== tokens[j]!.allCaps && !INITIAL.test(n.text) && !INITIAL.test(tokens[j]!.text) && !SUFFIX.test(n.text)) break;
      j++;
      continue;
    }
    const nl = n.text.toLowerCase();
    // One or more particles, then a capitalised word: "von der Leyen", "bin Salman", "do Sul".
    let p = j + 1;
    while (p < tokens.length && tokens[p]!.joined && !tokens[p]!.cap && NAME_PARTICLES.has(tokens[p]!.text) && p - j <= 3) p++;
    if (p > j + 1 && p < tokens.length && tokens[p]!.joined && tokens[p]!.cap && !excluded(p) && !tokens[j]!.allCaps && !tokens[p - 1]!.possessive) {
      j = p;
      continue;
    }
    const after = tokens[j + 2];
    if (after && after.joined && after.cap && !excluded(j + 2)) {
      if (nl === 'of' && (ORG_KEYWORDS.has(lowerAt(tokens, j)) || PLACE_NOUNS.has(lowerAt(tokens, j)) || PLACE_KEYWORDS.has(lowerAt(tokens, j)) || lowerAt(tokens, j) === 'bank')) {
        j += 2;
        continue;
      }
    }
    break;
  }
  return j;
}
