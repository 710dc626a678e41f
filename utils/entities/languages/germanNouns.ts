/**
 * German capitalises every noun, so a capital letter does not mark a name there: "Zahl der Zusatzfelder" and
 * "Erstellen von Einmal-Passwörtern" (heise, issue 12) are common nouns. This tells them from names with a word list
 * derived from OpenThesaurus (LGPL-2.1+, see NOTICE and data/build-de-nouns.ts), plus German's regular plural and
 * case endings and its compounds ("Zusatz|felder"), so the shipped list holds base forms of simple words only.
 */
import data from './data/de-nouns.json';

/** Decodes the front-coded list: each line is "<shared prefix length as one char from '0'><rest>". */
export function decodeFrontCoded(encoded: string): string[] {
  const out: string[] = [];
  let prev = '';
  for (const line of encoded.split('\n')) {
    if (!line) continue;
    const shared = line.charCodeAt(0) - 48;
    prev = prev.slice(0, shared) + line.slice(1);
    out.push(prev);
  }
  return out;
}

/** Encodes a sorted list the way decodeFrontCoded reads it (prefixes capped at 40 characters). */
export function encodeFrontCoded(sorted: readonly string[]): string {
  let prev = '';
  const lines: string[] = [];
  for (const w of sorted) {
    let shared = 0;
    while (shared < 40 && shared < prev.length && shared < w.length && prev[shared] === w[shared]) shared++;
    lines.push(String.fromCharCode(48 + shared) + w.slice(shared));
    prev = w;
  }
  return lines.join('\n');
}

// Last parts that end place and family names more often than they end common compounds: "Frei|burg", "Düssel|dorf",
// "Linde|mann", "Heidel|berg". A word ending in one is never called a common noun for its tail alone.
const NAME_TAILS = new Set(
  'land burg berg berge heim dorf furt hausen haus stadt bach tal thal see hof hofen kirchen kirch brunn brunnen born mann stein wald hagen hain au aue ingen ungen ow itz witz rode roda leben stedt städt dorf münster brück brücke bruck ufer wiese eck horn hütte lohe'.split(
    ' ',
  ),
);

// Plural and case endings of German nouns, longest first ("Passwörtern" → "Passwört" → umlaut → "Passwort").
// "-in"/"-innen" make the feminine of a role noun ("Oberbürgermeisterin", "Bürgerinnen").
const ENDINGS = ['innen', 'ern', 'nen', 'in', 'en', 'er', 'es', 'n', 'e', 's'];
const UNUMLAUT: Readonly<Record<string, string>> = { ä: 'a', ö: 'o', ü: 'u', äu: 'au' };

let nouns: Set<string> | undefined;
const loadNouns = (): Set<string> => (nouns ??= new Set(decodeFrontCoded((data as { words: string }).words)));

/** The forms a noun might be listed under: itself, without an ending, and with the umlaut of a plural undone. */
export function baseForms(word: string): string[] {
  const forms = [word];
  // "Gärten" → "Garten": a plural made by the umlaut alone.
  const u = /(äu|[äöü])([^aeiouäöü]*\p{Ll}*)$/u.exec(word);
  if (u) forms.push(word.slice(0, u.index) + UNUMLAUT[u[1]!]! + u[2]);
  for (const e of ENDINGS) {
    if (word.length - e.length < 3 || !word.endsWith(e)) continue;
    const stem = word.slice(0, -e.length);
    forms.push(stem);
    const m = /(äu|[äöü])([^aeiouäöü]*)$/u.exec(stem);
    if (m && (e === 'er' || e === 'ern' || e === 'e' || e === 'en')) forms.push(stem.slice(0, m.index) + UNUMLAUT[m[1]!]! + m[2]);
  }
  return forms;
}

const listed = (set: ReadonlySet<string>, word: string): boolean => baseForms(word).some((f) => set.has(f));

/** True when `word` is head + a listed noun of at least four letters, and the tail is not a typical name ending. */
export function isCompoundOf(word: string, has: (noun: string) => boolean): boolean {
  for (let i = 3; i <= word.length - 4; i++) {
    const tail = word.slice(i);
    if (NAME_TAILS.has(tail) || NAME_TAILS.has(baseForms(tail).at(-1)!)) continue;
    const cap = tail[0]!.toUpperCase() + tail.slice(1);
    if (has(cap)) return true;
  }
  return false;
}

/**
 * True when a capitalised word is a German common noun (or a nominalised verb: "das Erstellen"), in any
 * inflected form; hyphenated compounds are judged by their last part ("Einmal-Passwörtern").
 */
export function isGermanCommonNoun(word: string): boolean {
  const set = loadNouns();
  const last = word.includes('-') ? word.slice(word.lastIndexOf('-') + 1) : word;
  if (last.length < 3 || !/^\p{Lu}\p{Ll}/u.test(last)) return false;
  if (listed(set, last)) return true;
  return isCompoundOf(last, (w) => listed(set, w));
}
