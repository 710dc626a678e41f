// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS } from '../../../components/highlights/useAutosave';
import { NotePopover, notePopoverCss } from '../../../components/toolbar/NotePopover';
import { expectAccessible } from '../../support/axe';

function setup(note = 'Putin needs shells') {
  const calls = { onChange: vi.fn(), onColorChange: vi.fn(), onDelete: vi.fn(), onClose: vi.fn() };
  const utils = render(<NotePopover highlightId="h-1" position={{ x: 10, y: 20 }} note={note} color="blue" {...calls} />);
  const field = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
  return { calls, field, ...utils };
}

function type(field: HTMLTextAreaElement, text: string) {
  for (const char of text) {
    field.value += char;
    fireEvent.input(field);
  }
}

// Preact's effect cleanup can run from a timer after jsdom's window is gone ("target.removeEventListener is not a
// function", seen in a full npm test run): let pending effects settle before the environment goes.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 100)));

describe('NotePopover', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('opens on the note, focused, and autosaves it after a pause', () => {
    const { calls, field } = setup();
    expect(screen.getByRole('dialog', { name: 'Highlight note' })).toBeTruthy();
    expect(document.activeElement).toBe(field);
    expect(field.value).toBe('Putin needs shells');
    type(field, ' from Kim');
    expect(calls.onChange).not.toHaveBeenCalled();
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(calls.onChange.mock.calls).toEqual([['Putin needs shells from Kim']]);
  });

  it('saves the last keystrokes when it closes on Escape, on blur and when unmounted', () => {
    const { calls, field, unmount } = setup('');
    type(field, 'a');
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(calls.onChange.mock.calls).toEqual([['a']]);
    expect(calls.onClose).toHaveBeenCalledTimes(1);

    type(field, 'b');
    fireEvent.blur(field);
    expect(calls.onChange.mock.calls.at(-1)).toEqual(['ab']);

    type(field, 'c');
    unmount();
    expect(calls.onChange.mock.calls.at(-1)).toEqual(['abc']);
    vi.runAllTimers();
    expect(calls.onChange).toHaveBeenCalledTimes(3);
  });

  it('never saves a draft onto another highlight when the caller switches highlights in place', () => {
    const { calls, field, rerender } = setup('');
    type(field, 'about Khasan');
    const onChangeOther = vi.fn();
    rerender(
      <NotePopover highlightId="h-2" position={{ x: 10, y: 20 }} note="other note" color="green" {...calls} onChange={onChangeOther} />,
    );
    expect(calls.onChange.mock.calls).toEqual([['about Khasan']]);
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' }).value).toBe('other note');
    vi.runAllTimers();
    expect(onChangeOther).not.toHaveBeenCalled();
  });

  it('switches colour, showing the current one as pressed', () => {
    const { calls } = setup();
    expect(screen.getByRole('button', { name: 'Blue' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Pink' }).getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Pink' }));
    fireEvent.click(screen.getByRole('button', { name: 'Blue' }));
    expect(calls.onColorChange.mock.calls).toEqual([['pink']]);
  });

  it('saves the pending note before deleting, so an undo restores it whole', () => {
    const { calls, field } = setup('');
    type(field, 'keep me');
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(calls.onChange.mock.calls).toEqual([['keep me']]);
    expect(calls.onDelete).toHaveBeenCalledTimes(1);
    expect(calls.onChange.mock.invocationCallOrder[0]!).toBeLessThan(calls.onDelete.mock.invocationCallOrder[0]!);
  });

  it('closes with the close button, and ships self-contained CSS', () => {
    const { calls } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(calls.onClose).toHaveBeenCalledTimes(1);
    expect(notePopoverCss).toContain(':host { all: initial; }');
    expect(notePopoverCss).not.toContain('var(--');
  });
});

describe('NotePopover accessibility', () => {
  afterEach(cleanup);
  it('has no serious violations', async () => {
    setup();
    await expectAccessible(document.body);
  });
});
