import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, BackstoryDB, HighlightRecord } from '../../../utils/db/schema';
import { exportMarkdownFiles, exportMarkdownSingle } from '../../../utils/library/exportMarkdown';
import { exportW3c } from '../../../utils/library/exportW3c';
import { ImportError } from '../../../utils/library/importError';
import { parseLibraryFile } from '../../../utils/library/importLibraryFile';
import { listArticles } from '../../../utils/library/listArticles';
import { applyImport } from '../../../utils/library/mergeImport';
import { toBackground } from '../../../utils/messaging/protocol';
import { freshDb } from './testDb';

/*
 * Issue #13, findings 4–7 and the "Also" list: hand-made import files that used to get in and then break undo, the
 * library, its exports or the records already saved. Every case here failed before the fix.
 */

const noYield = { yieldFn: async () => {} };
const NOW = Date.now();
const ARTICLE_ID = '6f1c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
const HIGHLIGHT_ID = '0b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f';
const URL = 'https://news.example/world/2026/axis';

function article(over: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id: ARTICLE_ID,
    url: URL,
    pageUrl: `${URL}?utm_source=x`,
    title: 'Axis of outcasts',
    byline: 'By Nina L. Khrushcheva',
    authors: ['Nina L. Khrushcheva'],
    siteName: 'The Daily Meridian',
    site: 'news.example',
    lang: 'en',
    publishedTime: '2026-10-02T08:00:00.000Z',
    excerpt: 'Putin and Kim’s cartoon summit.',
    entities: [{ key: 'vladimir putin', name: 'Vladimir Putin', type: 'person', mentions: 12, qid: 'Q7747' }],
    entityKeys: ['vladimir putin'],
    tags: ['russia'],
    createdAt: NOW - 10_000,
    updatedAt: NOW - 10_000,
    ...over,
  };
}

function highlight(over: Partial<HighlightRecord> = {}): HighlightRecord {
  return {
    id: HIGHLIGHT_ID,
    articleId: ARTICLE_ID,
    url: URL,
    quote: { type: 'TextQuoteSelector', exact: 'cartoonish', prefix: 'practically ', suffix: '.' },
    position: { type: 'TextPositionSelector', start: 10, end: 20 },
    color: 'yellow',
    note: '',
    tags: [],
    anchorVersion: 1,
    scope: 'article',
    structure: null,
    createdAt: NOW - 5000,
    updatedAt: NOW - 5000,
    ...over,
  };
}

function backupText(tables: { articles?: unknown[]; highlights?: unknown[]; notes?: unknown[] }): string {
  return JSON.stringify({ format: 'backstory-backup', version: 1, exportedAt: new Date(NOW).toISOString(), articles: [], highlights: [], notes: [], ...tables });
}

