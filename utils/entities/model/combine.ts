import { lookupDemonym, nameKey } from '../gazetteer';
import { JUNK_NAMES } from '../lexicon';
import type { Entity, EntityType } from '../types';
import type { EntityModel } from './codec';
import type { ModelType } from './perceptron';
import { recognize, type ModelSpan, type TypedSpan } from './recognize';
import { entityId } from '../entityId';

const TO_MODEL: Record<EntityType, ModelType> = { person: 'PER', place: 'LOC', organization: 'ORG', other: 'MISC' };
const FROM_MODEL: Record<ModelType, EntityType> = { PER: 'person', LOC: 'place', ORG: 'organization', MISC: 'other' };

/** The rules' mentions as typed spans (fictional characters are not people: they stay outside). */
export function ruleSpans(entities: readonly Entity[]): TypedSpan[] {
  const out: TypedSpan[] = [];
  for (const e of entities) {
    if (e.fictional) continue;
    for (const m of e.mentions) out.push({ start: m.start, end: m.end, type: TO_MODEL[e.type] });
  }
  return out;
}


/** How rules and model are combined (measured in `npm run bench -- entities`). */
export type ModelPolicy = 'union' | 'model';

/**
 * English keeps the rules' mentions ('union'): letting the model drop them cost the seed column two "Kim" and two
 * "Putin" mentions. Elsewhere the English-tuned rules are weaker than the model: on Bosque test 'model' gives
 * PER 0.85 / LOC 0.74 against 'union' 0.72 / 0.66 (measured 2026-12-03).
 */
export function defaultPolicy(lang: string): ModelPolicy {
  return lang === 'en' ? 'union' : 'model';
}

// Below this confidence a span the rules did not find is not shown (seed column: "West", "North" were 0.4–0.6).
const MIN_NEW_SPAN_CONFIDENCE = 0.7;

/**
 * Rules and model together. 'union': every rule entity stays (the rules keep what data cannot teach: grouping of
 * mentions into one referent, canonical names, fictional characters, authors, works) and the model adds the spans
 * the rules missed, where they overlap no rule mention and the model is sure enough. 'model': the model, which saw the
 * rules' spans as features, decides every span; a rule mention it does not confirm is dropped. A new span joins the
 * entity with a mention of the same text (or, for a one-word person, whose name contains the word), else it becomes
 * a new entity. The model's "MISC" spans are not shown.
 */
export function combineWithModel(text: string, rules: Entity[], model: EntityModel, policy: ModelPolicy = defaultPolicy(model.lang)): Entity[] {
  const rec = recognize(text, model, ruleSpans(rules));
  const byStart = new Map<string, ModelSpan>();
  for (const s of rec.spans) byStart.set(`${s.start}:${s.end}`, s);
  const used = new Set<string>();
  const tokenConfidence = (start: number, end: number): number => {
    const { starts, ends } = rec.tokens;
    // Binary search for the first token at or after start: this runs once per rule mention.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    let c = 1;
    for (let i = lo; i < starts.length && ends[i]! <= end; i++) c = Math.min(c, rec.confidence[i]!);
    return c;
  };
  // Every rule mention, sorted, to test overlap.
  const taken: Array<[number, number]> = [];
  for (const e of rules) for (const m of e.mentions) taken.push([m.start, m.end]);
  taken.sort((a, b) => a[0] - b[0]);
  const overlapsRule = (start: number, end: number): boolean => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid]![0] < end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) if (taken[i]![1] > start) return true;
    return false;
  };
  const out: Array<Entity & { confidence: number }> = [];
  for (const e of rules) {
    const mentions = e.mentions.filter((m) => {
      const key = `${m.start}:${m.end}`;
      const s = byStart.get(key);
      if (s && FROM_MODEL[s.type] === e.type) used.add(key);
      if (policy === 'union' || e.type === 'other' || e.fictional) return true;
      return s !== undefined && FROM_MODEL[s.type] === e.type;
    });
    if (mentions.length === 0) continue;
    // A mention the model labelled otherwise: its tokens' confidence in that other labelling, turned around.
    const conf = mentions.map((m) => {
      const s = byStart.get(`${m.start}:${m.end}`);
      return s && FROM_MODEL[s.type] === e.type ? s.confidence : 1 - tokenConfidence(m.start, m.end);
    });
    out.push({ ...e, mentions, confidence: Math.max(...conf) });
  }
  const byText = new Map<string, Entity & { confidence: number }>();
  for (const e of out) for (const m of e.mentions) byText.set(`${e.type}\u0000${nameKey(m.text)}`, e);
  for (const s of rec.spans) {
    const key = `${s.start}:${s.end}`;
    if (used.has(key) || s.type === 'MISC') continue;
    if (policy === 'union' && (s.confidence < MIN_NEW_SPAN_CONFIDENCE || overlapsRule(s.start, s.end))) continue;
    // A span that runs onto punctuation ("West –") is trimmed to its words.
    const raw = text.slice(s.start, s.end);
    const lead = /^[^\p{L}\p{N}]*/u.exec(raw)![0].length;
    const trail = /[^\p{L}\p{N}.]*$/u.exec(raw)![0].length;
    if (lead + trail >= raw.length) continue;
    s.start += lead;
    s.end -= trail;
    if (lead || trail) {
      const trimmed = `${s.start}:${s.end}`;
      if (used.has(trimmed) || overlapsRule(s.start, s.end)) continue;
    }
    const surface = text.slice(s.start, s.end);
    // Nationality words are the rules' call (demonyms option), never a new entity.
    if (lookupDemonym(surface) !== undefined) continue;
    // The rules' one-word junk list (compass points, weekdays, furniture) holds for the model too: "the West".
    if (!/\s/.test(surface) && JUNK_NAMES.has(surface.toLowerCase())) continue;
    const type = FROM_MODEL[s.type];
    const k = nameKey(surface);
    let e = byText.get(`${type}\u0000${k}`);
    if (!e && type === 'person' && !k.includes(' ')) e = out.find((x) => x.type === 'person' && nameKey(x.name).split(' ').includes(k));
    if (!e) {
      e = { id: entityId(type, surface), type, name: surface, aliases: [], mentions: [], confidence: 0 };
      // Ids are unique: a second "Georgia" of another type gets a suffix.
      while (out.some((x) => x.id === e!.id)) e.id += '-2';
      out.push(e);
      byText.set(`${type}\u0000${k}`, e);
    }
    e.mentions.push({ start: s.start, end: s.end, text: surface });
    if (surface !== e.name && !e.aliases.includes(surface)) e.aliases.push(surface);
    e.confidence = Math.max(e.confidence, s.confidence);
  }
  for (const e of out) e.mentions.sort((a, b) => a.start - b.start);
  const first = (e: Entity): number => e.mentions[0]?.start ?? 0;
  out.sort((x, y) => y.mentions.length - x.mentions.length || Number(!!x.author) - Number(!!y.author) || first(x) - first(y));
  for (const e of out) e.confidence = Math.round(e.confidence * 1000) / 1000;
  return out;
}
