// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HighlightsPanel, type HighlightsPanelProps } from '../../../components/highlights/HighlightsPanel';
import type { HighlightColor } from '../../../utils/highlights/types';
import { AUTOSAVE_DELAY_MS } from '../../../components/highlights/useAutosave';
import { expectAccessible } from '../../support/axe';
import { seedHighlight } from './helpers';

// Three passages of the seed article, created out of reading order, and one whose paragraph was deleted.
const KHASAN = seedHighlight('stepped out of his armored train at a railway station in the eastern Russian town of Khasan', {
  id: 'h-khasan',
  color: 'green',
  note: 'Khasan is on the **border** with North Korea.',
  createdAt: 3,
});
const CARTOON = seedHighlight('as if Mickey Mouse had donned a suit to talk war with Donald Duck', { id: 'h-cartoon', color: 'pink', createdAt: 1 });
const NO_LIMITS = seedHighlight('declared a “no-limits partnership” with Putin a month before Russia’s full-scale invasion of Ukraine', {
  id: 'h-nolimits',
  createdAt: 2,
});
const ORPHAN = seedHighlight('the artillery and weapons that Putin evidently wants from Kim are very real', {
  id: 'h-orphan',
  note: 'Check the shell numbers',
  anchored: false,
});

function mocks() {
  return {
    onReveal: vi.fn<(id: string) => void>(),
    onChangeColor: vi.fn<(id: string, color: HighlightColor) => void>(),
    onChangeNote: vi.fn<(id: string, text: string) => void>(),
    onDelete: vi.fn<(id: string) => void>(),
    onUndo: vi.fn<() => void>(),
    onArticleNoteChange: vi.fn<(text: string) => void>(),
    onReattach: vi.fn<(id: string) => void>(),
  };
}

function props(overrides: Partial<HighlightsPanelProps> = {}): HighlightsPanelProps & ReturnType<typeof mocks> {
  return { highlights: [NO_LIMITS, ORPHAN, CARTOON, KHASAN], articleNote: '', undoLabel: null, ...mocks(), ...overrides } as HighlightsPanelProps &
    ReturnType<typeof mocks>;
}

/** The main list (reading order), not the orphans. */
function mainList() {
  return screen.getByRole('list', { name: /^Highlights/ });
}

function item(id: string): HTMLElement {
  const li = document.querySelector<HTMLElement>(`li[data-id="${id}"]`);
  if (!li) throw new Error(`no item ${id}`);
  return li;
}

function type(field: HTMLTextAreaElement, text: string) {
  for (const char of text) {
    field.value += char;
    fireEvent.input(field);
  }
}

afterEach(cleanup);

