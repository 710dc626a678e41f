import type { ArticleRecord, HighlightRecord, NoteRecord } from '../db/schema';
import type { HighlightColor } from '../highlights/types';
import type { LibraryData } from './backupSchema';

/** The W3C Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Display colours of the highlight palette, as written in each annotation's CssStylesheet. */
export const HIGHLIGHT_CSS: Record<HighlightColor, string> = {
  yellow: '#fff176',
  green: '#a5d6a7',
  blue: '#90caf9',
  pink: '#f48fb1',
  purple: '#ce93d8',
};

/** The `styleClass` naming a colour: "backstory-yellow". */
export function colorClass(color: HighlightColor): string {
  return `backstory-${color}`;
}

/** A W3C TextualBody. */
export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging' | 'describing';
  format?: string;
  language?: string;
}

/** A W3C Annotation as Backstory writes it. */
export interface W3cAnnotation {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting' | 'bookmarking';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: {
    source: string;
    styleClass?: string;
    selector?: Array<
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string } | { type: 'TextPositionSelector'; start: number; end: number }
    >;
  };
  stylesheet?: { type: 'CssStylesheet'; value: string };
}

/** A W3C AnnotationCollection with its one AnnotationPage embedded. */
export interface W3cCollection {
  '@context': string;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: { type: 'Software'; name: string };
  generated: string;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}

const urn = (id: string): string => `urn:uuid:${id}`;
const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * A saved article as a "bookmarking" annotation of its page: tags as `tagging` bodies, the title as a `describing`
 * body (the model has no title property for a target; this keeps it without leaving the vocabulary).
 */
export function articleAnnotation(a: ArticleRecord): W3cAnnotation {
  return {
    id: urn(a.id),
    type: 'Annotation',
    motivation: 'bookmarking',
    created: iso(a.createdAt),
    modified: iso(a.updatedAt),
    body: [
      { type: 'TextualBody', value: a.title, purpose: 'describing', format: 'text/plain', ...(a.lang ? { language: a.lang } : {}) },
      ...a.tags.map((t): TextualBody => ({ type: 'TextualBody', value: t, purpose: 'tagging' })),
    ],
    target: { source: a.url },
  };
}

/**
 * A highlight: TextQuoteSelector + TextPositionSelector on the article URL (the same selectors Hypothesis writes),
 * the note as a `commenting` body in Markdown, tags as `tagging` bodies, and the colour the standard way: a
 * `styleClass` on the target ("backstory-yellow") defined by the annotation's CssStylesheet.
 */
export function highlightAnnotation(h: HighlightRecord): W3cAnnotation {
  const body: TextualBody[] = [];
  if (h.note) body.push({ type: 'TextualBody', value: h.note, purpose: 'commenting', format: 'text/markdown' });
  for (const t of h.tags) body.push({ type: 'TextualBody', value: t, purpose: 'tagging' });
  return {
    id: urn(h.id),
    type: 'Annotation',
    motivation: h.note ? 'commenting' : 'highlighting',
    created: iso(h.createdAt),
    modified: iso(h.updatedAt),
    ...(body.length ? { body } : {}),
    target: {
      source: h.url,
      styleClass: colorClass(h.color),
      selector: [
        { type: 'TextQuoteSelector', exact: h.quote.exact, prefix: h.quote.prefix, suffix: h.quote.suffix },
        { type: 'TextPositionSelector', start: h.position.start, end: h.position.end },
      ],
    },
    stylesheet: { type: 'CssStylesheet', value: `.${colorClass(h.color)} { background-color: ${HIGHLIGHT_CSS[h.color]}; }` },
  };
}

/** An article note: a `commenting` annotation on the whole page (what Hypothesis calls a page note). */
export function noteAnnotation(n: NoteRecord): W3cAnnotation {
  return {
    id: urn(n.id),
    type: 'Annotation',
    motivation: 'commenting',
    created: iso(n.createdAt),
    modified: iso(n.updatedAt),
    body: [{ type: 'TextualBody', value: n.body, purpose: 'commenting', format: 'text/markdown' }],
    target: { source: n.url },
  };
}

/** The library as one W3C Web Annotation AnnotationCollection (JSON-LD), every annotation on one embedded page. */
export function exportW3c(data: Pick<LibraryData, 'articles' | 'highlights' | 'notes'>, now: Date = new Date(), collectionId = `urn:uuid:${crypto.randomUUID()}`): W3cCollection {
  const items = [...data.articles.map(articleAnnotation), ...data.highlights.map(highlightAnnotation), ...data.notes.map(noteAnnotation)];
  return {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: 'Backstory highlights and notes',
    total: items.length,
    generator: { type: 'Software', name: 'Backstory' },
    generated: now.toISOString(),
    first: { id: `${collectionId}#page1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
