/**
 * Which language path the entity finder takes for a page: the page's declared `lang` when its text agrees,
 * else a guess from the text's script and its commonest words. Recognition rests on capital letters, so a text
 * in a script without them (Chinese, Japanese, Arabic…) gets no entities, and the panel says so plainly.
 */

/** The languages with their own cues, word lists and name rules (issue 12). */
export const FULL_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'ru'] as const;

/** A language with its own rules. */
export type FullLanguage = (typeof FULL_LANGUAGES)[number];

/**
 * How well people and places are recognised in a text:
 * 'full' — a supported language; 'basic' — another language in a script with capitals (the capitalisation rules
 * alone, no word lists); 'none' — a script without capitals, where nothing is recognised.
 */
export type EntitySupport = 'full' | 'basic' | 'none';

/** The language path of one text. */
export interface LanguageSupport {
  /** Primary language subtag ("de", "zh"), or "und" when neither the page nor the text tells. */
  lang: string;
  /** The language's English name for the panel ("Chinese"), or a script's ("Han script") when only that is known. */
  name: string;
  entities: EntitySupport;
}

const FULL = new Set<string>(FULL_LANGUAGES);
const OTHER_LETTER = /\p{Lo}/u;
const LETTER = /\p{L}/u;

// Scripts without letter case, with the language a page in them most likely uses when it declares none.
const UNCASED_SCRIPTS: ReadonlyArray<{ re: RegExp; lang: string }> = [
  { re: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, lang: 'ja' },
  { re: /\p{Script=Hangul}/u, lang: 'ko' },
  { re: /\p{Script=Han}/u, lang: 'zh' },
  { re: /\p{Script=Arabic}/u, lang: 'ar' },
  { re: /\p{Script=Hebrew}/u, lang: 'he' },
  { re: /\p{Script=Devanagari}/u, lang: 'hi' },
  { re: /\p{Script=Bengali}/u, lang: 'bn' },
  { re: /\p{Script=Thai}/u, lang: 'th' },
  { re: /\p{Script=Tamil}/u, lang: 'ta' },
  { re: /\p{Script=Ethiopic}/u, lang: 'am' },
  { re: /\p{Script=Georgian}/u, lang: 'ka' },
];

// The commonest function words of each Latin-script language we support: enough to tell them apart when a page
// declares no language (la-nacion in shared/pages has no lang attribute). Closed-class words, so a hand list.
const STOPWORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set('the of and to in is that for it was on with as by at from his her which are this be have'.split(' ')),
  de: new Set('der die das und ist nicht mit den von zu des dem sich auf für ein eine im auch wird werden'.split(' ')),
  fr: new Set('le la les des et est une dans pour pas qui que sur au du aux par ont sont cette avec'.split(' ')),
  es: new Set('el la los las del y es una en por para con que se no lo al como más su pero fue'.split(' ')),
  pt: new Set('o a os as do da dos das e é um uma em no na para com que não se por ao mais foi'.split(' ')),
  it: new Set('il lo la gli le di del della e è un una in per con che non si al dei delle sono anche'.split(' ')),
};

// Each stopword with the languages that use it, so a text's words are looked up once each.
const STOPWORD_LANGS = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) for (const w of words) STOPWORD_LANGS.set(w, [...(STOPWORD_LANGS.get(w) ?? []), lang]);

const displayNames = ((): Intl.DisplayNames | null => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' });
  } catch {
    return null;
  }
})();

/** The English name of a language subtag ("zh" → "Chinese"), or the subtag itself when the platform lacks names. */
export function languageName(lang: string): string {
  if (lang === 'und') return 'this language';
  try {
    return displayNames?.of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** Guesses a Latin-script text's language from its commonest words; null when no supported language stands out. */
export function guessLatinLanguage(text: string): string | null {
  const counts: Record<string, number> = {};
  let words = 0;
  for (const w of text.slice(0, 2000).toLowerCase().split(/[^a-zà-öø-ÿ]+/)) {
    if (!w) continue;
    words++;
    const langs = STOPWORD_LANGS.get(w);
    if (langs) for (const lang of langs) counts[lang] = (counts[lang] ?? 0) + 1;
  }
  const ranked = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 3 || best[1] < words * 0.05) return null;
  // Spanish, Portuguese and Italian share many short words: demand a clear lead.
  if (second && best[1] < second[1] * 1.2) return null;
  return best[0];
}

/** The language path for a text whose page declares `declared` (BCP 47, may be missing or wrong). */
export function languageSupport(declared: string | null | undefined, text: string): LanguageSupport {
  const primary = typeof declared === 'string' ? declared.trim().toLowerCase().split(/[-_]/)[0]! : '';
  const sample = text.slice(0, 2000);
  // One pass over char codes, regexes only for characters outside Latin, Greek and Cyrillic: this runs on every
  // page. Scripts without letter case are exactly the "other letter" category (Han, kana, Arabic, Hebrew, Thai…).
  let letters = 0;
  let cased = 0;
  let cyrillic = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) (letters++, cased++);
    } else if (c < 0x250) {
      if (c >= 0xc0 && c !== 0xd7 && c !== 0xf7) (letters++, cased++);
    } else if (c >= 0x370 && c < 0x530) {
      letters++;
      cased++;
      if (c >= 0x400) cyrillic++;
    } else {
      const ch = sample[i]!;
      if (OTHER_LETTER.test(ch)) letters++;
      else if (LETTER.test(ch)) (letters++, cased++);
    }
  }
  const known = /^[a-z]{2,3}$/.test(primary) ? primary : '';
  if (letters > 0 && cased / letters < 0.5) {
    // Mostly a script without capitals: say which language, trusting the page unless it names a cased one.
    const guessed = UNCASED_SCRIPTS.find((s) => s.re.test(sample))?.lang ?? 'und';
    const lang = known && !FULL.has(known) ? known : guessed;
    return { lang, name: languageName(lang), entities: 'none' };
  }
  let lang = known;
  if (!lang && letters > 0) lang = cyrillic / letters > 0.5 ? (/[ыэъё]/iu.test(sample) ? 'ru' : '') : (guessLatinLanguage(sample) ?? '');
  if (!lang) return { lang: 'und', name: languageName('und'), entities: 'basic' };
  return { lang, name: languageName(lang), entities: FULL.has(lang) ? 'full' : 'basic' };
}