/** Parses and applies a file; returns the ImportError message when it is refused. */
async function tryImport(db: BackstoryDB, text: string): Promise<string | null> {
  try {
    await applyImport(db, (await parseLibraryFile(text, noYield)).data);
    return null;
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
}

describe('finding 4: what can be imported can be restored (undo never loses a highlight)', () => {
  const restore = toBackground['highlight/restore'].payload;
  it.each<[string, Partial<HighlightRecord>]>([
    ['a note over 100,000 characters', { note: 'x'.repeat(100_001) }],
    ['a tag of 120 characters', { tags: ['t'.repeat(120)] }],
    ['101 tags', { tags: Array.from({ length: 101 }, (_, i) => `tag ${i}`) }],
    ['an empty quote', { quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } }],
    ['a 500-character prefix', { quote: { type: 'TextQuoteSelector', exact: 'cartoonish', prefix: 'p'.repeat(500), suffix: '' } }],
    ['anchorVersion 0', { anchorVersion: 0 }],
    ['start == end', { position: { type: 'TextPositionSelector', start: 5, end: 5 } }],
    ['a URL of 4,001 characters', { url: `${URL}?q=${'a'.repeat(4001 - URL.length - 3)}` }],
    ['a blank tag', { tags: ['  ', 'ok'] }],
  ])('%s: refused on import, or stored in a form that restore accepts', async (_label, over) => {
    const db = await freshDb();
    const refused = await tryImport(db, backupText({ articles: [article()], highlights: [highlight(over)] }));
    if (refused === null) {
      const stored = await db.highlights.get(HIGHLIGHT_ID);
      expect(stored).toBeDefined();
      expect(v.safeParse(restore, { record: stored }).success).toBe(true);
    } else {
      expect(await db.highlights.count()).toBe(0);
    }
  });

  it('re-keys imported records whose ids are not UUIDs and keeps their highlights on their article', async () => {
    const db = await freshDb();
    const refused = await tryImport(db, backupText({ articles: [article({ id: 'art-1' })], highlights: [highlight({ id: 'hl-1', articleId: 'art-1' })] }));
    expect(refused).toBeNull();
    const [saved] = await db.articles.toArray();
    const [mark] = await db.highlights.toArray();
    expect(saved!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(mark!.articleId).toBe(saved!.id);
    // The panel can now edit and delete it: its id passes the message schema.
    expect(v.safeParse(toBackground['highlight/delete'].payload, { id: mark!.id }).success).toBe(true);
    // Importing the same file again merges instead of duplicating.
    await tryImport(db, backupText({ articles: [article({ id: 'art-1' })], highlights: [highlight({ id: 'hl-1', articleId: 'art-1' })] }));
    expect(await db.highlights.count()).toBe(1);
  });
});

function w3c(items: unknown[]): string {
  return JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items });
}

describe('finding 5: a W3C import merges fields and never erases them', () => {
  it('updates the title and tags it carries and keeps byline, authors, site, language, date, excerpt and entities', async () => {
    const db = await freshDb();
    await db.articles.add(article());
    const refused = await tryImport(
      db,
      w3c([
        {
          id: `urn:uuid:${ARTICLE_ID}`,
          type: 'Annotation',
          motivation: 'bookmarking',
          created: new Date(NOW - 10_000).toISOString(),
          modified: new Date(NOW - 1000).toISOString(),
          body: [
            { type: 'TextualBody', purpose: 'describing', value: 'Axis of outcasts (updated)' },
            { type: 'TextualBody', purpose: 'tagging', value: 'north korea' },
          ],
          target: { source: URL },
        },
      ]),
    );
    expect(refused).toBeNull();
    const saved = await db.articles.get(ARTICLE_ID);
    expect(saved).toMatchObject({ title: 'Axis of outcasts (updated)', tags: ['north korea'], byline: 'By Nina L. Khrushcheva', authors: ['Nina L. Khrushcheva'] });
    expect(saved).toMatchObject({ siteName: 'The Daily Meridian', lang: 'en', publishedTime: '2026-10-02T08:00:00.000Z', excerpt: 'Putin and Kim’s cartoon summit.' });
    expect(saved!.entities).toHaveLength(1);
  });

  it('keeps a highlight’s colour, note and tags when the annotation does not carry them', async () => {
    const db = await freshDb();
    await db.articles.add(article());
    await db.highlights.add(highlight({ color: 'purple', note: 'my note', tags: ['keep'] }));
    const refused = await tryImport(
      db,
      w3c([{ id: `urn:uuid:${HIGHLIGHT_ID}`, type: 'Annotation', modified: new Date(NOW - 100).toISOString(), target: { source: URL, selector: { type: 'TextQuoteSelector', exact: 'cartoonish' } } }]),
    );
    expect(refused).toBeNull();
    expect(await db.highlights.get(HIGHLIGHT_ID)).toMatchObject({ color: 'purple', note: 'my note', tags: ['keep'] });
  });

  it('refuses a `modified` in the year 275760 instead of letting it win every later merge', async () => {
    const db = await freshDb();
    await db.articles.add(article());
    const refused = await tryImport(
      db,
      w3c([{ id: `urn:uuid:${ARTICLE_ID}`, type: 'Annotation', motivation: 'bookmarking', modified: '+275760-09-13T00:00:00.000Z', body: [{ type: 'TextualBody', purpose: 'describing', value: 'hijacked' }], target: { source: URL } }]),
    );
    expect(refused).toMatch(/modified.*future/);
    expect((await db.articles.get(ARTICLE_ID))!.title).toBe('Axis of outcasts');
  });
});

