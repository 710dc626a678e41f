import * as v from 'valibot';
import type { ArticleRecord, HighlightRecord, NoteRecord } from '../db/schema';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../highlights/types';
import { MAX_QUOTE_CONTEXT, TimeSchema } from '../records/recordSchema';
import { describeIssue, RECORD_SCHEMAS, type BackupTable, type ImportData } from './backupSchema';
import { ImportError } from './importError';
import { isUuid, stableUuid } from './stableId';
import { yieldToEventLoop } from './yieldToEventLoop';
import { siteOf } from '../article/siteOf';

const SelectorSchema = v.looseObject({ type: v.string() });
const TextQuoteSchema = v.object({ type: v.literal('TextQuoteSelector'), exact: v.string(), prefix: v.optional(v.string(), ''), suffix: v.optional(v.string(), '') });
const TextPositionSchema = v.object({ type: v.literal('TextPositionSelector'), start: v.pipe(v.number(), v.integer(), v.minValue(0)), end: v.pipe(v.number(), v.integer(), v.minValue(0)) });
const TargetObjectSchema = v.looseObject({
  source: v.string(),
  // Arrays first: valibot's looseObject also accepts an array (it is an object).
  selector: v.optional(v.union([v.array(SelectorSchema), SelectorSchema])),
  styleClass: v.optional(v.string()),
});
const TargetSchema = v.union([v.string(), TargetObjectSchema]);
const BodySchema = v.union([
  v.string(),
  v.looseObject({ type: v.optional(v.string()), value: v.optional(v.string()), purpose: v.optional(v.string()), format: v.optional(v.string()), language: v.optional(v.string()) }),
]);
const StringOrList = v.union([v.string(), v.array(v.string())]);

/** A W3C Annotation as accepted on import: the model's required parts strictly, the rest leniently. */
export const W3cAnnotationSchema = v.looseObject({
  id: v.optional(v.string()),
  type: StringOrList,
  motivation: v.optional(StringOrList),
  created: v.optional(v.string()),
  modified: v.optional(v.string()),
  body: v.optional(v.union([v.array(BodySchema), BodySchema])),
  bodyValue: v.optional(v.string()),
  target: v.union([v.array(TargetSchema), TargetSchema]),
});
type Annotation = v.InferOutput<typeof W3cAnnotationSchema>;
type Body = v.InferOutput<typeof BodySchema>;

/** True when a parsed file looks like W3C Web Annotation JSON (collection, page, annotation or list of them). */
export function isW3cShaped(value: unknown): boolean {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'object' || first === null) return false;
  const type = (first as { type?: unknown }).type;
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => t === 'Annotation' || t === 'AnnotationCollection' || t === 'AnnotationPage');
}

/** The annotations in a collection (with an embedded first page), a page, one annotation or an array, with where each sits. */
function annotationsOf(value: unknown): Array<{ item: unknown; where: string }> {
  if (Array.isArray(value)) return value.map((item, i) => ({ item, where: `[${i}]` }));
  const root = value as Record<string, unknown>;
  const types = Array.isArray(root.type) ? root.type : [root.type];
  if (types.includes('AnnotationCollection')) {
    const first = root.first;
    if (typeof first !== 'object' || first === null) {
      throw new ImportError('first: this collection does not embed its annotations (its pages are links); export it with the annotations included.');
    }
    const items = (first as { items?: unknown }).items;
    if (!Array.isArray(items)) throw new ImportError('first.items: expected an array of annotations.');
    return items.map((item, i) => ({ item, where: `first.items[${i}]` }));
  }
  if (types.includes('AnnotationPage')) {
    if (!Array.isArray(root.items)) throw new ImportError('items: expected an array of annotations.');
    return root.items.map((item, i) => ({ item, where: `items[${i}]` }));
  }
  return [{ item: value, where: '(the annotation)' }];
}

/** A record id for an annotation id: the UUID of "urn:uuid:…", else a stable UUID hashed from the id so re-imports merge. */
async function recordId(id: string): Promise<string> {
  const bare = id.replace(/^urn:uuid:/i, '');
  return isUuid(bare) ? bare.toLowerCase() : stableUuid(id);
}

function time(value: string | undefined, where: string, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new ImportError(`${where}: expected a date and time (ISO 8601), got ${JSON.stringify(value)}. The file was not imported.`);
  // The same bounds as every saved time (THE record schema): a date in the year 275760 would win every later merge.
  const checked = v.safeParse(TimeSchema, ms);
  if (!checked.success) throw new ImportError(`${where}: ${JSON.stringify(value)} ${checked.issues[0].message}. The file was not imported.`);
  return ms;
}

