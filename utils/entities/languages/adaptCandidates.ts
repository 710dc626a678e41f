/**
 * Adds the language's own clues to spotted candidates before they are typed: titles and verbs of saying around a
 * name ("Oberbürgermeister Martin Horn", "falou Tite"), place prepositions ("em Brasil"), Romance head nouns
 * ("Universidad de Lisboa" is an organisation, "República de Turquía" a place), Cyrillic first names and places,
 * and for Russian a stem key, so "Путина" and "Путину" are the same person as "Владимир Путин".
 */
import { isFirstName } from '../gazetteer';
import type { Candidate } from '../spot';
import type { Token } from '../tokenize';
import { bareWord } from './adaptTokens';
import { CUES } from './cues';
import type { FullLanguage } from './languageSupport';
import { isRussianFirstName, russianKey, russianPlace } from './russian';

/** Returns the candidates with the language's clues added (no-op for English and unsupported languages). */
export function adaptCandidates(lang: string, text: string, tokens: readonly Token[], cands: Candidate[]): Candidate[] {
  if (!(lang in CUES)) return cands;
  const cues = CUES[lang as Exclude<FullLanguage, 'en'>];
  const romance = lang === 'fr' || lang === 'it' || lang === 'es' || lang === 'pt';
  const byStart = new Map<number, number>();
  tokens.forEach((t, i) => byStart.set(t.start, i));
  const isTitle = (t: Token | undefined): boolean => {
    if (!t) return false;
    const w = bareWord(t.text);
    return cues.titles.has(w) || cues.titleEndings.some((e) => w.length > e.length + 2 && w.endsWith(e));
  };
  return cands.map((c) => {
    const a = byStart.get(c.start);
    if (a === undefined || c.start < 0) return c;
    let b = a;
    while (b + 1 < tokens.length && tokens[b + 1]!.start < c.end) b++;
    const prev = tokens[a - 1];
    const prev2 = tokens[a - 2];
    const next = tokens[b + 1];
    const gapBefore = prev ? text.slice(prev.fullEnd, tokens[a]!.start) : '';
    const out: Candidate = { ...c };
    const first = tokens[a]!.text;
    const firstLower = bareWord(first);
    // A title right before, or before one adjective ("presidente eleito Jair Bolsonaro", "le premier ministre").
    if (prev && !prev.cap && /^\s+$/.test(gapBefore) && (isTitle(prev) || (prev2 && !prev2.cap && isTitle(prev2)))) out.titled = true;
    if ((next && !next.cap && cues.saidVerbs.has(next.text.toLowerCase())) || (prev && !prev.cap && cues.saidVerbs.has(prev.text.toLowerCase()))) out.saidContext = true;
    if (prev && !prev.cap && /^\s+$/.test(gapBefore) && cues.placePrepositions.has(bareWord(prev.text))) out.placeContext = true;
    if (romance && c.words > 1) {
      if (cues.orgHeads.has(firstLower)) out.orgKeyword = true;
      else if (cues.placeHeads.has(firstLower)) out.placeKeyword = true;
      // "Trabajadores del Kurdistán": in Romance languages particles join place and organisation names as often as
      // people's, so a particle makes a person only after a first name.
      if (out.hasParticle && !isFirstName(first)) out.hasParticle = false;
    }
    if (lang === 'ru') {
      out.key = russianKey(c.name);
      if (isRussianFirstName(first)) out.firstNameFirst = true;
      const place = russianPlace(c.name);
      if (place && !out.firstNameFirst) {
        out.name = place;
        out.placeKeyword = true;
        out.kind = 'name';
      }
    }
    return out;
  });
}
