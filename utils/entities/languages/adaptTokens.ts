/**
 * Adjusts the tokens of a non-English text before names are spotted, so the (English-built) spotter sees capitals
 * that mean names: German common nouns and sentence-initial function words lose their capital, a French/Italian
 * elided article is cut off the name it is glued to ("l’UMP" → "UMP", "L’avis" → a common word), a coordinating
 * "y" ends a run ("Irak y Siria"), and a Russian first name after a capitalised word starts a new name
 * ("президент России Владимир Путин").
 */
import { isFirstName, isKnownOrganization, lookupPlace } from '../gazetteer';
import type { Token } from '../tokenize';
import { CUES } from './cues';
import { isGermanCommonNoun } from './germanNouns';
import type { FullLanguage } from './languageSupport';
import { isRussianFirstName, russianPlace } from './russian';

// Elided articles and prepositions: French l’ d’ qu’, Italian dell’ all’ dall’ nell’ sull’ un’.
const ELIDED = /^(?:[lLdD]|[qQ]u|[dD]ell|[aA]ll|[dD]all|[nN]ell|[sS]ull|[cC]oll|[uU]n)['’]/u;

// Particles that sit inside Romance names and place names ("Rio de Janeiro", "Laure de la Raudière").
const PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'del', 'della', 'di', 'du', 'des', 'la', 'le', 'los', 'las']);

const isUpper = (ch: string | undefined): boolean => !!ch && ch !== ch.toLowerCase();
const hasLower = (s: string): boolean => /\p{Ll}/u.test(s);

/** Lower-cased token text without an elided article ("l’écologiste" → "écologiste"). */
export function bareWord(text: string): string {
  return text.replace(ELIDED, '').toLowerCase();
}

/** Rewrites tokens in place for the language's path (no-op for English and unsupported languages). */
export function adaptTokens(lang: string, tokens: Token[]): void {
  if (lang !== 'en' && lang !== '') splitBeforeFirstNames(tokens);
  if (!(lang in CUES)) return;
  const cues = CUES[lang as Exclude<FullLanguage, 'en'>];
  const romance = lang === 'fr' || lang === 'it' || lang === 'es' || lang === 'pt';

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if ((lang === 'fr' || lang === 'it') && ELIDED.test(t.text)) {
      const prefix = ELIDED.exec(t.text)![0];
      const rest = t.text.slice(prefix.length);
      const prev = tokens[i - 1];
      // "Valéry Giscard d’Estaing", "Massimo D’Alema": inside a name the particle belongs to it.
      const insideName = !!prev && prev.cap && t.joined && isUpper(rest[0]);
      if (!insideName) {
        if (isUpper(rest[0])) {
          t.start += prefix.length;
          t.text = rest;
          t.cap = true;
          t.allCaps = rest.length > 1 && !hasLower(rest);
        } else {
          t.cap = false;
          t.allCaps = false;
        }
        continue;
      }
    }
    // Function words and titles ("Губернатор Олег Кожемяко", "Presidente …") open sentences without being names.
    if (t.cap && t.sentenceStart && (cues.functionWords.has(t.text.toLowerCase()) || cues.titles.has(t.text.toLowerCase()))) t.cap = false;
  }

  if (lang === 'de') decapGermanNouns(tokens);

  if (lang === 'ru') {
    // Russian capitalises only names, so a sentence's first word glued to a known place or first name is a common
    // word ("Жительница Уссурийска Ирина Соколова").
    for (let i = 0; i + 1 < tokens.length; i++) {
      const t = tokens[i]!;
      const next = tokens[i + 1]!;
      if (t.cap && t.sentenceStart && next.cap && next.joined && !isRussianFirstName(t.text) && !russianPlace(t.text) && (russianPlace(next.text) || isRussianFirstName(next.text))) t.cap = false;
    }
  }

  if (romance || lang === 'ru') {
    for (let i = 1; i + 1 < tokens.length; i++) {
      const t = tokens[i]!;
      const lower = t.text.toLowerCase();
      if (t.cap || !(lower === 'y' || lower === 'e' || lower === 'et' || lower === 'и')) continue;
      // Walk back to the start of the capitalised run: "José Ortega y Gasset" keeps its "y", "Río Negro y Chubut" does not.
      let a = i - 1;
      while (a > 0 && tokens[a]!.joined && (tokens[a - 1]!.cap || PARTICLES.has(tokens[a - 1]!.text))) a--;
      while (a < i && !tokens[a]!.cap) a++;
      if (a >= i || isFirstName(tokens[a]!.text)) continue;
      tokens[i + 1]!.joined = false;
    }
  }
}

// Case endings of first names in Czech, Slovak, Polish and the other Slavic languages ("Davida", "Declanem").
const SLAVIC_ENDINGS = /(?:ovi|em|om|ou|a|e|u|y|i|ů)$/u;

/** A first name, also in a Slavic case form ("Davida Moyese" names David Moyes). */
export function isInflectedFirstName(word: string): boolean {
  if (isFirstName(word) || isRussianFirstName(word)) return true;
  const m = SLAVIC_ENDINGS.exec(word);
  return !!m && word.length - m[0].length >= 3 && isFirstName(word.slice(0, -m[0].length));
}

/**
 * "píše na Twitter Gary Lineker", "президент России Владимир Путин": a first name after a capitalised word that is
 * not one starts a new name. English keeps its own rules (a capitalised run there is usually one name).
 */
function splitBeforeFirstNames(tokens: Token[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    const next = tokens[i + 1]!;
    if (!t.cap || !t.joined || !prev.cap || t.allCaps || prev.allCaps || !next.cap || !next.joined || prev.text.length < 3) continue;
    if (isInflectedFirstName(t.text) && !isInflectedFirstName(prev.text) && !/^\p{Lu}\.?$/u.test(prev.text)) t.joined = false;
  }
}

/**
 * German: a capitalised common noun is not a name, unless it follows a name word in the same run ("Katrin Weber",
 * "Martin Horn"): then it is a surname, and so is every other use of that word in the text.
 */
function decapGermanNouns(tokens: Token[]): void {
  const noun = tokens.map((t) => t.cap && !t.allCaps && !isFirstName(t.text) && !lookupPlace(t.text) && !isKnownOrganization(t.text) && isGermanCommonNoun(t.text));
  const surnames = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    if (noun[i] && tokens[i]!.joined && prev.cap && !noun[i - 1] && (isFirstName(prev.text) || !prev.sentenceStart) && !CUES.de.functionWords.has(prev.text.toLowerCase())) {
      surnames.add(tokens[i]!.text);
    }
  }
  // Between a title and a surname a noun-looking word is a first name ("Bundesverkehrsminister Volker Wissing":
  // "Volker" reads as "Völker").
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (noun[i] && t.joined && isGermanTitle(tokens[i - 1]!.text) && next.joined && next.cap && !noun[i + 1] && !next.allCaps && !isGermanTitle(t.text)) noun[i] = false;
  }
  for (let i = 0; i < tokens.length; i++) if (noun[i] && !surnames.has(tokens[i]!.text)) tokens[i]!.cap = false;
}

/** A German title or role noun ("Kanzler", "Bundesverkehrsminister", "Bahnchef"). */
function isGermanTitle(word: string): boolean {
  const w = word.toLowerCase();
  return CUES.de.titles.has(w) || CUES.de.titleEndings.some((e) => w.endsWith(e));
}
