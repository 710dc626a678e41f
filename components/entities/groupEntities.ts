import type { Entity } from '../../utils/entities/types';

/** Which section of the panel an entity is listed in. */
export type EntityGroupKey = 'people' | 'places' | 'organisations' | 'fictional' | 'other';

/** One section of the entity list: its heading and its entities, most-mentioned first. */
export interface EntityGroup {
  key: EntityGroupKey;
  title: string;
  entities: Entity[];
}

const ORDER: { key: EntityGroupKey; title: string }[] = [
  { key: 'people', title: 'People' },
  { key: 'places', title: 'Places' },
  { key: 'organisations', title: 'Organisations' },
  { key: 'fictional', title: 'Fictional characters' },
  { key: 'other', title: 'Other' },
];

/** Most mentions first; ties in reading order (first mention), then by name, so the order is stable. */
export function compareByMentions(a: Entity, b: Entity): number {
  return (
    b.mentions.length - a.mentions.length ||
    (a.mentions[0]?.start ?? Infinity) - (b.mentions[0]?.start ?? Infinity) ||
    a.name.localeCompare(b.name)
  );
}

/**
 * Splits entities into the panel's sections, omitting empty ones. Fictional characters (flagged by the entity finder,
 * or by Wikidata through `isFictional`) get their own "Fictional characters" section: a reader may wonder about
 * "Mickey Mouse" in a column, but they must never be listed among real people (issue 6, seed expectations).
 */
export function groupEntities(entities: readonly Entity[], isFictional: (entity: Entity) => boolean = (e) => e.fictional === true): EntityGroup[] {
  const buckets = new Map<EntityGroupKey, Entity[]>();
  for (const entity of entities) {
    const key: EntityGroupKey = isFictional(entity)
      ? 'fictional'
      : entity.type === 'person'
        ? 'people'
        : entity.type === 'place'
          ? 'places'
          : entity.type === 'organization'
            ? 'organisations'
            : 'other';
    const list = buckets.get(key);
    if (list) list.push(entity);
    else buckets.set(key, [entity]);
  }
  return ORDER.flatMap(({ key, title }) => {
    const list = buckets.get(key);
    return list ? [{ key, title, entities: list.sort(compareByMentions) }] : [];
  });
}
