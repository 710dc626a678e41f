import type { EntityModel } from './model/codec';
import { combineWithModel, type ModelPolicy } from './model/combine';
import { lookupDemonym, lookupPlace, nameKey } from './gazetteer';
import { languagePath } from './languages';
import { resolve } from './resolve';
import { spotCandidates, type Candidate } from './spot';
import { splitHyphenated } from './splitHyphenated';
import { tokenize } from './tokenize';
import type { Entity, EntityType, Mention } from './types';
import { findWorkTitles } from './works';
import { entityId } from './entityId';

/** What findEntities reads: the article text (offsets refer to it) and optional signals from extraction. */
export interface EntityInput {
  text: string;
  /** The headline: names in it help typing. */
  title?: string | null;
  /** The author line: tells which all-caps line is the author. */
  byline?: string | null;
  /** BCP 47 language of the text: chooses the language path (utils/entities/languages); guessed from the text when missing. */
  lang?: string | null;
}

/** Options for findEntities. */
export interface FindEntitiesOptions {
  /** Count nationality words as mentions of their country ("Russian" → Russia). Default false. */
  demonyms?: boolean;
  /** Also return works (film and book titles) as type 'other'. Default true. */
  works?: boolean;
  /** A trained recognizer (utils/entities/model/load.ts modelFor): it decides the spans, the rules group them. */
  model?: EntityModel | null;
  /** How rules and model combine (default by the model's language: model/combine.ts defaultPolicy). */
  modelPolicy?: ModelPolicy;
}


/**
 * Finds the people, places and organisations named in an article, one entity per real-world referent,
 * each with every mention (offsets into `input.text`), most-mentioned first.
 */
export function findEntities(input: EntityInput, options: FindEntitiesOptions = {}): Entity[] {
  const text = typeof input.text === 'string' ? input.text : '';
  if (!text) return [];
  // Language path (issue 12): nothing in scripts without capitals; per-language passes on tokens, candidates, entities.
  const language = languagePath(input.lang, text);
  if (language.support.entities === 'none') return [];
  const { tokens, lines } = tokenize(text);
  language.adaptTokens(tokens);
  const works = findWorkTitles(text, tokens);
  const inWork = new Uint8Array(tokens.length);
  for (const w of works) for (let k = w.first; k <= w.last; k++) inWork[k] = 1;
  const bylineKey = input.byline ? nameKey(input.byline.replace(/^\s*by\s+/i, '')) : null;
  const raw = language.adaptCandidates(text, tokens, spotCandidates(text, tokens, lines, (k) => inWork[k] === 1, bylineKey));

  // Names in the headline (when the text does not start with it) inform typing and linking, but are not mentions:
  // their offsets are made negative so nothing from them reaches the output.
  const title = input.title?.trim() ?? '';
  let titleCands: Candidate[] = [];
  if (title && !text.trimStart().startsWith(title) && title.length < 1000) {
    const t = tokenize(title);
    language.adaptTokens(t.tokens);
    const shift = -title.length - 1;
    titleCands = language.adaptCandidates(title, t.tokens, spotCandidates(title, t.tokens, t.lines, () => false, null)).map((c) => ({ ...c, start: c.start + shift, end: c.end + shift, furniture: false }));
  }
  const cands = splitHyphenated([...titleCands, ...raw]);
  const resolved = resolve(text, cands, input.title ?? null);

  const entities = new Map<string, Entity & { first: number }>();
  const ids = new Map<string, string>();
  const add = (type: EntityType, name: string, groupKey: string, mention: Mention, fictional?: boolean): void => {
    const idKey = `${type}\u0000${name}`;
    let id = ids.get(idKey);
    if (id === undefined) {
      id = entityId(type, name, groupKey);
      ids.set(idKey, id);
    }
    let e = entities.get(id);
    if (!e) {
      e = { id, type, name, aliases: [], mentions: [], first: mention.start };
      if (fictional) e.fictional = true;
      entities.set(id, e);
    }
    e.mentions.push(mention);
  };
  const authors = new Set<string>();
  for (const r of resolved) {
    if (r.cand.start < 0) continue;
    add(r.type, r.name, r.group, { start: r.cand.start, end: r.cand.end, text: text.slice(r.cand.start, r.cand.end) }, r.fictional);
    if (r.cand.kind === 'byline') authors.add(r.name);
  }
  if (options.demonyms) {
    for (const c of cands) {
      if (c.kind !== 'demonym' || c.start < 0) continue;
      const country = lookupDemonym(c.name);
      if (!country) continue;
      const place = lookupPlace(country)?.name ?? country;
      add('place', place, nameKey(place), { start: c.start, end: c.end, text: text.slice(c.start, c.end) });
    }
  }
  if (options.works !== false) {
    for (const w of works) {
      const title = text.slice(w.start, w.end);
      add('other', title, nameKey(title), { start: w.start, end: w.end, text: title });
    }
  }

  const result: Entity[] = [];
  for (const e of entities.values()) {
    e.mentions.sort((x, y) => x.start - y.start);
    const seen = new Set<string>([e.name]);
    for (const m of e.mentions) {
      if (!seen.has(m.text)) {
        seen.add(m.text);
        e.aliases.push(m.text);
      }
    }
    const { first: _first, ...entity } = e;
    if (entity.type === 'person' && authors.has(entity.name)) entity.author = true;
    result.push(entity);
  }
  const firstOf = new Map(result.map((e) => [e.id, e.mentions[0]?.start ?? 0]));
  // Most mentioned first; on a tie the people the article is about come before its author, then reading order.
  result.sort(
    (x, y) =>
      y.mentions.length - x.mentions.length || Number(!!x.author) - Number(!!y.author) || (firstOf.get(x.id) ?? 0) - (firstOf.get(y.id) ?? 0),
  );
  // Issue 12: the model's one entry point (it proposes and scores spans over the rules' result); the language path
  // then applies what data cannot teach (German nouns, elision, particles) to the rules' and the model's spans alike.
  const combined = options.model ? combineWithModel(text, result, options.model, options.modelPolicy) : result;
  return language.adaptEntities(combined);
}