/** Checks a record built from annotations against THE record schema, naming the annotation it came from. */
function checked<T>(table: BackupTable, record: T, where: string): T {
  const result = v.safeParse(RECORD_SCHEMAS[table], record);
  if (!result.success) {
    // The record's fields have other names than the annotation's: say which record field, at the annotation.
    throw new ImportError(`${describeIssue(`${where} (as a ${table.slice(0, -1)})`, result.issues[0])}. The file was not imported.`);
  }
  return result.output as T;
}

function listOf<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function bodiesWith(bodies: Body[], purpose: string): string[] {
  return bodies.flatMap((b) => (typeof b === 'object' && b.purpose === purpose && typeof b.value === 'string' ? [b.value] : []));
}

// A TextualBody without a purpose is a comment in practice (Hypothesis, Annotorious).
function comments(a: Annotation, bodies: Body[]): string[] {
  const values = bodies.flatMap((b) => (typeof b === 'object' && typeof b.value === 'string' && (b.purpose === 'commenting' || b.purpose === undefined) ? [b.value] : []));
  // Hypothesis writes an empty comment body on a bare highlight.
  return [a.bodyValue ?? '', ...values].filter((value) => value.trim() !== '');
}

function colorOf(styleClass: string | undefined): HighlightColor | null {
  const match = styleClass?.split(/\s+/).map((c) => c.replace(/^backstory-/, '')).find((c) => (HIGHLIGHT_COLORS as readonly string[]).includes(c));
  return (match as HighlightColor | undefined) ?? null;
}

/**
 * Converts W3C Web Annotation JSON (Backstory's own export, or another tool's) into library records. A bookmarking
 * annotation of a page becomes its article; an annotation with a TextQuoteSelector becomes a highlight (colour from a
 * "backstory-<colour>" styleClass, else yellow); a comment on a whole page becomes a note. A page with no bookmarking
 * annotation gets a placeholder article with `updatedAt: 0`, so it never overwrites an article already saved.
 */
