// Realistic inputs for the side panel components: the seed article, its entities with mentions found by pattern in the
// real text (so every offset is true: text.slice(start, end) === mention.text), and knowledge cards shaped like
// the product's buildCard makes them from the wiki fixtures (scripts/lib/recordedCards.ts).
import type { Entity, EntityType, Mention } from '../../../utils/entities/types';
import type { KeyFact, KnowledgeCard, LinkCandidate, LinkResult } from '../../../utils/knowledge/types';
import { RECORDED_PAGES, recordedCard } from '../../../scripts/lib/recordedCards';
import { SEED_TEXT } from '../../../scripts/lib/seed';

/** The seed article text. */
export const seedText = SEED_TEXT;

const pages = RECORDED_PAGES;

/** Every match of `pattern` in the seed text, minus those starting at an excluded offset. */
function mentions(pattern: RegExp, exclude: (start: number) => boolean = () => false): Mention[] {
  const out: Mention[] = [];
  for (const m of seedText.matchAll(new RegExp(pattern.source, 'gu'))) {
    if (m.index === undefined || exclude(m.index)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

const bookTitle = seedText.indexOf('In Putin’s Footsteps');
const notInBookTitle = (start: number) => start > bookTitle && start < bookTitle + 20;

function entity(type: EntityType, name: string, pattern: RegExp, extra: Partial<Entity> = {}, exclude?: (start: number) => boolean): Entity {
  const found = mentions(pattern, exclude);
  return {
    id: `${type}:${name.toLowerCase().replace(/[^a-z]+/g, '-')}`,
    type,
    name,
    aliases: [...new Set(found.map((m) => m.text).filter((t) => t !== name))],
    mentions: found,
    ...extra,
  };
}

/** The seed's entities, in the order an entity finder might return them (not sorted by count). */
export function seedEntities(): Entity[] {
  return [
    entity('place', 'Khasan', /Khasan/),
    entity('person', 'Xi Jinping', /Xi Jinping|\bXi\b/),
    entity('person', 'Vladimir Putin', /Vladimir Putin|Putin(?:’s)?/, {}, notInBookTitle),
    entity('person', 'Kim Jong Un', /Kim Jong-un|\bKim(?:’s)?\b/),
    entity('person', 'Nina L. Khrushcheva', /NINA L\. KHRUSHCHEVA|Nina L\. Khrushcheva/),
    entity('person', 'Mickey Mouse', /Mickey Mouse/, { fictional: true }),
    entity('person', 'Donald Duck', /Donald Duck/, { fictional: true }),
    entity('place', 'Russia', /Russia(?!n)(?:’s)?/),
    entity('place', 'North Korea', /North Korea(?!n)(?:’s)?/),
    entity('place', 'China', /China(?:’s)?/),
    entity('place', 'Pyongyang', /Pyongyang/),
    entity('place', 'Moscow', /MOSCOW/),
    entity('place', 'Vostochny Cosmodrome', /Vostochny Cosmodrome/),
    entity('organization', 'United Nations Security Council', /United Nations Security Council/),
  ];
}

/** Key facts as the knowledge layer would build them from Wikidata. */
const facts: Record<string, KeyFact[]> = {
  'Vladimir Putin': [
    { kind: 'born', label: 'Born', value: '7 October 1952 (age 74)' },
    { kind: 'office', label: 'Office', value: 'President of Russia' },
    { kind: 'citizenship', label: 'Citizenship', value: 'Russia' },
  ],
  'Kim Jong Un': [
    { kind: 'born', label: 'Born', value: '8 January 1984 (age 42)' },
    { kind: 'office', label: 'Office', value: 'Supreme Leader of North Korea' },
  ],
  'Khasan, Primorsky Krai': [
    { kind: 'country', label: 'Country', value: 'Russia' },
    { kind: 'region', label: 'Region', value: 'Primorsky Krai' },
  ],
};

/** A card for a Wikipedia title in the fixtures. */
export function cardFor(title: string, overrides: Partial<KnowledgeCard> = {}): KnowledgeCard {
  const page = pages.find((p) => p.title === title);
  if (!page) throw new Error(`no fixture page ${title}`);
  return { ...recordedCard(page, facts[page.title] ?? []), ...overrides };
}

/** A candidate as the linker lists it. */
export function candidate(title: string): LinkCandidate {
  const page = pages.find((p) => p.title === title);
  if (!page) throw new Error(`no fixture page ${title}`);
  return { title: page.title, description: page.description, qid: page.qid };
}

/** A linked result for a fixture title. */
export function linked(title: string, candidates: string[] = [title], overrides: Partial<KnowledgeCard> = {}): LinkResult {
  return { status: 'linked', card: cardFor(title, overrides), candidates: candidates.map(candidate), chosenByReader: false };
}

/** Knowledge for every seed entity as the background would answer once all look-ups are done. */
export function seedKnowledge(): Record<string, LinkResult> {
  const byName: Record<string, LinkResult> = {
    'Vladimir Putin': linked('Vladimir Putin'),
    'Kim Jong Un': linked('Kim Jong Un'),
    'Xi Jinping': linked('Xi Jinping'),
    'Nina L. Khrushcheva': linked('Nina Khrushcheva'),
    'Mickey Mouse': linked('Mickey Mouse', ['Mickey Mouse'], { fictional: true }),
    'Donald Duck': linked('Donald Duck', ['Donald Duck'], { fictional: true }),
    Khasan: linked('Khasan, Primorsky Krai', ['Khasan, Primorsky Krai', 'Lake Khasan', 'Khasansky District']),
    Russia: linked('Russia'),
    'North Korea': linked('North Korea'),
    China: linked('China'),
    Pyongyang: linked('Pyongyang'),
    Moscow: linked('Moscow'),
    'Vostochny Cosmodrome': linked('Vostochny Cosmodrome'),
    'United Nations Security Council': linked('United Nations Security Council'),
  };
  return Object.fromEntries(seedEntities().map((e) => [e.id, byName[e.name]!]));
}

/** The entity with this name. */
export function byName(entities: Entity[], name: string): Entity {
  const found = entities.find((e) => e.name === name);
  if (!found) throw new Error(`no entity ${name}`);
  return found;
}
