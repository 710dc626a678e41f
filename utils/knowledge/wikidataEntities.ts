import * as v from 'valibot';
import { simplifyPropertyClaims, type Claim } from 'wikibase-sdk';
import type { Endpoints } from '../settings/endpoints';
import { KnowledgeError } from './knowledgeError';
import type { WikiClient } from './wikiClient';
import { wbGetEntitiesUrl } from './wikiUrls';

/** One simplified statement: its main value (time/quantity/coordinate objects, item ids as strings), rank and qualifiers. */
export interface WdClaim {
  value: unknown;
  qualifiers: Record<string, unknown[]>;
  /** 'preferred' or 'normal' (deprecated statements are dropped); absent means normal. */
  rank?: 'preferred' | 'normal';
}

/** A Wikidata item reduced to what cards use. */
export interface WdEntity {
  id: string;
  label: string | null;
  description: string | null;
  /**
   * Every non-deprecated statement, by property, with its rank: facts as of an article's date need the statements
   * that are no longer "best" (a past office, an old census). `bestClaims` gives Wikidata's truthy selection.
   */
  claims: Record<string, WdClaim[]>;
  /** Properties whose statements could not be read (malformed data); the rest of the item is still used. */
  unreadable?: string[];
}

const Term = v.looseObject({ value: v.string() });
const EntitySchema = v.looseObject({
  id: v.string(),
  missing: v.optional(v.string()),
  labels: v.optional(v.record(v.string(), Term)),
  descriptions: v.optional(v.record(v.string(), Term)),
  claims: v.optional(v.record(v.string(), v.array(v.unknown()))),
});
const ResponseSchema = v.looseObject({
  error: v.optional(v.looseObject({ code: v.string(), info: v.optional(v.string()) })),
  // Each entity is checked on its own below, so one malformed entity cannot fail the batch (issue 13, finding 9).
  entities: v.optional(v.record(v.string(), v.unknown())),
});

const QID_RE = /^Q[1-9]\d*$/;
const MAX_IDS = 50;
const SIMPLIFY = { keepQualifiers: true, keepRichValues: true, keepRanks: true, keepNonDeprecated: true } as const;

function term(terms: Record<string, { value: string }> | undefined, languages: string[]): string | null {
  for (const l of languages) {
    const t = terms?.[l]?.value;
    if (t) return t;
  }
  return null;
}

interface Simplified {
  value: unknown;
  rank?: string;
  qualifiers?: Record<string, unknown[]>;
}

/**
 * One property's statements, simplified by wikibase-sdk. simplifyPropertyClaims throws on a malformed statement (a
 * value snak without a datavalue, a datavalue type it does not know); then the statements are read one by one and
 * only the unreadable ones are dropped.
 */
function simplifyProperty(list: unknown[]): { claims: Simplified[]; broken: boolean } {
  try {
    return { claims: simplifyPropertyClaims(list as Claim[], SIMPLIFY) as unknown as Simplified[], broken: false };
  } catch {
    const claims: Simplified[] = [];
    for (const statement of list) {
      try {
        claims.push(...(simplifyPropertyClaims([statement] as Claim[], SIMPLIFY) as unknown as Simplified[]));
      } catch {
        // This statement is unreadable; its siblings are not.
      }
    }
    return { claims, broken: true };
  }
}

function toEntity(raw: unknown, languages: string[]): WdEntity | null {
  const parsed = v.safeParse(EntitySchema, raw);
  if (!parsed.success || parsed.output.missing !== undefined) return null;
  const e = parsed.output;
  const claims: Record<string, WdClaim[]> = {};
  const unreadable: string[] = [];
  for (const [p, list] of Object.entries(e.claims ?? {})) {
    const { claims: simplified, broken } = simplifyProperty(list);
    if (broken) unreadable.push(p);
    claims[p] = simplified.map((c) => ({
      value: c.value,
      qualifiers: c.qualifiers ?? {},
      ...(c.rank === 'preferred' ? { rank: 'preferred' as const } : {}),
    }));
  }
  const entity: WdEntity = { id: e.id, label: term(e.labels, languages), description: term(e.descriptions, languages), claims };
  if (unreadable.length > 0) entity.unreadable = unreadable;
  return entity;
}

/** What one wbgetentities body held: the readable items, and the ids whose entity could not be read at all. */
export interface ParsedEntities {
  items: Map<string, WdEntity>;
  unreadable: Set<string>;
}

/** Parses a wbgetentities body into WdEntities (missing items are left out; a malformed entity is only itself lost). */
export function parseEntityBatch(body: unknown, languages: string[]): ParsedEntities {
  const parsed = v.safeParse(ResponseSchema, body);
  if (!parsed.success) throw new KnowledgeError('malformed', `Unexpected wbgetentities response: ${parsed.issues[0]?.message ?? 'invalid'}`);
  if (parsed.output.error) throw new KnowledgeError('http', `Wikidata error ${parsed.output.error.code}: ${parsed.output.error.info ?? ''}`);
  const items = new Map<string, WdEntity>();
  const unreadable = new Set<string>();
  for (const [id, raw] of Object.entries(parsed.output.entities ?? {})) {
    const missing = typeof raw === 'object' && raw !== null && 'missing' in raw;
    const entity = missing ? null : toEntity(raw, languages);
    if (entity) items.set(id, entity);
    else if (!missing) unreadable.add(id);
  }
  return { items, unreadable };
}

/** Parses a wbgetentities body into WdEntities (missing and unreadable items are left out). */
export function parseEntities(body: unknown, languages: string[]): Map<string, WdEntity> {
  return parseEntityBatch(body, languages).items;
}

/** Fetches items in batches of 50 (one request for up to 50 ids), skipping anything that is not a QID. */
export async function fetchEntities(
  client: WikiClient,
  endpoints: Endpoints,
  ids: Iterable<string>,
  props: Array<'labels' | 'descriptions' | 'claims'>,
  languages: string[],
): Promise<ParsedEntities> {
  const wanted = [...new Set([...ids].filter((id) => QID_RE.test(id)))];
  const langs = [...new Set(languages)];
  const out: ParsedEntities = { items: new Map(), unreadable: new Set() };
  for (let i = 0; i < wanted.length; i += MAX_IDS) {
    const url = wbGetEntitiesUrl(endpoints, wanted.slice(i, i + MAX_IDS), props, langs);
    const batch = parseEntityBatch(await client.getJson(url), langs);
    for (const [id, e] of batch.items) out.items.set(id, e);
    for (const id of batch.unreadable) out.unreadable.add(id);
  }
  return out;
}

/** Wikidata's truthy statements: the preferred ones when there are any, else all (deprecated ones are never kept). */
export function bestClaims(entity: WdEntity, property: string): WdClaim[] {
  const all = entity.claims[property] ?? [];
  const preferred = all.filter((c) => c.rank === 'preferred');
  return preferred.length > 0 ? preferred : all;
}

/** Item ids of a property's truthy statements ("Q5"). */
export function itemValues(entity: WdEntity, property: string): string[] {
  return [...new Set(bestClaims(entity, property).map((c) => c.value).filter((x): x is string => typeof x === 'string' && QID_RE.test(x)))];
}
