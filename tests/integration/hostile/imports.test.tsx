// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryApp } from '../../../components/library/LibraryApp';
import { ImportError } from '../../../utils/library/importError';
import { parseLibraryFile } from '../../../utils/library/importLibraryFile';
import { applyImport } from '../../../utils/library/mergeImport';
import { seedLibrary } from '../../fixtures/library/seedLibrary';
import { fill, freshDb } from '../library/testDb';
import { dangerIn, HOSTILE_TEXT, HOSTILE_URLS } from './payloads';

/*
 * The hostile-input suite (issue #13), imports half: hand-made files with hostile text in every shown field, hostile
 * URLs, malformed and oversized records. Each is refused or rendered as text, and the library already saved is
 * exactly as it was afterwards.
 */

afterEach(cleanup);
const noYield = { yieldFn: async () => {} };
const NOW = Date.now();
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function hostileBackup(): string {
  const articles = HOSTILE_TEXT.map((t, i) => ({
    id: id(i + 1), url: `https://hostile.example/${i}`, pageUrl: `https://hostile.example/${i}`, title: t, byline: t, authors: [t], siteName: t, site: 'hostile.example',
    lang: 'en', publishedTime: null, excerpt: t, entities: [{ key: 'k', name: t, type: 'person', mentions: 1, qid: null }], entityKeys: ['k'], tags: [t.slice(0, 100)], createdAt: NOW - 1000, updatedAt: NOW - 1000,
  }));
  const highlights = HOSTILE_TEXT.map((t, i) => ({
    id: id(100 + i), articleId: id(i + 1), url: `https://hostile.example/${i}`, quote: { type: 'TextQuoteSelector', exact: t, prefix: t.slice(0, 200), suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: t.length }, color: 'yellow', note: t, tags: [t.slice(0, 100)], anchorVersion: 1, createdAt: NOW - 500, updatedAt: NOW - 500,
  }));
  return JSON.stringify({ format: 'backstory-backup', version: 1, exportedAt: new Date(NOW).toISOString(), articles, highlights, notes: [] });
}

async function snapshot(db: Awaited<ReturnType<typeof freshDb>>) {
  return { articles: await db.articles.toArray(), highlights: await db.highlights.toArray(), notes: await db.notes.toArray() };
}

describe('hostile imports', () => {
  it('a file with hostile text in every shown field imports as text: the library renders no element, handler or bad URL', async () => {
    const db = await freshDb();
    await applyImport(db, (await parseLibraryFile(hostileBackup(), noYield)).data);
    const { container } = render(<LibraryApp db={db} openUrl={vi.fn()} download={vi.fn()} />);
    await waitFor(() => expect(screen.getByText(/11 saved articles/)).toBeTruthy(), { timeout: 10_000 });
    expect(dangerIn(container)).toEqual([]);
  });

  const malformed: Array<[string, (base: Record<string, unknown>) => unknown]> = [
    ...HOSTILE_URLS.map((url): [string, (b: Record<string, unknown>) => unknown] => [`article URL ${url}`, (b) => ({ ...b, articles: [{ ...(b.articles as object[])[0]!, url }] })]),
    ['a 2 MB title', (b) => ({ ...b, articles: [{ ...(b.articles as object[])[0]!, title: 'x'.repeat(2_000_000) }] })],
    ['a createdAt of 1e308', (b) => ({ ...b, articles: [{ ...(b.articles as object[])[0]!, createdAt: 1e308 }] })],
    ['a string where the tags go', (b) => ({ ...b, articles: [{ ...(b.articles as object[])[0]!, tags: '<script>' }] })],
    ['a highlight on an article that does not exist', (b) => ({ ...b, highlights: [{ ...(b.highlights as object[])[0]!, articleId: id(999) }] })],
    ['100,001 tags', (b) => ({ ...b, articles: [{ ...(b.articles as object[])[0]!, tags: Array.from({ length: 100_001 }, (_, i) => `t${i}`) }] })],
  ];

  it.each(malformed)('a file with %s is refused and the saved library is untouched', async (_label, mutate) => {
    const db = await freshDb();
    await fill(db, seedLibrary());
    const before = await snapshot(db);
    const base = JSON.parse(hostileBackup()) as Record<string, unknown>;
    const text = JSON.stringify(mutate(base));
    await expect(parseLibraryFile(text, noYield).then((parsed) => applyImport(db, parsed.data))).rejects.toBeInstanceOf(ImportError);
    expect(await snapshot(db)).toEqual(before);
  });
});
