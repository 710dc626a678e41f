/**
 * Adds the language's own clues to spotted candidates before they are typed: titles and verbs of saying around a
 * name ("Oberbürgermeister Martin Horn", "falou Tite"), place prepositions ("em Brasil"), Romance head nouns
 * ("Universidad de Lisboa" is an organisation, "República de Turquía" a place), Cyrillic first names and places,
 * and for Russian a stem key, so "Путина" and "Путину" are the same person as "Владимир Путин".
 */
import nativePlaces from './data/native-places.json';
import { isFirstName, isLastName, lookupPlace, nameKey } from '../gazetteer';
import type { Candidate } from '../spot';
import type { Token } from '../tokenize';
import { bareWord, isInflectedFirstName } from './adaptTokens';
import { CUES } from './cues';
import { localPlace } from './localPlaces';
import type { FullLanguage } from './languageSupport';
import { isRussianFirstName, russianKey, russianPlace } from './russian';

// Adjective endings of French, Spanish, Portuguese and Italian ("constitutionnel", "nationale", "europeo").
const ROMANCE_ADJECTIVE = /\p{Ll}{3,}(?:el|elle|al|ale|aux|ien|ienne|ique|aire|if|ive|ais|aise|ano|ana|ico|ica|ista|eo|ea|ais)$/u;

/** Returns the candidates with the language's clues added (no-op for English and unsupported languages). */
export function adaptCandidates(lang: string, text: string, tokens: readonly Token[], cands: Candidate[]): Candidate[] {
  if (lang === 'en' || lang === '') return cands;
  if (!(lang in CUES)) {
    // Another cased language: a first name in a case form still opens a full name ("Declana Rice").
    return cands.map((c) => (c.words > 1 && !c.firstNameFirst && isInflectedFirstName(c.name.split(/\s+/)[0]!) ? { ...c, firstNameFirst: true } : c));
  }
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
    let a = byStart.get(c.start);
    if (a === undefined || c.start < 0) return c;
    let b = a;
    while (b + 1 < tokens.length && tokens[b + 1]!.start < c.end) b++;
    const prev = tokens[a - 1];
    const next = tokens[b + 1];
    const gapBefore = prev ? text.slice(prev.fullEnd, tokens[a]!.start) : '';
    let out: Candidate = { ...c };
    // An English demonym stripped off the front is, in another language, a first name ("Christian Paul", "Jordan").
    if (c.nationality && prev?.cap && /^\s+$/.test(gapBefore) && !c.titled) {
      out = { ...out, start: prev.start, name: text.slice(prev.start, c.end), words: c.words + 1, nationality: false, firstNameFirst: isFirstName(prev.text) };
      out.key = nameKey(out.name);
      a -= 1;
    }
    const before = tokens[a - 1];
    const before2 = tokens[a - 2];
    const gap = before ? text.slice(before.fullEnd, tokens[a]!.start) : '';
    const nextGap = next ? text.slice(tokens[b]!.fullEnd, next.start) : '';
    const first = tokens[a]!.text;
    const firstLower = bareWord(first);
    const plain = (t: Token | undefined): boolean => !!t && !t.cap;
    // A title right before, or before one adjective ("presidente eleito Jair Bolsonaro", "le premier ministre").
    if (plain(before) && /^\s+$/.test(gap) && (isTitle(before) || (plain(before2) && isTitle(before2) && !cues.functionWords.has(before!.text.toLowerCase())))) out.titled = true;
    const spacedNext = /^\s+$/.test(nextGap);
    const saidBefore = plain(before) && /^\s+$/.test(gap) && cues.saidVerbs.has(before!.text.toLowerCase());
    if (saidBefore || (plain(next) && spacedNext && cues.saidVerbs.has(next!.text.toLowerCase()))) out.saidContext = true;
    // "…, falou Tite", "…, sagte Scholz": the inverted verb of saying only ever names a speaker ("München warnte"
    // may be the end of an organisation's name, so the verb after a single word proves less).
    if (saidBefore && c.words === 1 && !lookupPlace(out.name)) out.personContext = true;
    // "Christian Paul, qui …", "Pouria Amirshahi, député socialiste": only people.
    if (next && /^\s*,\s*$/.test(nextGap) && plain(next) && (cues.relatives.has(next.text.toLowerCase()) || isTitle(next))) out.personContext = true;
    if (plain(before) && /^\s+$/.test(gap) && cues.placePrepositions.has(bareWord(before!.text))) out.placeContext = true;
    const native = (nativePlaces.places as Record<string, string>)[out.name] ?? localPlace(lang, out.name);
    if (native && !out.firstNameFirst) out.placeKeyword = true;
    if (romance && c.words > 1) {
      if (cues.orgHeads.has(firstLower)) out.orgKeyword = true;
      else if (cues.placeHeads.has(firstLower)) out.placeKeyword = true;
      // "Trabajadores del Kurdistán": in Romance languages particles join place and organisation names as often as
      // people's, so a particle makes a person only after a first name.
      // "Laure de la Raudière" still is one: a singular word the text never writes in lower case, inside a sentence.
      if (out.hasParticle && !isFirstName(first) && (/s$/u.test(first) || out.sentenceInitial || out.commonWord)) out.hasParticle = false;
      // Romance prose capitalises little: two capitalised words inside a sentence, neither used in lower case, not a
      // known place and with no organisation or place head, are a name ("au texte Aurélie Filipetti").
      if ((lang === 'fr' || lang === 'it') && c.words === 2 && !cues.functionWords.has(firstLower) && !out.sentenceInitial && !out.commonWord && !out.furniture && !tokens[a]!.allCaps && !tokens[b]!.allCaps && !out.orgKeyword && !out.placeKeyword && !lookupPlace(out.name)) out.firstNameFirst = true;
      // Spanish and Portuguese names carry two surnames: a known one anywhere makes a person ("Jones Huala").
      if (!out.orgKeyword && !out.placeKeyword && !lookupPlace(out.name) && tokens.slice(a, b + 1).some((t) => t.cap && isLastName(t.text))) out.firstNameFirst = true;
    }
    // "l’UMP", "l’Arcep", "dell’Unione": a name with an elided article is an institution or a place, never a person.
    if ((lang === 'fr' || lang === 'it') && /[lL]['’]$/u.test(text.slice(Math.max(0, out.start - 2), out.start)) && !native && !lookupPlace(out.name)) out.orgKeyword = true;
    // "le Conseil constitutionnel", "l’Assemblée nationale": an institution's head noun and its adjective.
    if (romance && c.words === 1 && cues.orgHeads.has(firstLower) && next && spacedNext && plain(next) && ROMANCE_ADJECTIVE.test(next.text)) {
      out = { ...out, end: next.end, name: text.slice(out.start, next.end), words: 2, orgKeyword: true };
      out.key = nameKey(out.name);
    }
    if (lang === 'ru') {
      // "в Хабаровском крае": a region's adjective and its kind are one name.
      if (next && spacedNext && plain(next) && /^(?:кра[йеяю]|област[ьи]|округ[ае]?|район[ае]?)$/u.test(next.text)) {
        out = { ...out, end: next.end, name: text.slice(out.start, next.end), words: out.words + 1, placeKeyword: true };
      }
      out.key = russianKey(out.name);
      if (isRussianFirstName(first)) out.firstNameFirst = true;
      const place = russianPlace(out.name);
      if (place && !out.firstNameFirst) {
        out.name = place;
        out.placeKeyword = true;
        out.kind = 'name';
      }
    }
    return out;
  });
}