describe('HighlightsPanel', () => {
  it('lists anchored highlights in reading order, whatever order they come in, and orphans apart', () => {
    render(<HighlightsPanel {...props()} />);
    const ids = within(mainList())
      .getAllByRole('listitem')
      .map((li) => li.dataset.id);
    expect(ids).toEqual(['h-khasan', 'h-cartoon', 'h-nolimits']);
    const orphans = screen.getByRole('list', { name: "Couldn't find these on the page" });
    expect(within(orphans).getAllByRole('listitem').map((li) => li.dataset.id)).toEqual(['h-orphan']);
    expect(screen.getByRole('heading', { name: /Highlights \(4\)/ })).toBeTruthy();
  });

  it('reveals a highlight from its quote, which is a native button (so Enter and Space work too)', () => {
    const p = props();
    render(<HighlightsPanel {...p} />);
    const reveal = within(item('h-cartoon')).getByRole('button', { name: /Show in article: .*Mickey Mouse/ });
    expect(reveal.tagName).toBe('BUTTON');
    fireEvent.click(reveal);
    expect(p.onReveal).toHaveBeenCalledWith('h-cartoon');
  });

  it('truncates a long quote in the list and keeps the whole quote in its title', () => {
    const long = seedHighlight(
      'When North Korean leader Kim Jong-un stepped out of his armored train at a railway station in the eastern Russian town of Khasan for his recent meeting with President Vladimir Putin, I could not help but think of the satirical 2017 film The Death of Stalin.',
      { id: 'h-long' },
    );
    render(<HighlightsPanel {...props({ highlights: [long] })} />);
    const reveal = within(item('h-long')).getByRole('button', { name: /Show in article/ });
    const shown = reveal.querySelector('q')!.textContent!;
    expect(shown.length).toBeLessThanOrEqual(181);
    expect(shown.endsWith('…')).toBe(true);
    expect(long.quote.exact.startsWith(shown.slice(0, -1))).toBe(true);
    expect(reveal.title).toBe(long.quote.exact);
  });

  it('changes a colour with the item’s radio group', () => {
    const p = props();
    render(<HighlightsPanel {...p} />);
    const group = within(item('h-khasan')).getByRole('group', { name: /Colour of/ });
    expect(within(group).getByRole<HTMLInputElement>('radio', { name: 'Green' }).checked).toBe(true);
    fireEvent.click(within(group).getByRole('radio', { name: 'Purple' }));
    expect(p.onChangeColor).toHaveBeenCalledWith('h-khasan', 'purple');
  });

  it('renders the note as light Markdown', () => {
    render(<HighlightsPanel {...props()} />);
    const strong = item('h-khasan').querySelector('.hl-note-text strong');
    expect(strong?.textContent).toBe('border');
  });

  describe('note editing', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('autosaves a highlight’s note after a pause and returns focus when done', () => {
      const p = props();
      render(<HighlightsPanel {...p} />);
      fireEvent.click(within(item('h-cartoon')).getByRole('button', { name: /Add note/ }));
      const field = within(item('h-cartoon')).getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
      expect(document.activeElement).toBe(field);
      type(field, 'Satire, ');
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
      type(field, 'not reporting');
      expect(p.onChangeNote).not.toHaveBeenCalled();
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      expect(p.onChangeNote.mock.calls).toEqual([['h-cartoon', 'Satire, not reporting']]);

      fireEvent.click(within(item('h-cartoon')).getByRole('button', { name: 'Done' }));
      expect(document.activeElement).toBe(within(item('h-cartoon')).getByRole('button', { name: /Add note/ }));
    });

    it('saves the last keystrokes of a note when the panel goes away mid-debounce', () => {
      const p = props();
      const { unmount } = render(<HighlightsPanel {...p} />);
      fireEvent.click(within(item('h-khasan')).getByRole('button', { name: /Edit note/ }));
      const field = within(item('h-khasan')).getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
      expect(field.value).toBe(KHASAN.note);
      type(field, ' Tumen river.');
      unmount();
      expect(p.onChangeNote.mock.calls).toEqual([['h-khasan', `${KHASAN.note} Tumen river.`]]);
    });

    it('saves the note being typed before deleting its highlight', () => {
      const p = props();
      render(<HighlightsPanel {...p} />);
      fireEvent.click(within(item('h-cartoon')).getByRole('button', { name: /Add note/ }));
      type(within(item('h-cartoon')).getByRole('textbox', { name: 'Note' }), 'gone soon');
      fireEvent.click(within(item('h-cartoon')).getByRole('button', { name: /Delete highlight/ }));
      expect(p.onChangeNote.mock.calls).toEqual([['h-cartoon', 'gone soon']]);
      expect(p.onDelete).toHaveBeenCalledWith('h-cartoon');
      expect(p.onChangeNote.mock.invocationCallOrder[0]!).toBeLessThan(p.onDelete.mock.invocationCallOrder[0]!);
      vi.runAllTimers();
      expect(p.onChangeNote).toHaveBeenCalledTimes(1);
    });

    it('saves a note on pagehide (the side panel closing)', () => {
      const p = props();
      render(<HighlightsPanel {...p} />);
      fireEvent.click(within(item('h-nolimits')).getByRole('button', { name: /Add note/ }));
      type(within(item('h-nolimits')).getByRole('textbox', { name: 'Note' }), 'Feb 2022');
      window.dispatchEvent(new Event('pagehide'));
      expect(p.onChangeNote.mock.calls).toEqual([['h-nolimits', 'Feb 2022']]);
    });

    it('keeps the note being typed when the list updates from the database', () => {
      const p = props();
      const { rerender } = render(<HighlightsPanel {...p} />);
      fireEvent.click(within(item('h-cartoon')).getByRole('button', { name: /Add note/ }));
      type(within(item('h-cartoon')).getByRole('textbox', { name: 'Note' }), 'draft');
      // Another highlight changes colour elsewhere: a new array, new objects, as liveQuery delivers them.
      rerender(<HighlightsPanel {...p} highlights={[{ ...KHASAN, color: 'blue' }, { ...CARTOON }, { ...NO_LIMITS }, { ...ORPHAN }]} />);
      expect(within(item('h-cartoon')).getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' }).value).toBe('draft');
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      expect(p.onChangeNote.mock.calls).toEqual([['h-cartoon', 'draft']]);
    });

    it('saves an article-note draft to its own article when the panel moves to another article', () => {
      const first = props({ articleKey: 'article-a', articleNote: 'A' });
      const { rerender } = render(<HighlightsPanel {...first} />);
      type(screen.getByRole('textbox', { name: 'Your note on this article' }), ' draft');
      const second = props({ articleKey: 'article-b', articleNote: 'B', highlights: [] });
      rerender(<HighlightsPanel {...second} />);
      expect(first.onArticleNoteChange.mock.calls).toEqual([['A draft']]);
      expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Your note on this article' }).value).toBe('B');
      vi.runAllTimers();
      expect(second.onArticleNoteChange).not.toHaveBeenCalled();
    });

    it('autosaves the article note and flushes it on unmount', () => {
      const p = props({ articleNote: 'Compare with the Xi visit.' });
      const { unmount } = render(<HighlightsPanel {...p} />);
      const field = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Your note on this article' });
      expect(field.value).toBe('Compare with the Xi visit.');
      type(field, ' And Khrushcheva’s');
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      expect(p.onArticleNoteChange.mock.calls).toEqual([['Compare with the Xi visit. And Khrushcheva’s']]);
      type(field, ' other columns');
      unmount();
      expect(p.onArticleNoteChange.mock.calls.at(-1)).toEqual(['Compare with the Xi visit. And Khrushcheva’s other columns']);
      expect(p.onArticleNoteChange).toHaveBeenCalledTimes(2);
    });
  });

  it('deletes, moves focus to the heading, and shows an Undo toast while undoLabel is set', () => {
    const p = props();
    const { rerender } = render(<HighlightsPanel {...p} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');

    fireEvent.click(within(item('h-nolimits')).getByRole('button', { name: /Delete highlight/ }));
    expect(p.onDelete).toHaveBeenCalledWith('h-nolimits');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: /Highlights/ }));

    rerender(<HighlightsPanel {...p} highlights={[KHASAN, CARTOON, ORPHAN]} undoLabel="Highlight deleted" />);
    // The same live region, now with text: screen readers announce it.
    expect(screen.getByRole('status')).toBe(status);
    expect(status.textContent).toContain('Highlight deleted');
    fireEvent.click(within(status).getByRole('button', { name: 'Undo' }));
    expect(p.onUndo).toHaveBeenCalledTimes(1);

    rerender(<HighlightsPanel {...p} undoLabel={null} />);
    expect(within(status).queryByRole('button')).toBeNull();
  });

  it('lists orphans with their quote and note, to re-attach or delete', () => {
    const p = props();
    render(<HighlightsPanel {...p} />);
    const orphan = item('h-orphan');
    expect(orphan.textContent).toContain('the artillery and weapons that Putin evidently wants from Kim are very real');
    expect(orphan.textContent).toContain('Check the shell numbers');
    // An orphan has no place on the page: nothing to reveal.
    expect(within(orphan).queryByRole('button', { name: /Show in article/ })).toBeNull();
    fireEvent.click(within(orphan).getByRole('button', { name: /^Re-attach to selection/ }));
    expect(p.onReattach).toHaveBeenCalledWith('h-orphan');
    fireEvent.click(within(orphan).getByRole('button', { name: /^Delete highlight/ }));
    expect(p.onDelete).toHaveBeenCalledWith('h-orphan');
  });

  it('shows the empty state with the keyboard shortcut, and no orphans section', () => {
    render(<HighlightsPanel {...props({ highlights: [] })} />);
    expect(screen.getByText('Select text in the article to highlight it.')).toBeTruthy();
    const keys = Array.from(document.querySelectorAll('kbd')).map((k) => k.textContent);
    expect(keys).toEqual(['Alt', 'Shift', 'H']);
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByText("Couldn't find these on the page")).toBeNull();
    expect(screen.getByRole('heading', { name: 'Highlights' })).toBeTruthy();
  });

  it('renders hostile note text inert', () => {
    const hostile =
      '<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> ' +
      '[click me](javascript:window.__pwned=3) [data](data:text/html,<b>x</b>) <a href="javascript:alert(1)">a</a> ' +
      '**[fine](https://example.org/report)**';
    const evil = { ...CARTOON, note: hostile };
    render(<HighlightsPanel {...props({ highlights: [evil, { ...ORPHAN, note: hostile }] })} />);
    for (const id of ['h-cartoon', 'h-orphan']) {
      const note = item(id).querySelector('.hl-note-text')!;
      expect(note.querySelector('script, img, iframe, object, embed, [onerror]')).toBeNull();
      const links = Array.from(note.querySelectorAll('a'));
      expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/report']);
      expect(links[0]!.rel).toBe('noopener noreferrer nofollow');
      // What the reader typed is still there, as text.
      expect(note.textContent).toContain('<script>window.__pwned = 1</script>');
      expect(note.textContent).toContain('[click me](javascript:window.__pwned=3)');
    }
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('HighlightsPanel accessibility', () => {
  const states: Array<[string, Partial<HighlightsPanelProps>]> = [
    ['with highlights and an orphan', {}],
    ['empty', { highlights: [] }],
    ['only orphans', { highlights: [ORPHAN] }],
    ['with the undo toast', { undoLabel: 'Highlight deleted' }],
  ];
  for (const [name, overrides] of states) {
    it(`has no serious violations ${name}`, async () => {
      render(<HighlightsPanel {...props(overrides)} />);
      await expectAccessible(document.body);
    });
  }

  it('has no serious violations while a note is being edited', async () => {
    render(<HighlightsPanel {...props()} />);
    fireEvent.click(within(item('h-khasan')).getByRole('button', { name: /Edit note/ }));
    await expectAccessible(document.body);
  });

  it('names every button and field', () => {
    render(<HighlightsPanel {...props()} />);
    for (const control of screen.getAllByRole('button')) expect(control.textContent?.trim() || control.getAttribute('aria-label')).toBeTruthy();
    for (const field of screen.getAllByRole<HTMLTextAreaElement>('textbox')) expect(field.labels[0]?.textContent).toBeTruthy();
  });
});
