/**
 * Part of `## entities` (issue 12): the language test set (tests/fixtures/entities/languages), per language,
 * findEntities on its language path beside the English rules every language got before (the same findEntities
 * told the text is English), both in this run: exact-span P/R/F1 for people and places, junk entities (no mention
 * touching any annotated name) and the named people found.
 */
import { fileURLToPath } from 'node:url';
import { findEntities } from '../../utils/entities/findEntities';
import { languageSupport } from '../../utils/entities/languages';
import type { Entity } from '../../utils/entities/types';
import { junkEntities, loadLanguageSet, missedPeople, notPeople, type LanguageDoc } from '../lib/languageSet';
import { loadUner, type UnerDoc } from './unerPortuguese';
import { timed } from './support/measure';

type Scored = 'person' | 'place';
interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

function tally(doc: Pick<LanguageDoc, 'spans'> | UnerDoc, entities: readonly Entity[], into: Record<Scored, Tally>): void {
  for (const type of ['person', 'place'] as const) {
    const gold = new Set(doc.spans.filter((s) => s.type === type).map((s) => `${s.start}:${s.end}`));
    const got = new Set(entities.filter((e) => e.type === type && !e.fictional).flatMap((e) => e.mentions.map((m) => `${m.start}:${m.end}`)));
    for (const k of got) gold.has(k) ? into[type].tp++ : into[type].fp++;
    for (const k of gold) if (!got.has(k)) into[type].fn++;
  }
}

const prf = (s: Tally): string => {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0;
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return `P ${p.toFixed(2)} R ${r.toFixed(2)} F1 ${f.toFixed(2)}`;
};

/** Prints the per-language table. */
export async function run(): Promise<void> {
  await nounListCost();
  table('language set (tuned on)', loadLanguageSet('src'));
  table('language held-out set (written after the rules were frozen)', loadLanguageSet('heldout'));
  portuguese();
}

function table(label: string, docs: LanguageDoc[]): void {
  const byLang = new Map<string, LanguageDoc[]>();
  for (const d of docs) {
    // Pages that declare no language are grouped under the one findEntities guesses for them.
    const lang = (d.lang ?? languageSupport(null, d.text).lang).split('-')[0]!;
    byLang.set(lang, [...(byLang.get(lang) ?? []), d]);
  }
  console.log(`${label}: ${docs.length} texts (tests/fixtures/entities/languages), exact-span match; "English rules" = the same findEntities told every text is English (the rules before issue 12)`);
  for (const [lang, set] of [...byLang].sort()) {
    const ours = { person: { tp: 0, fp: 0, fn: 0 }, place: { tp: 0, fp: 0, fn: 0 } };
    const base = { person: { tp: 0, fp: 0, fn: 0 }, place: { tp: 0, fp: 0, fn: 0 } };
    let junk = [0, 0];
    let people = [0, 0];
    let listed = 0;
    for (const d of set) {
      const a = findEntities({ text: d.text, lang: d.lang });
      const b = findEntities({ text: d.text, lang: 'en' });
      tally(d, a, ours);
      tally(d, b, base);
      junk = [junk[0]! + junkEntities(d, a).length + notPeople(d, a).length, junk[1]! + junkEntities(d, b).length + notPeople(d, b).length];
      people = [people[0]! + d.people.length - missedPeople(d, a).length, people[1]! + d.people.length - missedPeople(d, b).length];
      listed += d.people.length;
    }
    console.log(`  ${lang} (${set.map((d) => d.id).join(', ')})`);
    for (const type of ['person', 'place'] as const) console.log(`    ${type.padEnd(6)} language path ${prf(ours[type])} | English rules ${prf(base[type])}`);
    console.log(`    junk entities ${junk[0]} | English rules ${junk[1]} (target 0); named people found ${people[0]}/${listed} | English rules ${people[1]}/${listed}`);
  }
}

function portuguese(): void {
  // UNER Portuguese (Bosque), test split: held out, never looked at while writing the rules (the dev split was).
  const uner = loadUner(fileURLToPath(new URL('../../../shared/corpora/ner/uner-pt-bosque/pt_bosque-ud-test.iob2', import.meta.url)));
  if (!uner) {
    console.log('UNER pt Bosque: corpus not found (../shared/corpora/ner/uner-pt-bosque)');
    return;
  }
  const ours = { person: { tp: 0, fp: 0, fn: 0 }, place: { tp: 0, fp: 0, fn: 0 } };
  const base = { person: { tp: 0, fp: 0, fn: 0 }, place: { tp: 0, fp: 0, fn: 0 } };
  for (const d of uner) {
    tally(d, findEntities({ text: d.text, lang: 'pt' }), ours);
    tally(d, findEntities({ text: d.text, lang: 'en' }), base);
  }
  console.log(`UNER pt Bosque test (held out): ${uner.length} documents, exact-span match`);
  for (const type of ['person', 'place'] as const) {
    console.log(`    ${type.padEnd(6)} language path ${prf(ours[type])} | English rules ${prf(base[type])} | target F1 ${type === 'person' ? '>= 0.85' : '>= 0.80'}`);
  }
}

/** The German noun list's shipped size and the one-off cost of decoding it, paid on the first German page. */
async function nounListCost(): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const { gzipSync } = await import('node:zlib');
  const file = new URL('../../utils/entities/languages/data/de-nouns.json', import.meta.url);
  const raw = readFileSync(file);
  const [, { wall: ms }] = await timed(async () => {
    const { isGermanCommonNoun } = await import('../../utils/entities/languages/germanNouns');
    isGermanCommonNoun('Zahl');
  });
  const count = (JSON.parse(raw.toString('utf8')) as { count: number }).count;
  console.log(`de nouns list (OpenThesaurus): ${count} words, ${(raw.length / 1024).toFixed(0)} KB, ${(gzipSync(raw).length / 1024).toFixed(0)} KB gzipped; first German page pays ${ms.toFixed(1)} ms to load and decode it`);
}
