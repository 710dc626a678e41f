import { isFirstName, nameKey } from './gazetteer';
import { NAME_PARTICLES, ORG_KEYWORDS, PERSON_VERBS, PLACE_NOUNS, PLACE_PREFIXES, PLACE_KEYWORDS, PLACE_PREPOSITIONS } from './lexicon';
import { lowerAt, type SpotText } from './spotText';

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

/** The clues a spotting step already knows when it makes a candidate. */
export interface SpotSignals {
  titled: boolean;
  nationality: boolean;
  sentenceInitial: boolean;
}

/** No title and no nationality word before the name. */
export const noSignals = (sentenceInitial: boolean): SpotSignals => ({ titled: false, nationality: false, sentenceInitial });

/**
 * The candidate for tokens a..b (span start..end, written `name`), with the clues read from the words around it:
 * place prepositions before, "who"/"said" after, "Name of" before, and what its own words are.
 */
export function makeCandidate(
  st: SpotText,
  start: number,
  end: number,
  name: string,
  words: number,
  kind: CandidateKind,
  a: number,
  b: number,
  sig: SpotSignals,
): Candidate {
  const { text, tokens } = st;
  const prev = lowerAt(tokens, a - 1);
  const prevGap = a > 0 ? text.slice(tokens[a - 1]!.fullEnd, tokens[a]!.start) : '';
  const nextGap = b + 1 < tokens.length ? text.slice(tokens[b]!.fullEnd, tokens[b + 1]!.start) : '';
  const next = lowerAt(tokens, b + 1);
  const spaced = /^\s+$/.test(prevGap);
  const placeContext =
    (spaced && PLACE_PREPOSITIONS.has(prev) && !tokens[a - 1]!.cap) ||
    (spaced && prev === 'of' && PLACE_NOUNS.has(lowerAt(tokens, a - 2))) ||
    (spaced && PLACE_NOUNS.has(prev) && /^(?:the|a|its|their)$/.test(lowerAt(tokens, a - 2)));
  // "Senator Patty Murray of Washington", "King Abdullah II of Jordan": resolve checks the name before is a person.
  const ofAfterName = spaced && prev === 'of' && a >= 2 && tokens[a - 2]!.cap && !tokens[a - 2]!.possessive;
  const personContext = /^\s*,\s*$/.test(nextGap) && (next === 'who' || next === 'whose' || /^\d{2}$/.test(next));
  const saidContext =
    (/^\s+$/.test(nextGap) && PERSON_VERBS.has(next) && !tokens[b]!.possessive) ||
    (spaced && PERSON_VERBS.has(prev) && !tokens[a - 1]!.cap && /^\s*,\s*$/.test(nextGap)); // ", said Tu Le, founder
  const line = st.lineOf.get(tokens[a]!.line);
  const lastWord = lowerAt(tokens, b);
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
    commonWord: tokens.slice(a, b + 1).some((t) => t.text.length > 2 && st.lowerWords.has(t.text.toLowerCase())),
    furniture: !!line && (line.titleCase || line.allCaps) && kind === 'name',
    firstNameFirst: isFirstName(tokens[a]!.text),
    hasParticle: tokens.slice(a + 1, b).some((t) => NAME_PARTICLES.has(t.text)) || tokens.slice(a, b + 1).some((t) => /^(?:al|el|bin|ibn)[-‐]/u.test(t.text)),
    orgKeyword: words > 1 && (ORG_KEYWORDS.has(lastWord) || tokens.slice(a, b).some((t, q) => ORG_KEYWORDS.has(t.text.toLowerCase()) && tokens[a + q + 1]?.text === 'of')),
    placeKeyword: words > 1 && (PLACE_KEYWORDS.has(lastWord) || PLACE_PREFIXES.has(lowerAt(tokens, a))),
  };
}
