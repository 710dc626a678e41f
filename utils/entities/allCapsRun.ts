import { makeCandidate, noSignals } from './candidate';
import { lookupPlace, nameKey } from './gazetteer';
import { ACRONYMS, JUNK_NAMES, ORG_KEYWORDS, SENTENCE_STARTERS, TITLE_WORDS } from './lexicon';
import { scanPlaces } from './placeScan';
import { lowerAt, titleCaseWord, type SpotText } from './spotText';
import type { Line, Token } from './tokenize';

/** Every token is in capitals (or a lone letter or initial): "NINA L. KHRUSHCHEVA", "MOSCOW". */
export function isAllCapsRun(tokens: readonly Token[], a: number, b: number): boolean {
  return tokens.slice(a, b + 1).every((t) => t.allCaps || t.text.length === 1 || /^\p{Lu}\.$/u.test(t.text));
}

/**
 * An all-caps run a..b on `line`: a dateline ("MOSCOW: When…"), a byline ("BY NINA L. KHRUSHCHEVA"), an unknown
 * short acronym (dropped) or shouting (only its places count). False when it is a known acronym or not on a line:
 * the caller then treats it as an ordinary run.
 */
export function spotAllCaps(st: SpotText, a: number, b: number, line: Line | undefined): boolean {
  const { text, tokens, bylineKey } = st;
  if (!line) return false;
  let s = a;
  if (lowerAt(tokens, s) === 'by' && s < b) s++;
  const name = titleCaseWord(text.slice(tokens[s]!.start, tokens[b]!.end));
  const words = b - s + 1;
  const atLineStart = s <= line.firstToken + 1;
  const after = text.slice(tokens[b]!.fullEnd, tokens[b]!.fullEnd + 3);
  // Dateline: "MOSCOW: When…", "WASHINGTON, Oct 2 (Reuters) —", "KYIV (AP) —".
  if (atLineStart && words <= 3 && /^(?:\s*[:,(]|\s+[-–—])/.test(after) && !line.allCaps) {
    st.out.push(makeCandidate(st, tokens[s]!.start, tokens[b]!.end, name, words, 'dateline', s, b, noSignals(false)));
    return true;
  }
  const key = nameKey(name);
  const isByline =
    (bylineKey !== null && bylineKey.length > 0 && (key === bylineKey || bylineKey.includes(key)) && words >= 2) ||
    (!st.shouting &&
      line.allCaps &&
      words >= 2 &&
      words <= 4 &&
      s <= line.firstToken + 1 &&
      b === line.endToken - 1 &&
      !lookupPlace(name) &&
      !tokens.slice(s, b + 1).some((t) => {
        const w = t.text.toLowerCase();
        return JUNK_NAMES.has(w) || ORG_KEYWORDS.has(w) || SENTENCE_STARTERS.has(w) || TITLE_WORDS.has(w);
      }));
  if (isByline) {
    st.out.push(makeCandidate(st, tokens[s]!.start, tokens[b]!.end, name, words, 'byline', s, b, noSignals(false)));
    return true;
  }
  if (ACRONYMS[text.slice(tokens[a]!.start, tokens[b]!.end)]) return false;
  if (words === 1 && tokens[a]!.text.length <= 4 && !line.allCaps) return true; // unknown acronym ("GMT")
  // Shouted text (an all-caps headline or page): only gazetteer places can be trusted.
  scanPlaces(st, s, b);
  return true;
}
