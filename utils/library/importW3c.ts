import * as v from 'valibot';
import type { ArticleRecord, HighlightRecord, NoteRecord } from '../db/schema';
import { ANCHOR_SCHEME_VERSION, HIGHLIGHT_COLORS, type HighlightColor } from '../highlights/types';
import { describeIssue, type LibraryData } from './backupSchema';
import { ImportError } from './importError';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record id for an annotation id: the UUID of "urn:uuid:…", else a stable UUID hashed from the id so re-imports merge. */
async function recordId(id: string): Promise<string> {
  const bare = id.replace(/^urn:uuid:/i, '');
  if (UUID.test(bare)) return bare.toLowerCase();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id)));
  const hex = [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function time(value: string | undefined, where: string, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new ImportError(`${where}: expected a date and time (ISO 8601), got ${JSON.stringify(value)}. The file was not imported.`);
  return ms;
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

function colorOf(styleClass: string | undefined): HighlightColor {
  const match = styleClass?.split(/\s+/).map((c) => c.replace(/^backstory-/, '')).find((c) => (HIGHLIGHT_COLORS as readonly string[]).includes(c));
  return (match as HighlightColor | undefined) ?? 'yellow';
}

/**
 * Converts W3C Web Annotation JSON (Backstory's own export, or another tool's) into library records. A bookmarking
 * annotation of a page becomes its article; an annotation with a TextQuoteSelector becomes a highlight (colour from a
 * "backstory-<colour>" styleClass, else yellow); a comment on a whole page becomes a note. A page with no bookmarking
 * annotation gets a placeholder article with `updatedAt: 0`, so it never overwrites an article already saved.
 */
export async function w3cToLibrary(value: unknown, options: { now?: number; yieldFn?: () => Promise<void> } = {}): Promise<LibraryData> {
  const now = options.now ?? Date.now();
  const yieldFn = options.yieldFn ?? yieldToEventLoop;
  const entries = annotationsOf(value);
  const articles = new Map<string, ArticleRecord>();
  const highlights: HighlightRecord[] = [];
  const notes: NoteRecord[] = [];
  const pending: Array<{ url: string; tags: string[] }> = [];

  for (let i = 0; i < entries.length; i++) {
    const { item, where } = entries[i]!;
    if (i % 2000 === 1999) await yieldFn();
    const parsed = v.safeParse(W3cAnnotationSchema, item);
    if (!parsed.success) throw new ImportError(`${describeIssue(where, parsed.issues[0])}. The file was not imported.`);
    const a = parsed.output;
    if (!listOf(a.type).includes('Annotation')) throw new ImportError(`${where}.type: expected "Annotation", got ${JSON.stringify(a.type)}. The file was not imported.`);
    const target = listOf(a.target).map((t) => (typeof t === 'string' ? { source: t } : t))[0];
    if (!target) throw new ImportError(`${where}.target: expected a target, got an empty list. The file was not imported.`);
    const id = await recordId(a.id ?? `${target.source}#${JSON.stringify(item)}`);
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
      highlights.push({
        id,
        articleId: '',
        url: target.source,
        quote: { type: 'TextQuoteSelector', exact: quote.output.exact, prefix: quote.output.prefix, suffix: quote.output.suffix },
        // Without a position hint the quote alone anchors; 0..length is a harmless hint.
        position: position?.output ?? { type: 'TextPositionSelector', start: 0, end: quote.output.exact.length },
        color: colorOf(target.styleClass),
        note: comments(a, bodies).join('\n\n'),
        tags,
        anchorVersion: ANCHOR_SCHEME_VERSION,
        createdAt: created,
        updatedAt: modified,
      });
    } else if (motivations.includes('bookmarking')) {
      const title = bodiesWith(bodies, 'describing')[0] ?? target.source;
      articles.set(target.source, placeholderArticle(id, target.source, title, tags, created, modified));
    } else if (comments(a, bodies).length) {
      notes.push({ id, articleId: '', url: target.source, body: comments(a, bodies).join('\n\n'), createdAt: created, updatedAt: modified });
    } else if (tags.length) {
      pending.push({ url: target.source, tags });
    }
  }

  // Pages annotated without a bookmarking annotation get a placeholder article (never newer than a saved one).
  const firstSeen = new Map<string, number>();
  for (const r of [...highlights, ...notes]) firstSeen.set(r.url, Math.min(firstSeen.get(r.url) ?? r.createdAt, r.createdAt));
  for (const url of [...firstSeen.keys(), ...pending.map((p) => p.url)]) {
    if (!articles.has(url)) articles.set(url, placeholderArticle(await recordId(`backstory-article:${url}`), url, url, [], firstSeen.get(url) ?? now, 0));
  }
  for (const { url, tags } of pending) {
    const article = articles.get(url)!;
    article.tags = [...new Set([...article.tags, ...tags])];
  }
  for (const r of [...highlights, ...notes]) r.articleId = articles.get(r.url)!.id;
  return { articles: [...articles.values()], highlights, notes, linkChoices: [] };
}

function placeholderArticle(id: string, url: string, title: string, tags: string[], createdAt: number, updatedAt: number): ArticleRecord {
  return {
    id,
    url,
    pageUrl: url,
    title,
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
