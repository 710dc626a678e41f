// @vitest-environment jsdom
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { openWebTab } from '../../../components/shared/openWebTab';
import { LibraryApp } from '../../../components/library/LibraryApp';
import { seedLibrary } from '../../fixtures/library/seedLibrary';
import { fill, freshDb } from '../library/testDb';

/*
 * Issue #13, finding 7: imported article URLs were not checked, and javascript:/data: URLs reached the library's
 * links and tabs.create. Imports now refuse them, but records saved before that may still hold one: the library
 * must neither link nor open them.
 */

afterEach(cleanup);
afterAll(() => new Promise((resolve) => setTimeout(resolve, 100)));
configure({ asyncUtilTimeout: 15_000 });

describe('records saved before URLs were checked', () => {
  it('are listed by title but never linked or opened', async () => {
    const db = await freshDb();
    await fill(db, seedLibrary());
    const [first, second] = await db.articles.toArray();
    // Written straight to the database, as an old import did.
    await db.articles.update(first!.id, { url: 'javascript:alert(document.domain)' });
    await db.articles.update(second!.id, { url: 'data:text/html,<script>alert(1)</script>' });
    const openUrl = vi.fn();
    const { container } = render(<LibraryApp db={db} openUrl={openUrl} download={() => undefined} />);
    await screen.findByText('2 saved articles');
    await waitFor(() => expect(container.querySelectorAll('h2.article-title').length).toBe(2));
    expect([...container.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => !/^https?:/.test(h ?? ''))).toEqual([]);
    for (const heading of container.querySelectorAll('h2.article-title')) fireEvent.click(heading.firstElementChild ?? heading);
    expect(openUrl).not.toHaveBeenCalled();
  });

  it('never reach tabs.create', () => {
    const create = vi.fn();
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'chrome-extension://x/library.html', 'not a url']) {
      expect(openWebTab(url, create)).toBe(false);
    }
    expect(create).not.toHaveBeenCalled();
    expect(openWebTab('https://example.com/a', create)).toBe(true);
    expect(create).toHaveBeenCalledWith('https://example.com/a');
  });
});
