import { nameKey } from '../gazetteer';
import type { Entity, EntityType } from '../types';
import type { EntityModel } from './codec';
import type { ModelType } from './perceptron';
import { recognize, type ModelSpan, type TypedSpan } from './recognize';

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

const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');

/**
 * Rules and model together. The model has seen the rules' spans as features and decides every span; the rules keep
 * what data cannot teach: grouping of mentions into one referent ("Putin" = "Vladimir Putin"), canonical names,
 * fictional characters, authors, works. A rule mention the model does not confirm is dropped; a model span the rules
 * did not find joins the entity whose mention has the same text (or, for a one-word person, whose name contains the
 * word), else becomes a new entity. Types other than person/place/organisation from the model ("MISC") are not shown:
 * the rules' works are kept as they are.
 */
export function combineWithModel(text: string, rules: Entity[], model: EntityModel): Entity[] {
  const rec = recognize(text, model, ruleSpans(rules));
  const byStart = new Map<string, ModelSpan>();
  for (const s of rec.spans) byStart.set(`${s.start}:${s.end}`, s);
  const used = new Set<string>();
  // Confidence of a span that the model did not choose: its tokens' confidence in another labelling is 1 − theirs.
  const tokenConfidence = (start: number, end: number): number => {
    let c = 1;
    const { starts, ends } = rec.tokens;
    for (let i = 0; i < starts.length; i++) if (starts[i]! >= start && ends[i]! <= end) c = Math.min(c, rec.confidence[i]!);
    return c;
  };
  const out: Array<Entity & { confidence: number }> = [];
  for (const e of rules) {
    const mentions = e.mentions.filter((m) => {
      const key = `${m.start}:${m.end}`;
      const s = byStart.get(key);
      // Works and fictional characters are the rules' call; everything else needs the model to agree on span and type.
      if (e.type === 'other' || e.fictional) return true;
      if (s && FROM_MODEL[s.type] === e.type) {
        used.add(key);
        return true;
      }
      return false;
    });
    if (mentions.length === 0) continue;
    const conf = mentions.map((m) => byStart.get(`${m.start}:${m.end}`)?.confidence ?? tokenConfidence(m.start, m.end));
    out.push({ ...e, mentions, confidence: Math.max(...conf) });
  }
  const byText = new Map<string, Entity & { confidence: number }>();
  for (const e of out) for (const m of e.mentions) byText.set(`${e.type}\u0000${nameKey(m.text)}`, e);
  for (const s of rec.spans) {
    const key = `${s.start}:${s.end}`;
    if (used.has(key) || s.type === 'MISC') continue;
    const type = FROM_MODEL[s.type];
    const surface = text.slice(s.start, s.end);
    const k = nameKey(surface);
    let e = byText.get(`${type}\u0000${k}`);
    if (!e && type === 'person' && !k.includes(' ')) e = out.find((x) => x.type === 'person' && nameKey(x.name).split(' ').includes(k));
    if (!e) {
      e = { id: `${type}:${slug(surface) || 'x'}`, type, name: surface, aliases: [], mentions: [], confidence: 0 };
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
