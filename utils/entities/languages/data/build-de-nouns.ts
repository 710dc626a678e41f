/**
 * Builds `de-nouns.json`, the German common-noun list behind isGermanCommonNoun, from OpenThesaurus as Debian ships
 * it (package mythes-de, LGPL-2.1+; `apt-get install mythes-de`):
 *   npx tsx utils/entities/languages/data/build-de-nouns.ts [/usr/share/mythes/th_de_DE_v2.dat]
 * Deterministic. Keeps capitalised single words (nouns) and capitalised infinitives of the lower-case words ending
 * in -en (nominalised verbs: "das Erstellen"); drops words the gazetteer knows as places or names, and compounds
 * the runtime already recognises from their last part, then front-codes the sorted list.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { isFirstName, isKnownOrganization, isLastName, lookupPlace } from '../../gazetteer';
import { baseForms, encodeFrontCoded, isCompoundOf } from '../germanNouns';

const source = process.argv[2] ?? '/usr/share/mythes/th_de_DE_v2.dat';
const raw = readFileSync(source, 'utf8');
// Synsets whose hypernym is a kind of place or of named thing list proper names ("Moskau" under "Hauptstadt",
// "Russland" under "Staat"), as do entries marked "Eigenname": those words are names, not common nouns.
const PROPER_CLASSES = new Set(
  'Hauptstadt Stadt Großstadt Millionenstadt Metropole Weltstadt Staat Land Nation Nationalstaat Insel Inselgruppe Fluss Strom Gebirge Bundesland Kontinent Erdteil Meer Ozean Ortschaft Politiker Politikerin Schriftsteller Komponist Maler Herrscher'.split(' '),
);
const isProperSynset = (line: string): boolean =>
  line.includes('Eigenname') ||
  // A city's nickname ("Passau|Drei-Flüsse-Stadt (ugs.)").
  /[-\p{Ll}]Stadt[^|]*\(ugs\.|[-|]Stadt der /u.test(line) || [...line.matchAll(/\|([^|()]+?) \(Oberbegriff\)/g)].some((m) => PROPER_CLASSES.has(m[1]!.trim()));
const words = new Set<string>();
const proper = new Set<string>();
const member = (entry: string): string => entry.replace(/\s*\(.*$/, '').trim();
for (const line of raw.split('\n')) {
  if (!line.startsWith('-|')) continue;
  const entries = line.slice(2).split('|').map(member);
  // A word named in any synset of places or named things is a name ("Donau" under "Fluss"), even if it is listed
  // as a common noun elsewhere too.
  if (isProperSynset(line)) {
    // Its members, not its hypernyms ("Donau", not "Fluss").
    for (const entry of line.slice(2).split('|')) if (!entry.includes('(Oberbegriff)')) proper.add(member(entry));
    continue;
  }
  for (const w of entries) {
    if (/^\p{Lu}[\p{Ll}ß]{2,}$/u.test(w)) words.add(w);
    else if (/^[\p{Ll}ß]{3,}en$/u.test(w)) words.add(w[0]!.toUpperCase() + w.slice(1));
  }
}
for (const w of proper) {
  words.delete(w);
  // "Hessen" would otherwise read as the plural of "Hesse", "Bayern" of "Bayer", "Nordrhein-Westfalen" of "Westfale":
  // a noun that is a base form of a place or other name is dropped, so the name stays a name.
  const last = w.includes('-') ? w.slice(w.lastIndexOf('-') + 1) : w;
  for (const f of baseForms(last).slice(1)) words.delete(f);
}
// Names and places stay names even where the thesaurus lists them ("Berlin", "Weber" the weaver).
const kept = [...words].filter((w) => !lookupPlace(w) && !isFirstName(w) && !isLastName(w) && !isKnownOrganization(w));
const set = new Set(kept);
const simple = kept.filter((w) => !isCompoundOf(w, (t) => set.has(t))).sort();
const encoded = encodeFrontCoded(simple);
const out = {
  source: 'OpenThesaurus (www.openthesaurus.de), Debian package mythes-de, th_de_DE_v2.dat',
  licence: 'LGPL-2.1-or-later',
  count: simple.length,
  words: encoded,
};
const json = JSON.stringify(out);
writeFileSync(fileURLToPath(new URL('./de-nouns.json', import.meta.url)), json + '\n');
console.log(`de-nouns.json: ${simple.length} words (of ${words.size} capitalised, ${kept.length} after names), ${json.length} bytes, ${gzipSync(json).length} gzipped`);
