/**
 * Final touches on the entity list for a language: a name keeps the text's own spelling when the gazetteer's
 * differs only in letter case (folha writes "Rio de Janeiro"; the city list says "Rio De Janeiro"), and in Russian
 * the case forms of one name ("Москве", "Москвы") are one entity, named by its shortest full form, the nominative.
 */
import type { Entity } from '../types';
import { russianKey } from './russian';

const mixedCase = (s: string): boolean => /\p{Ll}/u.test(s) && /\p{Lu}/u.test(s);

/** Never recapitalise: the name as the article writes it, when only letter case tells the two apart. */
export function keepTextCase(entity: Entity): Entity {
  const lower = entity.name.toLowerCase();
  const own = entity.mentions.find((m) => m.text !== entity.name && m.text.toLowerCase() === lower && mixedCase(m.text));
  if (!own) return entity;
  return { ...entity, name: own.text, aliases: [...new Set([entity.name, ...entity.aliases])].filter((a) => a !== own.text) };
}

/** Merges a Russian entity list's case forms; the ids of the merged entities are those of the first of each group. */
export function mergeRussianForms(entities: Entity[]): Entity[] {
  const groups = new Map<string, Entity>();
  const order: Entity[] = [];
  for (const e of entities) {
    const key = `${e.type}\u0000${e.type === 'person' ? e.name.split(/\s+/).length : 0}\u0000${russianKey(e.name)}`;
    const into = groups.get(key);
    if (!into) {
      const copy = { ...e, mentions: [...e.mentions], aliases: [...e.aliases] };
      groups.set(key, copy);
      order.push(copy);
      continue;
    }
    into.mentions.push(...e.mentions);
    into.mentions.sort((x, y) => x.start - y.start);
  }
  for (const e of order) {
    const words = Math.max(...e.mentions.map((m) => m.text.split(/\s+/).length));
    const full = e.mentions.filter((m) => m.text.split(/\s+/).length === words && !/^\p{Lu}+$/u.test(m.text));
    // The nominative is the shortest case form of a Russian name (a place keeps the nominative it was given).
    if (e.type === 'person' && full.length) e.name = full.reduce((x, y) => (y.text.length < x.text.length ? y : x)).text;
    e.aliases = [...new Set(e.mentions.map((m) => m.text))].filter((a) => a !== e.name);
  }
  return order.sort((x, y) => y.mentions.length - x.mentions.length || (x.mentions[0]?.start ?? 0) - (y.mentions[0]?.start ?? 0));
}

/** Applies the language's entity-level rules. */
export function adaptEntities(lang: string, entities: Entity[]): Entity[] {
  const cased = entities.map(keepTextCase);
  return lang === 'ru' ? mergeRussianForms(cased) : cased;
}
