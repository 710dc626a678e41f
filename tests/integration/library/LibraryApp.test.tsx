// @vitest-environment jsdom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryApp } from '../../../components/library/LibraryApp';
import { seedLibrary } from '../../fixtures/library/seedLibrary';
import { serveBackground } from './background';
import { fill, freshDb } from './testDb';

afterEach(cleanup);
// Preact runs effects after the next frame, with a 35 ms timer as fallback that calls cancelAnimationFrame: on a
// loaded machine that timer can outlive jsdom's teardown and throw "cancelAnimationFrame is not defined" (seen in a
// full npm test run, #18). Let pending frames settle before the environment goes.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 100)));
// The index follows the database through liveQuery → sync → re-render; on the shared CI machine that can take
// seconds. This is a ceiling for waiting, not a timing assertion.
configure({ asyncUtilTimeout: 15_000 });

async function setup() {
  const db = await freshDb();
  await fill(db, seedLibrary());
  // The page writes through the background (#19): the real handlers answer it over the same database.
  const background = serveBackground(db);
  const openUrl = vi.fn();
  const downloads: Array<{ blob: Blob; name: string }> = [];
  const view = render(<LibraryApp db={db} openUrl={openUrl} download={(blob, name) => downloads.push({ blob, name })} />);
  await screen.findByText('2 saved articles');
  // The search index is ready once the hint disappears.
  await waitFor(() => expect(screen.queryByText('Preparing search…')).toBeNull());
  return { db, openUrl, downloads, view, background };
}

const articleItems = () => within(screen.getByRole('list', { name: 'Saved articles' })).getAllByRole('listitem').filter((li) => li.classList.contains('article'));
const titles = () => articleItems().map((li) => li.querySelector('h2')!.textContent);

async function search(text: string) {
  fireEvent.input(screen.getByLabelText('Search titles, highlights, notes and tags'), { target: { value: text } });
}

