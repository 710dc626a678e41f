import * as v from 'valibot';
import { KnowledgeError } from './knowledgeError';

/** What the batched Action API query tells us about one Wikipedia article. */
export interface WikiPage {
  title: string;
  pageid: number;
  /** Wikidata item from pageprops.wikibase_item. */
  qid: string | null;
  description: string | null;
  disambiguation: boolean;
  /** Lead sentences as the API's HTML (NOT sanitised yet). */
  extractHtml: string | null;
  thumbnail: { url: string; width: number; height: number } | null;
  coordinates: { lat: number; lon: number } | null;
  /** Article URL from inprop=url. */
  url: string | null;
  /** Search rank (generator=search), 1 = best. */
  index: number | null;
}

const PageSchema = v.looseObject({
  title: v.string(),
  pageid: v.optional(v.number()),
  missing: v.optional(v.boolean()),
  invalid: v.optional(v.boolean()),
  index: v.optional(v.number()),
  extract: v.optional(v.string()),
  description: v.optional(v.string()),
  thumbnail: v.optional(v.looseObject({ source: v.string(), width: v.number(), height: v.number() })),
  coordinates: v.optional(v.array(v.looseObject({ lat: v.number(), lon: v.number(), primary: v.optional(v.boolean()) }))),
  pageprops: v.optional(v.looseObject({ disambiguation: v.optional(v.string()), wikibase_item: v.optional(v.string()) })),
  fullurl: v.optional(v.string()),
});

const FromTo = v.looseObject({ from: v.string(), to: v.string() });

/** An Action API `action=query` body in formatversion=2, or its error envelope (sent with HTTP 200). */
export const QueryResponseSchema = v.looseObject({
  error: v.optional(v.looseObject({ code: v.string(), info: v.optional(v.string()) })),
  continue: v.optional(v.record(v.string(), v.union([v.string(), v.number()]))),
  query: v.optional(
    v.looseObject({
      normalized: v.optional(v.array(FromTo)),
      redirects: v.optional(v.array(FromTo)),
      pages: v.optional(v.array(PageSchema)),
    }),
  ),
});

/** A parsed query response. */
export type QueryResponse = v.InferOutput<typeof QueryResponseSchema>;
/** One raw page of a query response. */
export type RawPage = v.InferOutput<typeof PageSchema>;

/** Validates a query body; API errors and unexpected shapes become KnowledgeErrors. */
export function parseQueryResponse(body: unknown): QueryResponse {
  const parsed = v.safeParse(QueryResponseSchema, body);
  if (!parsed.success) throw new KnowledgeError('malformed', `Unexpected Action API response: ${parsed.issues[0]?.message ?? 'invalid'}`);
  if (parsed.output.error) {
    throw new KnowledgeError('http', `Action API error ${parsed.output.error.code}: ${parsed.output.error.info ?? ''}`);
  }
  return parsed.output;
}

/** A WikiPage from a raw page (null for missing or invalid titles). */
export function toWikiPage(raw: RawPage): WikiPage | null {
  if (raw.missing || raw.invalid || raw.pageid === undefined) return null;
  const coords = raw.coordinates?.find((c) => c.primary !== false) ?? raw.coordinates?.[0];
  return {
    title: raw.title,
    pageid: raw.pageid,
    qid: raw.pageprops?.wikibase_item ?? null,
    description: raw.description ?? null,
    disambiguation: raw.pageprops?.disambiguation !== undefined,
    extractHtml: raw.extract ?? null,
    thumbnail: raw.thumbnail ? { url: raw.thumbnail.source, width: raw.thumbnail.width, height: raw.thumbnail.height } : null,
    coordinates: coords ? { lat: coords.lat, lon: coords.lon } : null,
    url: raw.fullurl ?? null,
    index: raw.index ?? null,
  };
}

/** Merges the same page seen in two continuation batches (later batches add extracts, coordinates...). */
export function mergeRawPages(a: RawPage, b: RawPage): RawPage {
  return { ...a, ...Object.fromEntries(Object.entries(b).filter(([, value]) => value !== undefined)) } as RawPage;
}
