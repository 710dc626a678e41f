import { isFirstName, lookupDemonym, lookupPlace, nameKey } from './gazetteer';
import {
  ACRONYMS,
  ADJECTIVE_SUFFIXES,
  JUNK_NAMES,
  NAME_PARTICLES,
  ORG_KEYWORDS,
  PERSON_NOUNS,
  ROLE_CUES,
  PERSON_VERBS,
  PLACE_PREFIXES,
  PLACE_KEYWORDS,
  PLACE_NOUNS,
  PLACE_PREPOSITIONS,
  SENTENCE_STARTERS,
  TITLE_WORDS,
} from './lexicon';
import type { Line, Token } from './tokenize';

/** How a candidate was found: ordinary capitals, an all-caps byline or dateline, or a nationality word. */
export type CandidateKind = 'name' | 'byline' | 'dateline' | 'demonym';

/** A span of the text that may name something, with the clues around it. */
export interface Candidate {
  start: number;
  end: number;
  /** The name as a reader would write it (all-caps bylines title-cased). */
  name: string;
  key: string;
  /** Number of words in the name (hyphenated parts count once). */
  words: number;
  kind: CandidateKind;
  /** A title or role stood before it ("President", "leader", "Mr"). */
  titled: boolean;
  /** A nationality word stood before it ("Chinese President Xi"). */
  nationality: boolean;
  /** "in …", "near …", "the town of …". */
  placeContext: boolean;
  /** "…, who", "…, whose", "…, 45,": only people. */
  personContext: boolean;
  /** "… said", "… told": people, but organisations speak too. */
  saidContext: boolean;
  /** Right after "Name of": a place if that name is a person's ("Patty Murray of Washington"). */
  ofAfterName: boolean;
  /** First word of a sentence: its capital proves nothing. */
  sentenceInitial: boolean;
  /** One of its words is also used in lower case in the text ("Whole Foods" … "whole paycheck"): less name-like. */
  commonWord: boolean;
  /** On a headline/caption/furniture line: trust only names confirmed elsewhere. */
  furniture: boolean;
  /** Words of the name are first names / particles / org or place keywords. */
  firstNameFirst: boolean;
  hasParticle: boolean;
  orgKeyword: boolean;
  placeKeyword: boolean;
}

