import { isAllCapsRun, spotAllCaps } from './allCapsRun';
import { makeCandidate, type CandidateKind } from './candidate';
import { isFirstName, lookupDemonym, lookupPlace } from './gazetteer';
import { ACRONYMS, JUNK_NAMES, ORG_KEYWORDS, PERSON_NOUNS, PLACE_KEYWORDS, ROLE_CUES, SENTENCE_STARTERS, TITLE_WORDS } from './lexicon';
import { scanPlaces } from './placeScan';
import { lowerAt, type SpotText } from './spotText';

// "Juan Ramón de la Fuente y Ramírez" is about as long as a name gets.
const MAX_NAME_WORDS = 8;
// Role titles that split a run: "Zimbabwe President Robert Mugabe" is a place, then a person.
const ROLE_SPLIT = new Set(['president', 'minister', 'chancellor', 'secretary', 'senator', 'governor', 'mayor', 'king', 'queen', 'prince', 'princess', 'pope', 'commissioner', 'ambassador', 'chairman', 'chairwoman', 'chief', 'leader', 'premier', 'attorney-general', 'spokesman', 'spokeswoman', 'coach', 'manager', 'director', 'judge', 'sheikh', 'emir', 'ayatollah', 'envoy', 'superintendent', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.']);

const isDemonymPhrase = (name: string): boolean => lookupDemonym(name) !== undefined;

/** Where the name of a run a..b starts once its leading words are stripped, and what those words said. */
export interface NameStart {
  a: number;
  /** A title stood first ("President", "Mr"). */
  titled: boolean;
  /** A nationality word stood first ("Chinese", "North Korean"). */
  nationality: boolean;
}

/**
 * Adds the candidates of the capitalised run from..b: a too-long run and shouting keep only their places, a role title
 * inside splits the run ("Zimbabwe President Robert Mugabe"), leading titles and nationality words are stripped.
 */
export function spotNameRun(st: SpotText, from: number, b: number): void {
  const { text, tokens } = st;
  let a0 = from;
  const line = st.lineOf.get(tokens[a0]!.line);
  // Names run to a few words; a longer capitalised run is a Title Case headline or shouting: only places in it count.
  if (b - a0 >= MAX_NAME_WORDS) {
    scanPlaces(st, a0, b);
    return;
  }
  if (isAllCapsRun(tokens, a0, b) && spotAllCaps(st, a0, b, line)) return;

  const lastLower = lowerAt(tokens, b);
  const keywordEnded = ORG_KEYWORDS.has(lastLower) || PLACE_KEYWORDS.has(lastLower);
  if (!keywordEnded) {
    const k = roleSplitAt(st, a0, b);
    if (k >= 0) {
      let onlyTitles = true;
      for (let q = a0; q < k; q++) if (!TITLE_WORDS.has(lowerAt(tokens, q))) onlyTitles = false;
      if (!onlyTitles) spotNameRun(st, a0, k - 1);
      a0 = k;
    }
  }
  const lead = stripLeadingWords(st, a0, b, keywordEnded);
  if (!lead) return;
  let { a } = lead;
  let { titled } = lead;
  // A title right before the run, in lower case ("leader Kim Jong-un", "striker Harry Kane").
  if (!titled && a === a0 && a > 0) titled = titledFromBefore(st, a, b);
  a += gluedWordBefore(st, a, a0, b);
  const nameTokens = b + 1 - a;
  const name = text.slice(tokens[a]!.start, tokens[b]!.end);
  const kind: CandidateKind = isDemonymPhrase(name) && !lookupPlace(name) ? 'demonym' : 'name';
  if (kind === 'name' && nameTokens === 1 && JUNK_NAMES.has(name.toLowerCase())) return;
  st.out.push(
    makeCandidate(st, tokens[a]!.start, tokens[b]!.end, name, nameTokens, kind, a, b, {
      titled,
      nationality: lead.nationality,
      sentenceInitial: tokens[a]!.sentenceStart,
    }),
  );
}

/** The last capitalised role title inside a0..b (not its first word), where the run splits; -1 when none. */
export function roleSplitAt(st: SpotText, a0: number, b: number): number {
  for (let k = b - 1; k > a0; k--) if (ROLE_SPLIT.has(lowerAt(st.tokens, k)) && st.tokens[k]!.cap) return k;
  return -1;
}

/**
 * Strips the run's leading sentence-initial function words, articles, titles and nationality words; null when
 * nothing is left. A keyword-ended run ("The New School") keeps them: they are part of the name.
 */
export function stripLeadingWords(st: SpotText, a0: number, b: number, keywordEnded: boolean): NameStart | null {
  const { text, tokens } = st;
  let a = a0;
  let titled = false;
  let nationality = false;
  for (;;) {
    if (a > b) return null;
    const w = tokens[a]!.text;
    const wl = w.toLowerCase();
    if (ACRONYMS[w] && a === b) break;
    // "The Hague", "The Gambia": the article is part of the place's name.
    if (wl === 'the' && a < b && lookupPlace(text.slice(tokens[a]!.start, tokens[b]!.end))) break;
    if (tokens[a]!.sentenceStart && SENTENCE_STARTERS.has(wl)) {
      a++;
      continue;
    }
    if (wl === 'the' || wl === 'a' || wl === 'an') {
      // A capital "The" inside a sentence belongs to the name ("The New School", "The Hague").
      if (tokens[a]!.sentenceStart || !keywordEnded) {
        a++;
        continue;
      }
      break;
    }
    if (TITLE_WORDS.has(wl) && a < b && !keywordEnded) {
      titled = true;
      a++;
      continue;
    }
    if (a < b && !keywordEnded) {
      const two = a + 1 <= b ? `${w} ${tokens[a + 1]!.text}` : '';
      if (two && a + 1 < b && isDemonymPhrase(two) && !lookupPlace(two)) {
        nationality = true;
        a += 2;
        continue;
      }
      if (isDemonymPhrase(w) && !lookupPlace(w) && !lookupPlace(`${w} ${tokens[a + 1]!.text}`)) {
        nationality = true;
        a++;
        continue;
      }
    }
    break;
  }
  return { a, titled, nationality };
}

/**
 * Whether the word before the name a..b titles it: a lower-case role ("leader Kim Jong-un"), a country's possessive
 * before a full name ("Hungary’s Viktor Orbán") or an apposition ("another son, Jeb Bush").
 */
export function titledFromBefore(st: SpotText, a: number, b: number): boolean {
  const { text, tokens } = st;
  const before = tokens[a - 1]!;
  const bl = before.text.toLowerCase();
  const gap = text.slice(before.fullEnd, tokens[a]!.start);
  if (tokens[a]!.joined && !before.cap && (ROLE_CUES.has(bl) || PERSON_NOUNS.has(bl) || bl.endsWith('-old'))) return true;
  if (before.possessive && a < b && /^\s+$/.test(gap) && lookupPlace(before.text)) return true;
  return /^\s*,\s*$/.test(gap) && a < b && (PERSON_NOUNS.has(bl) || (ROLE_CUES.has(bl) && !before.cap));
}

/**
 * 1 when the name's first word is a sentence-initial verb or adverb glued to a known name ("Imported North Korean
 * labour"), else 0.
 */
export function gluedWordBefore(st: SpotText, a: number, a0: number, b: number): number {
  const { text, tokens } = st;
  const first = tokens[a]!;
  if (a < b && (first.sentenceStart || a > a0) && !isFirstName(first.text) && !lookupPlace(first.text) && !lookupPlace(text.slice(first.start, tokens[b]!.end))) {
    const rest = tokens.slice(a + 1, b + 1).map((t) => t.text).join(' ');
    const plainWord = st.lowerWords.has(first.text.toLowerCase());
    if ((/(?:ly|ed|ing)$/.test(first.text) && plainWord) || isDemonymPhrase(rest) || (first.sentenceStart && plainWord && lookupPlace(rest))) return 1;
  }
  return 0;
}
