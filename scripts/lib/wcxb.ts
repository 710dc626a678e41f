// Reads the WCXB development split (../shared/corpora/wcxb-dev, see its README): page type, URL, gzipped HTML and
// the human-reviewed ground truth. Shared by the article bench and the whole-corpus extraction test.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Where the corpus lives (read-only, never copied into the repository). */
export const WCXB_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpora', 'wcxb-dev');

/** The seven page types of the benchmark. */
export type WcxbType = 'article' | 'forum' | 'product' | 'collection' | 'listing' | 'documentation' | 'service';

/** One corpus page's index entry. */
export interface WcxbPage {
  id: string;
  type: WcxbType;
  url: string;
}

/** The fields of a page's ground truth the bench scores against. */
export interface WcxbTruth {
  title: string | null;
  author: string | null;
  publishDate: string | null;
  mainContent: string;
}

/** Whether the corpus is on this machine. */
export function hasWcxb(): boolean {
  return fs.existsSync(path.join(WCXB_DIR, 'pages.json'));
}

/** Every page of the split, in id order. */
export function wcxbPages(): WcxbPage[] {
  const index = JSON.parse(fs.readFileSync(path.join(WCXB_DIR, 'pages.json'), 'utf8')) as {
    files: Record<string, { page_type: WcxbType; url: string }>;
  };
  return Object.entries(index.files)
    .map(([id, f]) => ({ id, type: f.page_type, url: f.url }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** A page's HTML as served (decoded as UTF-8, as the benchmark does). */
export function wcxbHtml(id: string): string {
  return zlib.gunzipSync(fs.readFileSync(path.join(WCXB_DIR, 'html', `${id}.html.gz`))).toString('utf8');
}

/** A page's ground truth. */
export function wcxbTruth(id: string): WcxbTruth {
  const j = JSON.parse(fs.readFileSync(path.join(WCXB_DIR, 'ground-truth', `${id}.json`), 'utf8')) as {
    ground_truth: { title?: string | null; author?: string | null; publish_date?: string | null; main_content?: string | null };
  };
  const g = j.ground_truth;
  const s = (v: string | null | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
  return { title: s(g.title), author: s(g.author), publishDate: s(g.publish_date), mainContent: g.main_content ?? '' };
}

/** Lower-cased word tokens (letters/digits): the unit of the benchmark's bag-of-words F1. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Bag-of-words F1 of a candidate text against a reference (multiset overlap); both empty = 1. */
export function wordF1(candidate: string, reference: string): number {
  const c = wordTokens(candidate);
  const r = wordTokens(reference);
  if (c.length === 0 && r.length === 0) return 1;
  if (c.length === 0 || r.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of r) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of c) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      overlap++;
      counts.set(t, n - 1);
    }
  }
  if (overlap === 0) return 0;
  const p = overlap / c.length;
  const rc = overlap / r.length;
  return (2 * p * rc) / (p + rc);
}
