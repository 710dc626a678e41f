import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../../utils/article/contentHash';
import { copiesUsage, keepCopy, utf8Bytes, type CopySource } from '../../../utils/db/copies';
import { upsertArticle } from '../../../utils/db/articles';
import type { BackstoryDB } from '../../../utils/db/schema';
import { freshDb } from '../library/testDb';

const opened: BackstoryDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function dbWith(...urls: string[]): Promise<BackstoryDB> {
  const db = await freshDb();
  opened.push(db);
  for (const url of urls) {
    await upsertArticle(db, { url, pageUrl: url, title: 't', byline: null, authors: [], siteName: null, lang: null, publishedTime: null, excerpt: null });
  }
  return db;
}

function source(text: string, html = text.split('\n\n').map((p) => `<p>${p}</p>`).join('')): CopySource {
  return { title: 'T', byline: 'B', siteName: 'S', lang: 'en', dir: 'ltr', publishedTime: null, modifiedTime: null, excerpt: null, leadImage: 'https://news.example/a.jpg', html, text };
}

describe('keepCopy', () => {
  it('keeps the sanitised HTML, the text, the metadata and a SHA-256 of the text, once per article', async () => {
    const db = await dbWith('https://news.example/a');
    const first = await keepCopy(db, 'https://news.example/a', source('Ünïcode para one.\n\nPara two.'), undefined, 1000);
    expect(first.kept && first.created).toBe(true);
    if (!first.kept) return;
    expect(first.copy.contentHash).toBe(await contentHash('Ünïcode para one.\n\nPara two.'));
    expect(first.copy.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.copy.bytes).toBe(utf8Bytes(first.copy.html) + utf8Bytes(first.copy.text));
    expect(first.copy.leadImage).toBe('https://news.example/a.jpg');
    expect(first.copy.extractedAt).toBe(1000);
    // An edited page later never replaces the copy the reader highlighted.
    const again = await keepCopy(db, 'https://news.example/a', source('Edited.'), undefined, 2000);
    expect(again.kept && !again.created && again.copy.text).toBe('Ünïcode para one.\n\nPara two.');
    expect(await db.copies.count()).toBe(1);
  });

  it('keeps nothing for an article that has nothing saved', async () => {
    const db = await dbWith();
    expect(await keepCopy(db, 'https://news.example/none', source('x'))).toMatchObject({ kept: false, reason: 'no-article' });
  });

  it('drops the markup of an article over the per-article cap, and refuses one whose text alone is over it', async () => {
    const db = await dbWith('https://news.example/big', 'https://news.example/huge');
    const text = 'word '.repeat(200).trim();
    const heavyHtml = `<p>${text}</p>`.replace(/<p>/, `<p class="${'x'.repeat(5000)}">`);
    const cut = await keepCopy(db, 'https://news.example/big', source(text, heavyHtml), { perArticleBytes: 3000, totalBytes: 1e9 });
    expect(cut.kept && cut.copy.textOnly).toBe(true);
    if (cut.kept) expect(cut.copy.html).toBe(`<p>${text}</p>`);
    const refused = await keepCopy(db, 'https://news.example/huge', source('y'.repeat(5000)), { perArticleBytes: 3000, totalBytes: 1e9 });
    expect(refused).toMatchObject({ kept: false, reason: 'too-large' });
  });

  it('stops at the total budget without evicting a copy, and reports the use', async () => {
    const db = await dbWith('https://news.example/1', 'https://news.example/2');
    const limits = { perArticleBytes: 10_000, totalBytes: 3000 };
    const a = await keepCopy(db, 'https://news.example/1', source('a'.repeat(1000)), limits);
    expect(a.kept).toBe(true);
    const b = await keepCopy(db, 'https://news.example/2', source('b'.repeat(1000)), limits);
    expect(b).toMatchObject({ kept: false, reason: 'budget' });
    const usage = await copiesUsage(db);
    expect(usage.count).toBe(1);
    expect(usage.bytes).toBe(a.kept ? a.copy.bytes : -1);
  });
});
