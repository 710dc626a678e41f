import data from './data/gazetteer.json';
import { COUNTRY_SHORT_FORMS, DEMONYM_OVERRIDES, EXTRA_PLACES } from './lexicon';

/** What a gazetteer entry is: decides how sure we are that a bare name is a place. */
export type PlaceKind = 'country' | 'capital' | 'city' | 'region';

/** A known place: its canonical name and kind. */
export interface PlaceEntry {
  name: string;
  kind: PlaceKind;
}

/** Lower-cases, drops diacritics and periods, and turns hyphens into spaces: the key names are compared by. */
export function nameKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    key = computeKey(name);
    // Bounded: a 1 MB text must not grow the cache without limit.
    if (keyCache.size > 20_000) keyCache.clear();
    keyCache.set(name, key);
  }
  return key;
}

const keyCache = new Map<string, string>();

function computeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s$/u, '')
    .replace(/\./g, '')
    .replace(/[-‐‑–\s]+/g, ' ')
    .trim();
}

let places: Map<string, PlaceEntry> | undefined;
let demonyms: Map<string, string> | undefined;
let firstNames: Set<string> | undefined;
let lastNames: Set<string> | undefined;
let organizations: Set<string> | undefined;

function buildPlaces(): Map<string, PlaceEntry> {
  const map = new Map<string, PlaceEntry>();
  const add = (name: string, kind: PlaceKind, canonical = name): void => {
    const key = nameKey(name);
    if (key && !map.has(key)) map.set(key, { name: canonical, kind });
  };
  for (const n of data.countries) add(n, 'country');
  for (const [alias, n] of Object.entries(data.countryAliases as Record<string, string>)) {
    // Two-letter aliases ("US") are matched case-sensitively through ACRONYMS instead.
    if (alias.length > 3) add(alias, 'country', n);
  }
  for (const [alias, n] of Object.entries(COUNTRY_SHORT_FORMS)) add(alias, 'country', n);
  for (const n of data.capitals) add(n, 'capital');
  for (const n of EXTRA_PLACES) add(n, 'region');
  for (const n of data.regions) add(n, 'region');
  for (const n of data.cities) add(n, 'city');
  return map;
}

/** The known place with this name, if any ("north korea" → North Korea, "Britain" → United Kingdom). */
export function lookupPlace(name: string): PlaceEntry | undefined {
  places ??= buildPlaces();
  return places.get(nameKey(name));
}

/** The place a nationality word points to ("North Korean" → North Korea), or '' for peoples without a state. */
export function lookupDemonym(word: string): string | undefined {
  if (!demonyms) {
    demonyms = new Map();
    for (const [d, c] of Object.entries(data.demonyms as Record<string, string>)) demonyms.set(nameKey(d), c);
    for (const [d, c] of Object.entries(DEMONYM_OVERRIDES)) demonyms.set(nameKey(d), c);
  }
  const key = nameKey(word);
  return demonyms.get(key) ?? (key.endsWith('s') ? demonyms.get(key.slice(0, -1)) : undefined);
}

/** True when the word is a common given name in the packaged list (any culture compromise covers). */
export function isFirstName(word: string): boolean {
  firstNames ??= new Set(data.firstNames);
  return firstNames.has(nameKey(word));
}

/** True when the word is a common family name in the packaged list. */
export function isLastName(word: string): boolean {
  lastNames ??= new Set(data.lastNames);
  return lastNames.has(nameKey(word));
}

/** True when the name is a well-known organisation or sports team in the packaged list ("Morgan Stanley"). */
export function isKnownOrganization(name: string): boolean {
  organizations ??= new Set(data.organizations.map(nameKey));
  return organizations.has(nameKey(name));
}
