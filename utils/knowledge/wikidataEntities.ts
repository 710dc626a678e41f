import * as v from 'valibot';
import { simplifyClaims, type Claims } from 'wikibase-sdk';
import type { Endpoints } from '../settings/endpoints';
import { KnowledgeError } from './knowledgeError';
import type { WikiClient } from './wikiClient';
import { wbGetEntitiesUrl } from './wikiUrls';

/** One simplified statement: its main value (rich: time/quantity/coordinate objects, item ids as strings) and qualifiers. */
export interface WdClaim {
  value: unknown;
  qualifiers: Record<string, unknown[]>;
}

/** A Wikidata item reduced to what cards use. */
export interface WdEntity {
  id: string;
  label: string | null;
  description: string | null;
  /** Truthy statements (preferred rank wins over normal, as Wikidata's "best" statements), by property. */
  claims: Record<string, WdClaim[]>;
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
  entities: v.optional(v.record(v.string(), EntitySchema)),
});

const QID_RE = /^Q[1-9]\d*$/;
const MAX_IDS = 50;

function term(terms: Record<string, { value: string }> | undefined, languages: string[]): string | null {
  for (const l of languages) {
    const t = terms?.[l]?.value;
    if (t) return t;
  }
  return null;
}

/** Parses a wbgetentities body into WdEntities (missing items are left out). */
export function parseEntities(body: unknown, languages: string[]): Map<string, WdEntity> {
  const parsed = v.safeParse(ResponseSchema, body);
  if (!parsed.success) throw new KnowledgeError('malformed', `Unexpected wbgetentities response: ${parsed.issues[0]?.message ?? 'invalid'}`);
  if (parsed.output.error) throw new KnowledgeError('http', `Wikidata error ${parsed.output.error.code}: ${parsed.output.error.info ?? ''}`);
  const out = new Map<string, WdEntity>();
  for (const [id, e] of Object.entries(parsed.output.entities ?? {})) {
    if (e.missing !== undefined) continue;
    const simplified = e.claims
      ? (simplifyClaims(e.claims as unknown as Claims, { keepQualifiers: true, keepRichValues: true }) as Record<string, Array<{ value: unknown; qualifiers?: Record<string, unknown[]> }>>)
      : {};
    const claims: Record<string, WdClaim[]> = {};
    for (const [p, list] of Object.entries(simplified)) {
      claims[p] = list.map((c) => ({ value: c.value, qualifiers: c.qualifiers ?? {} }));
    }
    out.set(id, { id: e.id, label: term(e.labels, languages), description: term(e.descriptions, languages), claims });
  }
  return out;
}

/** Fetches items in batches of 50 (one request for up to 50 ids), skipping anything that is not a QID. */
export async function fetchEntities(
  client: WikiClient,
  endpoints: Endpoints,
  ids: Iterable<string>,
  props: Array<'labels' | 'descriptions' | 'claims'>,
  languages: string[],
): Promise<Map<string, WdEntity>> {
  const wanted = [...new Set([...ids].filter((id) => QID_RE.test(id)))];
  const langs = [...new Set(languages)];
  const out = new Map<string, WdEntity>();
  for (let i = 0; i < wanted.length; i += MAX_IDS) {
    const url = wbGetEntitiesUrl(endpoints, wanted.slice(i, i + MAX_IDS), props, langs);
    for (const [id, e] of parseEntities(await client.getJson(url), langs)) out.set(id, e);
  }
  return out;
}

/** Item ids of a property's statements ("Q5"). */
export function itemValues(entity: WdEntity, property: string): string[] {
  return (entity.claims[property] ?? []).map((c) => c.value).filter((x): x is string => typeof x === 'string' && QID_RE.test(x));
}