const titleCaseWord = (w: string): string =>
  w.toLowerCase().replace(/(^|[-‐'’.\s])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());

const INITIAL = /^\p{Lu}\.?$/u;
// "Juan Ramón de la Fuente y Ramírez" is about as long as a name gets.
const MAX_NAME_WORDS = 8;
// Generational suffixes and regnal numbers inside a name: "Abdullah II", "Joe Kennedy III".
const SUFFIX = /^(?:I{1,3}|IV|VI{0,3}|IX|X|XI{1,3}|Jr\.?|Sr\.?)$/;
// Role titles that split a run: "Zimbabwe President Robert Mugabe" is a place, then a person.
const ROLE_SPLIT = new Set(['president', 'minister', 'chancellor', 'secretary', 'senator', 'governor', 'mayor', 'king', 'queen', 'prince', 'princess', 'pope', 'commissioner', 'ambassador', 'chairman', 'chairwoman', 'chief', 'leader', 'premier', 'attorney-general', 'spokesman', 'spokeswoman', 'coach', 'manager', 'director', 'judge', 'sheikh', 'emir', 'ayatollah', 'envoy', 'superintendent', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.']);

const isDemonymPhrase = (name: string): boolean => lookupDemonym(name) !== undefined;

/**
 * Spots candidate names: runs of capitalised words (with particles and "of" inside organisation names),
 * stripped of titles, nationality words and sentence-initial function words; all-caps bylines and datelines.
 */
export function spotCandidates(
  text: string,
  tokens: readonly Token[],
  lines: readonly Line[],
  excluded: (tokenIndex: number) => boolean,
  bylineKey: string | null,
): Candidate[] {
  const out: Candidate[] = [];
  const lower = (i: number): string => tokens[i]?.text.toLowerCase() ?? '';
  // In shouted text (most lines in capitals) an all-caps line is not a byline.
  const shouting = lines.filter((l) => l.allCaps).length > lines.length / 2;
  // Words the text also uses in lower case: a capitalised one at a sentence start is then just that word.
  const lowerWords = new Set<string>();
  for (const t of tokens) if (!t.cap) lowerWords.add(t.text);
  const lineOf = new Map<number, Line>();
  for (const l of lines) lineOf.set(tokens[l.firstToken]!.line, l);

  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (excluded(i)) {
      i++;
      continue;
    }
    if (!t.cap) {
      // "post-Soviet", "anti-Putin": the capitalised part after a lower-case prefix.
      const m = t.text.length > 4 && (t.text.includes('-') || t.text.includes('‐')) ? /^\p{Ll}+[-‐](\p{Lu}[\p{L}\p{M}]+)$/u.exec(t.text) : null;
      if (m) pushSingle(t.start + t.text.length - m[1]!.length, t.end, m[1]!, i, false);
      i++;
      continue;
    }
    // "Seattle-based", "Kremlin-backed": the capitalised part alone, ending any run.
    const adj = t.text.includes('-') ? /^(\p{Lu}[\p{L}\p{M}]*)-(\p{Ll}+)$/u.exec(t.text) : null;
    if (adj && ADJECTIVE_SUFFIXES.has(adj[2]!)) {
      pushSingle(t.start, t.start + adj[1]!.length, adj[1]!, i, t.sentenceStart);
      i++;
      continue;
    }
    // Collect a run of capitalised words joined by spaces, particles, or "of" after an org/place keyword.
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
        if (nl === 'of' && (ORG_KEYWORDS.has(lower(j)) || PLACE_NOUNS.has(lower(j)) || PLACE_KEYWORDS.has(lower(j)) || lower(j) === 'bank')) {
          j += 2;
          continue;
        }
      }
      break;
    }
    handleRun(i, j);
    i = j + 1;
  }
  return out;

  function pushSingle(start: number, end: number, word: string, index: number, initial: boolean): void {
    const demonym = isDemonymPhrase(word);
    out.push(
      makeCandidate(start, end, word, 1, demonym ? 'demonym' : 'name', index, index, {
        titled: false,
        nationality: false,
        sentenceInitial: initial,
      }),
    );
  }

  function handleRun(from: number, b: number): void {
    let a0 = from;
    const line = lineOf.get(tokens[a0]!.line);
    // Names run to a few words; a longer capitalised run is a Title Case headline or shouting: only places in it count.
    if (b - a0 >= MAX_NAME_WORDS) {
      gazetteerScan(a0, b);
      return;
    }
    const allCapsRun = tokens.slice(a0, b + 1).every((t) => t.allCaps || t.text.length === 1 || /^\p{Lu}\.$/u.test(t.text));
    if (allCapsRun && handleAllCaps(a0, b, line)) return;

    const lastLower = lower(b);
    const keywordEnded = ORG_KEYWORDS.has(lastLower) || PLACE_KEYWORDS.has(lastLower);
    if (!keywordEnded) {
      for (let k = b - 1; k > a0; k--) {
        if (ROLE_SPLIT.has(lower(k)) && tokens[k]!.cap) {
          let onlyTitles = true;
          for (let q = a0; q < k; q++) if (!TITLE_WORDS.has(lower(q))) onlyTitles = false;
          if (!onlyTitles) handleRun(a0, k - 1);
          a0 = k;
          break;
        }
      }
    }
    let a = a0;
    let titled = false;
    let nationality = false;
    // Strip leading function words, titles and nationality words.
    for (;;) {
      if (a > b) return;
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
    if (a > b) return;
    // A title right before the run, in lower case ("leader Kim Jong-un", "striker Harry Kane").
    if (!titled && a === a0 && a > 0) {
      const before = tokens[a - 1]!;
      const bl = before.text.toLowerCase();
      const gap = text.slice(before.fullEnd, tokens[a]!.start);
      if (tokens[a]!.joined && !before.cap && (ROLE_CUES.has(bl) || PERSON_NOUNS.has(bl) || bl.endsWith('-old'))) titled = true;
      // "Hungary’s Viktor Orbán": a country's possessive before a full name.
      else if (before.possessive && a < b && /^\s+$/.test(gap) && lookupPlace(before.text)) titled = true;
      // Apposition: "another son, Jeb Bush", "The priest, Fidelis Mukonori".
      else if (/^\s*,\s*$/.test(gap) && a < b && (PERSON_NOUNS.has(bl) || (ROLE_CUES.has(bl) && !before.cap))) titled = true;
    }
    // Sentence-initial verbs and adverbs glued to a known name ("Imported North Korean labour").
    const first = tokens[a]!;
    if (a < b && (first.sentenceStart || a > a0) && !isFirstName(first.text) && !lookupPlace(first.text) && !lookupPlace(text.slice(first.start, tokens[b]!.end))) {
      const rest = tokens.slice(a + 1, b + 1).map((t) => t.text).join(' ');
      const plainWord = lowerWords.has(first.text.toLowerCase());
      if ((/(?:ly|ed|ing)$/.test(first.text) && plainWord) || isDemonymPhrase(rest) || (first.sentenceStart && plainWord && lookupPlace(rest))) a++;
    }
    const nameTokens = tokens.slice(a, b + 1);
    const name = text.slice(tokens[a]!.start, tokens[b]!.end);
    const kind: CandidateKind = isDemonymPhrase(name) && !lookupPlace(name) ? 'demonym' : 'name';
    if (kind === 'name' && nameTokens.length === 1 && JUNK_NAMES.has(name.toLowerCase())) return;
    out.push(
      makeCandidate(tokens[a]!.start, tokens[b]!.end, name, nameTokens.length, kind, a, b, {
        titled,
        nationality,
        sentenceInitial: tokens[a]!.sentenceStart,
      }),
    );
  }

  function handleAllCaps(a: number, b: number, line: Line | undefined): boolean {
    if (!line) return false;
    let s = a;
    if (lower(s) === 'by' && s < b) s++;
    const name = titleCaseWord(text.slice(tokens[s]!.start, tokens[b]!.end));
    const words = b - s + 1;
    const atLineStart = s <= line.firstToken + 1;
    const after = text.slice(tokens[b]!.fullEnd, tokens[b]!.fullEnd + 3);
    // Dateline: "MOSCOW: When…", "WASHINGTON, Oct 2 (Reuters) —", "KYIV (AP) —".
    if (atLineStart && words <= 3 && /^(?:\s*[:,(]|\s+[-–—])/.test(after) && !line.allCaps) {
      out.push(makeCandidate(tokens[s]!.start, tokens[b]!.end, name, words, 'dateline', s, b, noSignals(false)));
      return true;
    }
    const key = nameKey(name);
    const isByline =
      (bylineKey !== null && bylineKey.length > 0 && (key === bylineKey || bylineKey.includes(key)) && words >= 2) ||
      (!shouting &&
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
      out.push(makeCandidate(tokens[s]!.start, tokens[b]!.end, name, words, 'byline', s, b, noSignals(false)));
      return true;
    }
    if (ACRONYMS[text.slice(tokens[a]!.start, tokens[b]!.end)]) return false;
    if (words === 1 && tokens[a]!.text.length <= 4 && !line.allCaps) return true; // unknown acronym ("GMT")
    // Shouted text (an all-caps headline or page): only gazetteer places can be trusted.
    gazetteerScan(s, b);
    return true;
  }

  /** Longest gazetteer places (up to four words) inside tokens a..b, left to right. */
  function gazetteerScan(a: number, b: number): void {
    for (let x = a; x <= b; ) {
      let matched = 0;
      for (let y = Math.min(b, x + 3); y >= x; y--) {
        const raw = text.slice(tokens[x]!.start, tokens[y]!.end);
        const sub = tokens[x]!.allCaps ? titleCaseWord(raw) : raw;
        if (lookupPlace(sub)) {
          out.push(makeCandidate(tokens[x]!.start, tokens[y]!.end, sub, y - x + 1, 'name', x, y, noSignals(true)));
          matched = y - x + 1;
          break;
        }
      }
      x += matched || 1;
    }
  }

  function noSignals(sentenceInitial: boolean): { titled: boolean; nationality: boolean; sentenceInitial: boolean } {
    return { titled: false, nationality: false, sentenceInitial };
  }

  function makeCandidate(
    start: number,
    end: number,
    name: string,
    words: number,
    kind: CandidateKind,
    a: number,
    b: number,
    sig: { titled: boolean; nationality: boolean; sentenceInitial: boolean },
  ): Candidate {
    const prev = lower(a - 1);
    const prevGap = a > 0 ? text.slice(tokens[a - 1]!.fullEnd, tokens[a]!.start) : '';
    const nextGap = b + 1 < tokens.length ? text.slice(tokens[b]!.fullEnd, tokens[b + 1]!.start) : '';
    const next = lower(b + 1);
    const spaced = /^\s+$/.test(prevGap);
    const placeContext =
      (spaced && PLACE_PREPOSITIONS.has(prev) && !tokens[a - 1]!.cap) ||
      (spaced && prev === 'of' && PLACE_NOUNS.has(lower(a - 2))) ||
      (spaced && PLACE_NOUNS.has(prev) && /^(?:the|a|its|their)$/.test(lower(a - 2)));
    // "Senator Patty Murray of Washington", "King Abdullah II of Jordan": resolve checks the name before is a person.
    const ofAfterName = spaced && prev === 'of' && a >= 2 && tokens[a - 2]!.cap && !tokens[a - 2]!.possessive;
    const personContext = /^\s*,\s*$/.test(nextGap) && (next === 'who' || next === 'whose' || /^\d{2}$/.test(next));
    const saidContext =
      (/^\s+$/.test(nextGap) && PERSON_VERBS.has(next) && !tokens[b]!.possessive) ||
      (spaced && PERSON_VERBS.has(prev) && !tokens[a - 1]!.cap && /^\s*,\s*$/.test(nextGap)); // ", said Tu Le, founder
    const line = lineOf.get(tokens[a]!.line);
    const lastWord = lower(b);
    return {
      start,
      end,
      name,
      key: nameKey(name),
      words,
      kind,
      titled: sig.titled,
      nationality: sig.nationality,
      placeContext,
      personContext,
      saidContext,
      ofAfterName,
      sentenceInitial: sig.sentenceInitial,
      commonWord: tokens.slice(a, b + 1).some((t) => t.text.length > 2 && lowerWords.has(t.text.toLowerCase())),
      furniture: !!line && (line.titleCase || line.allCaps) && kind === 'name',
      firstNameFirst: isFirstName(tokens[a]!.text),
      hasParticle: tokens.slice(a + 1, b).some((t) => NAME_PARTICLES.has(t.text)) || tokens.slice(a, b + 1).some((t) => /^(?:al|el|bin|ibn)[-‐]/u.test(t.text)),
      orgKeyword: words > 1 && (ORG_KEYWORDS.has(lastWord) || tokens.slice(a, b).some((t, q) => ORG_KEYWORDS.has(t.text.toLowerCase()) && tokens[a + q + 1]?.text === 'of')),
      placeKeyword: words > 1 && (PLACE_KEYWORDS.has(lastWord) || PLACE_PREFIXES.has(lower(a))),
    };
  }
}
