// @vitest-environment jsdom
import { cleanup, configure, render, screen, waitFor } from '@testing-library/preact';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReaderApp } from '../../../components/reader/ReaderApp';
import { pageDb } from '../../../components/shared/pageDb';
import { contentHash } from '../../../utils/article/contentHash';
import { upsertArticle } from '../../../utils/db/articles';
import { describe as describeRange } from '../../../utils/highlights/describe';
import { lookupsEnabled } from '../../../components/platform/settings';
import { dangerIn, HOSTILE_TEXT, HOSTILE_URLS } from '../hostile/payloads';

/*
 * The reader view on a copy that came from a hostile backup: sanitised again on display, highlights painted through
 * the live page's anchoring (jsdom has no Custom Highlight API, so the paint falls back to <mark>s), orphans apart.
 */

afterEach(cleanup);
afterAll(() => new Promise((resolve) => setTimeout(resolve, 100)));
configure({ asyncUtilTimeout: 15_000 });

const URL_ = 'https://news.example/reader-test';
const TEXT = 'The summit opened on Monday in Khasan.\n\nOfficials said the talks covered grain, rockets and railways.';

async function seed(): Promise<{ articleId: string; highlightId: string; orphanId: string }> {
  const db = pageDb();
  await db.open();
  await Promise.all(['articles', 'copies', 'highlights', 'notes'].map((t) => db.table(t).clear()));
  const article = await upsertArticle(db, { url: URL_, pageUrl: URL_, title: 'Reader test', byline: null, authors: [], siteName: 'News', lang: 'en', publishedTime: null, excerpt: null });
  const hostile = [...HOSTILE_TEXT, ...HOSTILE_URLS.map((u) => `<a href="${u}">link</a><img src="${u}">`)].join('');
  // The payloads last: some are unclosed on purpose (mutation-XSS shapes), and swallow whatever follows them.
  const html = `<p>The summit opened on Monday in <em>Khasan</em>.</p><p onclick="window.__pwned=1">Officials said the talks covered grain, rockets and railways.</p>${hostile}`;
  const now = Date.now();
  await db.copies.add({
    id: crypto.randomUUID(), articleId: article.id, url: URL_, title: 'Reader test', byline: null, siteName: 'News', lang: 'en', dir: 'ltr',
    publishedTime: null, modifiedTime: null, excerpt: null, leadImage: null, html, text: TEXT, textOnly: false,
    contentHash: await contentHash(TEXT), extractedAt: now, bytes: 1, createdAt: now, updatedAt: now,
  });
  const start = TEXT.indexOf('grain, rockets');
  const make = (sel: ReturnType<typeof describeRange>, note: string) => ({
    id: crypto.randomUUID(), articleId: article.id, url: URL_, ...sel, color: 'green' as const, note, tags: [], anchorVersion: 1, scope: 'article' as const, structure: null, createdAt: now, updatedAt: now,
  });
  const highlight = make(describeRange(TEXT, start, start + 'grain, rockets'.length), 'my note on rockets');
  const orphan = make({ quote: { type: 'TextQuoteSelector', exact: 'a passage the copy never had in it at all', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 5, end: 46 } }, '');
  await db.highlights.bulkAdd([highlight, orphan]);
  return { articleId: article.id, highlightId: highlight.id, orphanId: orphan.id };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await lookupsEnabled.setValue(false);
});

describe('the reader view', () => {
  it('shows a hostile copy inert, with its highlight painted and its note beside it, and the orphan apart', async () => {
    const { articleId, highlightId } = await seed();
    const { container } = render(<ReaderApp articleId={articleId} focusHighlight={null} />);
    await screen.findByRole('heading', { name: 'Reader test' });
    const body = container.querySelector('.reader-body')!;
    await waitFor(() => expect(body.textContent).toContain('Officials said'));
    expect(dangerIn(body)).toEqual([]);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    await waitFor(() => expect([...body.querySelectorAll(`mark[data-backstory="${highlightId}"]`)].map((m) => m.textContent).join('')).toBe('grain, rockets'));
    expect(container.querySelector('.reader-side')!.textContent).toContain('my note on rockets');
    expect(container.querySelector('.hl-orphans')!.textContent).toContain('a passage the copy never had');
  });

  it('says so when no copy was kept, with the way to the live page', async () => {
    const { articleId } = await seed();
    await pageDb().copies.clear();
    render(<ReaderApp articleId={articleId} focusHighlight={null} />);
    await screen.findByText(/No copy of this article was kept/);
    expect(screen.getByRole('link', { name: 'Open the article on its site' }).getAttribute('href')).toBe(URL_);
  });
});