describe('library page', () => {
  it('lists saved articles newest first with site, date and counts; expands to highlights and notes', async () => {
    await setup();
    expect(titles()).toEqual(['Russia pulls out of Black Sea grain deal', 'Axis of outcasts: Putin and Kim’s cartoon summit']);
    const axis = articleItems()[1]!;
    expect(axis.textContent).toContain('The Daily Star');
    expect(axis.textContent).toContain('2 highlights');
    expect(axis.textContent).toContain('2 notes');
    const toggle = within(axis).getByRole('button', { name: /Show highlights and notes of “Axis of outcasts/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const highlights = await within(axis).findByRole('list', { name: 'Highlights' });
    expect(within(highlights).getAllByRole('listitem').filter((li) => li.classList.contains('highlight')).map((li) => li.querySelector('blockquote')!.textContent)).toEqual([
      'The scene was practically cartoonish, as if Mickey Mouse had donned a suit to talk war with Donald Duck.',
      'a slap in the face for Chinese President Xi Jinping, who has worked for years to keep Kim in line',
    ]);
    expect(within(axis).getByRole('img', { name: 'yellow highlight' })).toBeTruthy();
    expect(within(axis).getByText(/Russia needs shells/)).toBeTruthy();
  });

  it('opens an article in a tab', async () => {
    const { openUrl } = await setup();
    fireEvent.click(screen.getByRole('link', { name: 'Russia pulls out of Black Sea grain deal' }));
    expect(openUrl).toHaveBeenCalledWith('https://www.theguardian.com/world/2023/jul/17/russia-pulls-out-of-black-sea-grain-deal');
  });

  it('finds a highlight by a word of its note, with the match marked', async () => {
    await setup();
    await search('vladivostok');
    await waitFor(() => expect(screen.getByText('1 article matches')).toBeTruthy());
    const marks = [...document.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Vladivostok']);
    expect(document.querySelector('mark')!.closest('.note')).toBeTruthy();
  });

  it('filters by the entity “Kim Jong Un”', async () => {
    await setup();
    const mentions = screen.getByLabelText('Mentions');
    // Spelled as the article does, not as the stored entity name.
    fireEvent.change(mentions, { target: { value: 'kim jong-un' } });
    await waitFor(() => expect(titles()).toEqual(['Axis of outcasts: Putin and Kim’s cartoon summit']));
    expect(screen.getByText('1 article matches')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(titles()).toHaveLength(2));
  });

  it('filters by colour and site', async () => {
    await setup();
    fireEvent.change(screen.getByLabelText('Colour'), { target: { value: 'green' } });
    await waitFor(() => expect(titles()).toEqual(['Russia pulls out of Black Sea grain deal']));
    fireEvent.change(screen.getByLabelText('Colour'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Site'), { target: { value: 'www.thedailystar.net' } });
    await waitFor(() => expect(titles()).toEqual(['Axis of outcasts: Putin and Kim’s cartoon summit']));
  });

  it('adds a tag with autocomplete and writes it to the database', async () => {
    const { db } = await setup();
    await waitFor(() => expect([...document.querySelectorAll('#all-tags option')].map((o) => (o as HTMLOptionElement).value).sort()).toEqual(['follow up', 'imagery', 'north korea', 'russia']));
    const input = screen.getByLabelText('Add a tag (Tags of “Russia pulls out of Black Sea grain deal”)');
    expect(input.getAttribute('list')).toBe('all-tags');
    fireEvent.input(input, { target: { value: 'grain' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(async () => expect((await db.articles.get(seedLibrary().articles[1]!.id))!.tags).toEqual(['grain']));
    await waitFor(() => expect(screen.getByText('#grain')).toBeTruthy());
    // …and it is searchable at once (the index follows the database).
    await search('grain deal');
    await waitFor(() => expect(articleItems()[0]!.querySelector('.tag-match')?.textContent).toContain('grain'));
  });

  it('deletes an article with undo', async () => {
    const { db } = await setup();
    fireEvent.click(screen.getByRole('button', { name: /Delete “Axis of outcasts.*” with its highlights and notes/ }));
    await waitFor(() => expect(titles()).toEqual(['Russia pulls out of Black Sea grain deal']));
    expect(await db.highlights.count()).toBe(1);
    expect(screen.getByRole('status').textContent).toMatch(/Deleted “Axis of outcasts.*” with 2 highlights and 1 notes/);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(titles()).toHaveLength(2));
    expect(await db.highlights.count()).toBe(3);
    expect(await db.notes.count()).toBe(1);
  });

  it('deletes through the background, which tells the tabs showing the article (#19: a deleted highlight stayed painted)', async () => {
    const { background } = await setup();
    const axisUrl = seedLibrary().articles.find((a) => a.title.startsWith('Axis'))!.url;
    fireEvent.click(screen.getByRole('button', { name: /Delete “Axis of outcasts.*” with its highlights and notes/ }));
    await waitFor(() => expect(background.notified).toEqual([axisUrl]));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(background.notified).toEqual([axisUrl, axisUrl]));
  });

  it('renames and deletes a tag everywhere through the background, and says why a rename was refused', async () => {
    const { db, background } = await setup();
    fireEvent.click(screen.getByText(/^Manage tags/));
    fireEvent.click(await screen.findByRole('button', { name: 'Rename tag imagery' }));
    fireEvent.input(screen.getByLabelText('New name for tag imagery'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('#imagery was not renamed: A tag cannot be empty.'));
    fireEvent.click(screen.getByRole('button', { name: 'Rename tag imagery' }));
    fireEvent.input(screen.getByLabelText('New name for tag imagery'), { target: { value: 'satellite' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Renamed #imagery to #satellite on 1 items.'));
    const tagged = seedLibrary().highlights.find((h) => h.tags.includes('imagery'))!;
    expect((await db.highlights.get(tagged.id))!.tags).toEqual(['satellite']);
    // The highlight's article is shown in a tab, perhaps: the background told the tabs.
    expect(background.notified).toEqual([tagged.url]);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete tag satellite everywhere' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Removed #satellite from 1 items.'));
    expect((await db.highlights.get(tagged.id))!.tags).toEqual([]);
  });

  it('deletes everything only after confirmation', async () => {
    const { db } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete everything?' });
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await db.articles.count()).toBe(2);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete everything' }));
    await waitFor(() => expect(screen.getByText('0 saved articles')).toBeTruthy());
    expect(await db.highlights.count()).toBe(0);
  });

  it('exports JSON, deletes everything, imports it back after a preview, and shows it all again', async () => {
    const { db, downloads } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'JSON backup' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toMatch(/^backstory-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await downloads[0]!.blob.text();
    fireEvent.click(screen.getByRole('button', { name: 'Markdown (one file)' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(await downloads[1]!.blob.text()).toContain('> The scene was practically cartoonish');

    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete everything' }));
    await waitFor(() => expect(screen.getByText('0 saved articles')).toBeTruthy());

    const input = screen.getByLabelText('Import a Backstory backup or W3C annotations (JSON)');
    fireEvent.change(input, { target: { files: [new File([text], 'backup.json', { type: 'application/json' })] } });
    const dialog = await screen.findByRole('dialog', { name: 'Import preview' });
    const rows = within(dialog).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['', 'New', 'Updated', 'Unchanged'],
      ['Articles', '2', '0', '0'],
      ['Highlights', '3', '0', '0'],
      ['Notes', '1', '0', '0'],
      ['Link choices', '1', '0', '0'],
      ['Saved copies', '0', '0', '0'],
    ]);
    expect(await db.articles.count()).toBe(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByText('2 saved articles')).toBeTruthy());
    expect(screen.getByRole('status').textContent).toMatch(/Imported backup\.json: 6 new, 0 updated/);
    await search('kim');
    await waitFor(() => expect(titles()).toEqual(['Axis of outcasts: Putin and Kim’s cartoon summit']));
  });

  it('refuses a bad file with what and where, and changes nothing', async () => {
    const { db } = await setup();
    const backup = { format: 'backstory-backup', version: 1, exportedAt: '2026-11-29T08:00:00Z', ...seedLibrary() };
    (backup.highlights[1] as unknown as { color: string }).color = 'red';
    fireEvent.change(screen.getByLabelText('Import a Backstory backup or W3C annotations (JSON)'), { target: { files: [new File([JSON.stringify(backup)], 'bad.json')] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^highlights\[1\]\.color: expected .* got the string "red"/);
    expect(await db.highlights.count()).toBe(3);
  });

  it('has no axe violations', async () => {
    const { view } = await setup();
    fireEvent.click(articleItems()[1]!.querySelector('button.toggle')!);
    await screen.findByRole('list', { name: 'Highlights' });
    const results = await axe.run(view.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});