describe('finding 6: one imported record cannot break the library', () => {
  it.each([
    ['createdAt 1e308', { createdAt: 1e308 }],
    ['updatedAt -1', { updatedAt: -1 }],
    ['createdAt 1.5', { createdAt: 1.5 }],
  ])('%s is refused, or the list and both exports still work', async (_label, over) => {
    const db = await freshDb();
    const refused = await tryImport(db, backupText({ articles: [article(over)], highlights: [highlight()] }));
    if (refused !== null) return expect(await db.articles.count()).toBe(0);
    const data = { articles: await db.articles.toArray(), highlights: await db.highlights.toArray(), notes: [] };
    await expect(listArticles(db)).resolves.toBeDefined();
    expect(() => exportW3c(data)).not.toThrow();
    expect(() => exportMarkdownFiles(data)).not.toThrow();
  });
});

describe('finding 7: imported article URLs are http(s) only', () => {
  it.each(['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', '/relative/path', 'chrome://settings'])(
    'a backup with the article URL %s is refused',
    async (url) => {
      const db = await freshDb();
      expect(await tryImport(db, backupText({ articles: [article({ url, pageUrl: url })] }))).toMatch(/url/);
      expect(await db.articles.count()).toBe(0);
    },
  );

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>'])('a W3C annotation on %s is refused', async (source) => {
    const db = await freshDb();
    const refused = await tryImport(db, w3c([{ id: 'urn:x:1', type: 'Annotation', body: 'a comment', target: source }]));
    expect(refused).toMatch(/source|url/);
    expect(await db.articles.count()).toBe(0);
  });
});

describe('also: duplicates, deep nesting and titles in Markdown', () => {
  it('refuses a W3C file with the same annotation id twice instead of reporting 2 added and storing 1', async () => {
    const db = await freshDb();
    const one = { id: 'urn:example:dup', type: 'Annotation', target: { source: URL, selector: { type: 'TextQuoteSelector', exact: 'cartoonish' } } };
    const refused = await tryImport(db, w3c([one, { ...one, target: { source: URL, selector: { type: 'TextQuoteSelector', exact: 'summit' } } }]));
    expect(refused).toMatch(/items\[1\]\.id: the same id as items\[0\]/);
    expect(await db.highlights.count()).toBe(0);
  });

  it('refuses a deeply nested annotation without an id with an import error, not a RangeError', async () => {
    const db = await freshDb();
    // Written as text: JSON.stringify itself cannot write 20,000 levels.
    const deep = `${'['.repeat(20_000)}"bottom"${']'.repeat(20_000)}`;
    const text = w3c([{ type: 'Annotation', target: { source: URL, selector: { type: 'TextQuoteSelector', exact: 'x' } }, extra: 'DEEP' }]).replace('"DEEP"', deep);
    const refused = await tryImport(db, text);
    expect(refused).toMatch(/nest/);
  });

  it('escapes an HTML title in the Markdown heading', async () => {
    const title = '<img src=x onerror=alert(1)> & <script>alert(2)</script>';
    const data = { articles: [article({ title })], highlights: [highlight({ quote: { type: 'TextQuoteSelector', exact: '<svg onload=alert(3)>', prefix: '', suffix: '' } })], notes: [] };
    for (const content of [exportMarkdownFiles(data)[0]!.content, exportMarkdownSingle(data).content]) {
      const body = content.replace(/^---[\s\S]*?\n---\n/, '').replace(/```yaml[\s\S]*?```/, '');
      // Only an unescaped `<` starts a tag.
      expect(body).not.toMatch(/(^|[^\\])<(img|script|svg)/im);
      expect(body).toContain('\\<img src=x onerror=alert(1)\\>');
    }
  });
});