export async function w3cToLibrary(value: unknown, options: { now?: number; yieldFn?: () => Promise<void> } = {}): Promise<ImportData> {
  const now = options.now ?? Date.now();
  const yieldFn = options.yieldFn ?? yieldToEventLoop;
  const entries = annotationsOf(value);
  const articles = new Map<string, ArticleRecord>();
  const highlights: HighlightRecord[] = [];
  const notes: NoteRecord[] = [];
  const pending: Array<{ url: string; tags: string[] }> = [];
  const carried: Required<NonNullable<ImportData['carried']>> = { articles: new Map(), highlights: new Map(), notes: new Map(), linkChoices: new Map(), copies: new Map() };
  const seenIds = new Map<string, string>();
  const wheres = new Map<string, string>();

  for (let i = 0; i < entries.length; i++) {
    const { item, where } = entries[i]!;
    if (i % 2000 === 1999) await yieldFn();
    const parsed = v.safeParse(W3cAnnotationSchema, item);
    if (!parsed.success) throw new ImportError(`${describeIssue(where, parsed.issues[0])}. The file was not imported.`);
    const a = parsed.output;
    if (!listOf(a.type).includes('Annotation')) throw new ImportError(`${where}.type: expected "Annotation", got ${JSON.stringify(a.type)}. The file was not imported.`);
    const target = listOf(a.target).map((t) => (typeof t === 'string' ? { source: t } : t))[0];
    if (!target) throw new ImportError(`${where}.target: expected a target, got an empty list. The file was not imported.`);
    if (!/^https?:\/\//i.test(target.source)) {
      throw new ImportError(`${where}.target.source: must be an http(s) URL, got ${JSON.stringify(target.source.slice(0, 60))}. The file was not imported.`);
    }
    const id = await recordId(a.id ?? `${target.source}#${JSON.stringify(item)}`);
    const earlier = seenIds.get(id);
    if (earlier !== undefined) throw new ImportError(`${where}.id: the same id as ${earlier}. The file was not imported.`);
    seenIds.set(id, where);
    wheres.set(id, where);
    const created = time(a.created, `${where}.created`, now);
    const modified = time(a.modified, `${where}.modified`, created);
    const bodies = listOf(a.body);
    const tags = bodiesWith(bodies, 'tagging');
    const selectors = listOf(target.selector);
    const quoteIndex = selectors.findIndex((s) => s.type === 'TextQuoteSelector');
    const motivations = listOf(a.motivation);

    if (quoteIndex >= 0) {
      const quote = v.safeParse(TextQuoteSchema, selectors[quoteIndex]);
      if (!quote.success) throw new ImportError(`${describeIssue(`${where}.target.selector${Array.isArray(target.selector) ? `[${quoteIndex}]` : ''}`, quote.issues[0])}. The file was not imported.`);
      const positionRaw = selectors.find((s) => s.type === 'TextPositionSelector');
      const position = positionRaw ? v.safeParse(TextPositionSchema, positionRaw) : null;
      if (position && !position.success) throw new ImportError(`${describeIssue(`${where}.target.selector`, position.issues[0])}. The file was not imported.`);
      const note = comments(a, bodies).join('\n\n');
      const color = colorOf(target.styleClass);
      // Only what the annotation says is merged into a highlight already saved (issue #13): no body is not "no note".
      carried.highlights.set(id, ['quote', 'position', 'anchorVersion', ...(note ? ['note'] : []), ...(tags.length ? ['tags'] : []), ...(color ? ['color'] : [])]);
      highlights.push({
        id,
        articleId: '',
        url: target.source,
        // Other tools keep longer context; anchoring reads 32 characters, the record keeps MAX_QUOTE_CONTEXT.
        quote: { type: 'TextQuoteSelector', exact: quote.output.exact, prefix: quote.output.prefix.slice(-MAX_QUOTE_CONTEXT), suffix: quote.output.suffix.slice(0, MAX_QUOTE_CONTEXT) },
        // Without a position hint the quote alone anchors; 0..length is a harmless hint.
        position: position?.output ?? { type: 'TextPositionSelector', start: 0, end: quote.output.exact.length },
        color: color ?? 'yellow',
        note,
        tags,
        // Quote + position and nothing else: what anchor scheme 1 wrote (scheme 2 adds a scope and a structure, which
        // W3C JSON from here or another tool does not carry).
        anchorVersion: 1,
        scope: 'article',
        structure: null,
        createdAt: created,
        updatedAt: modified,
      });
    } else if (motivations.includes('bookmarking')) {
      const described = bodiesWith(bodies, 'describing')[0];
      carried.articles.set(id, [...(described !== undefined ? ['title'] : []), ...(tags.length ? ['tags'] : [])]);
      articles.set(target.source, placeholderArticle(id, target.source, described ?? target.source, tags, created, modified));
    } else if (comments(a, bodies).length) {
      carried.notes.set(id, ['body']);
      notes.push({ id, articleId: '', url: target.source, body: comments(a, bodies).join('\n\n'), createdAt: created, updatedAt: modified });
    } else if (tags.length) {
      pending.push({ url: target.source, tags });
    }
  }

  // Pages annotated without a bookmarking annotation get a placeholder article (never newer than a saved one).
  const firstSeen = new Map<string, number>();
  for (const r of [...highlights, ...notes]) firstSeen.set(r.url, Math.min(firstSeen.get(r.url) ?? r.createdAt, r.createdAt));
  for (const url of [...firstSeen.keys(), ...pending.map((p) => p.url)]) {
    if (articles.has(url)) continue;
    const placeholder = placeholderArticle(await recordId(`backstory-article:${url}`), url, url, [], firstSeen.get(url) ?? now, 0);
    // A placeholder carries nothing of its own: it never changes an article already saved.
    carried.articles.set(placeholder.id, []);
    articles.set(url, placeholder);
  }
  for (const { url, tags } of pending) {
    const article = articles.get(url)!;
    article.tags = [...new Set([...article.tags, ...tags])];
  }
  for (const r of [...highlights, ...notes]) r.articleId = articles.get(r.url)!.id;
  return {
    articles: [...articles.values()].map((r) => checked('articles', r, wheres.get(r.id) ?? `(the page ${r.url.slice(0, 60)})`)),
    highlights: highlights.map((r) => checked('highlights', r, wheres.get(r.id)!)),
    notes: notes.map((r) => checked('notes', r, wheres.get(r.id)!)),
    linkChoices: [],
    copies: [],
    carried,
  };
}

function placeholderArticle(id: string, url: string, title: string, tags: string[], createdAt: number, updatedAt: number): ArticleRecord {
  return {
    id,
    url,
    pageUrl: url,
    title: title.slice(0, 2000),
    byline: null,
    authors: [],
    siteName: null,
    site: siteOf(url),
    lang: null,
    publishedTime: null,
    excerpt: null,
    entities: [],
    entityKeys: [],
    tags,
    createdAt,
    updatedAt,
  };
}
