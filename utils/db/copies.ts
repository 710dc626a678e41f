import { paragraphsToHtml } from '../article/sanitizeHtml';
import { contentHash } from '../article/contentHash';
import { PARAGRAPH_SEPARATOR } from '../article/articleText';
import type { Article } from '../article/types';
import { type BackstoryDB, type CopyRecord, newId } from './schema';
import { type CopyLimits, DEFAULT_COPY_LIMITS } from '../settings/copyLimits';
import { formatBytes } from '../format/bytes';

export { type CopyLimits, DEFAULT_COPY_LIMITS };

/** The parts of an extracted article a copy keeps (Article, as the analyser produced it). */
export type CopySource = Pick<
  Article,
  'title' | 'byline' | 'siteName' | 'lang' | 'dir' | 'publishedTime' | 'modifiedTime' | 'excerpt' | 'leadImage' | 'html' | 'text'
>;

/** What keepCopy did. */
export type KeepResult =
  | { kept: true; copy: CopyRecord; created: boolean }
  | { kept: false; reason: 'too-large' | 'budget' | 'no-article'; message: string };

const encoder = new TextEncoder();

/** UTF-8 size of a string, the unit budgets count in. */
export function utf8Bytes(s: string): number {
  return encoder.encode(s).length;
}

/** Bytes all copies take, summed from the `bytes` index: no copy is loaded. */
export async function copiesUsage(db: BackstoryDB): Promise<{ bytes: number; count: number }> {
  const sizes = (await db.copies.orderBy('bytes').keys()) as number[];
  return { bytes: sizes.reduce((a, b) => a + b, 0), count: sizes.length };
}

/** The record a copy would be (html cut to text-only when over the per-article cap), or why it cannot be kept. */
async function buildCopy(
  source: CopySource,
  target: { articleId: string; url: string },
  limits: CopyLimits,
  now: number,
): Promise<CopyRecord | { reason: 'too-large'; message: string }> {
  let html = source.html;
  let textOnly = false;
  const textBytes = utf8Bytes(source.text);
  let bytes = utf8Bytes(html) + textBytes;
  if (bytes > limits.perArticleBytes) {
    // The text is what highlights anchor in; the markup is presentation. Keep the text with plain paragraphs.
    html = paragraphsToHtml(source.text.split(PARAGRAPH_SEPARATOR));
    textOnly = true;
    bytes = utf8Bytes(html) + textBytes;
  }
  if (bytes > limits.perArticleBytes) {
    return { reason: 'too-large', message: `This article is too large to keep a copy of (${formatBytes(bytes)}; the limit is ${formatBytes(limits.perArticleBytes)}).` };
  }
  return {
    id: newId(),
    articleId: target.articleId,
    url: target.url,
    title: source.title,
    byline: source.byline,
    siteName: source.siteName,
    lang: source.lang,
    dir: source.dir,
    publishedTime: source.publishedTime,
    modifiedTime: source.modifiedTime,
    excerpt: source.excerpt,
    leadImage: source.leadImage,
    html,
    text: source.text,
    textOnly,
    contentHash: await contentHash(source.text),
    extractedAt: now,
    bytes,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Keeps the reader's copy of the article saved under `url`, once: the copy is what they highlighted, so a later,
 * edited version of the page never replaces it (that is what "changed since you saved it" compares against).
 * Bounded by `limits`; nothing is evicted to make room. The HTML must be the analyser's sanitised HTML.
 */
export async function keepCopy(
  db: BackstoryDB,
  url: string,
  source: CopySource,
  limits: CopyLimits = DEFAULT_COPY_LIMITS,
  now = Date.now(),
): Promise<KeepResult> {
  const article = await db.articles.where('url').equals(url).first();
  if (!article) return { kept: false, reason: 'no-article', message: 'Nothing is saved for this article.' };
  const existing = await db.copies.where('articleId').equals(article.id).first();
  if (existing) return { kept: true, copy: existing, created: false };
  // Hashing is async (Web Crypto) and must not run inside the transaction (IndexedDB would commit it meanwhile).
  const built = await buildCopy(source, { articleId: article.id, url }, limits, now);
  if (!('id' in built)) return { kept: false, ...built };
  return db.transaction('rw', db.copies, async (): Promise<KeepResult> => {
    const raced = await db.copies.where('articleId').equals(article.id).first();
    if (raced) return { kept: true, copy: raced, created: false };
    const { bytes: used } = await copiesUsage(db);
    if (used + built.bytes > limits.totalBytes) {
      return {
        kept: false,
        reason: 'budget',
        message: `No copy kept: your saved copies use ${formatBytes(used)} of ${formatBytes(limits.totalBytes)}. Raise the limit in the settings or delete old articles.`,
      };
    }
    await db.copies.add({ ...built });
    return { kept: true, copy: built, created: true };
  });
}

/** The copy of an article, by the article's id. */
export async function getCopy(db: BackstoryDB, articleId: string): Promise<CopyRecord | undefined> {
  return db.copies.where('articleId').equals(articleId).first();
}
