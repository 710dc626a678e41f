// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, useAutosave } from '../../../components/highlights/useAutosave';

function Field({ value, save }: { value: string; save(text: string): void }) {
  const field = useAutosave(value, save);
  return (
    <label>
      Note
      <textarea {...field.bind} />
    </label>
  );
}

/** Types text one character at a time, as input events with the field's growing value. */
function type(field: HTMLElement, text: string) {
  const area = field as HTMLTextAreaElement;
  for (const char of text) {
    area.value += char;
    fireEvent.input(area);
  }
}

describe('useAutosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('saves once, after the reader stops typing, with the whole text', () => {
    const save = vi.fn();
    render(<Field value="" save={save} />);
    const area = screen.getByRole('textbox', { name: 'Note' });
    type(area, 'Kim');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    type(area, ' Jong-un');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save.mock.calls).toEqual([['Kim Jong-un']]);
  });

  it('loses no keystroke when unmounted mid-debounce', () => {
    const save = vi.fn();
    const { unmount } = render(<Field value="Putin" save={save} />);
    type(screen.getByRole('textbox'), ' and Kim');
    unmount();
    expect(save.mock.calls).toEqual([['Putin and Kim']]);
    // The flushed keystrokes are not saved a second time by the stale timer.
    vi.runAllTimers();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flushes on blur, on pagehide and when the page is hidden', () => {
    const save = vi.fn();
    render(<Field value="" save={save} />);
    const area = screen.getByRole('textbox');

    fireEvent.focus(area);
    type(area, 'a');
    fireEvent.blur(area);
    expect(save.mock.calls.at(-1)).toEqual(['a']);

    type(area, 'b');
    window.dispatchEvent(new Event('pagehide'));
    expect(save.mock.calls.at(-1)).toEqual(['ab']);

    type(area, 'c');
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    visibility.mockRestore();
    expect(save.mock.calls.at(-1)).toEqual(['abc']);
    expect(save).toHaveBeenCalledTimes(3);
  });

  it('does not save when nothing was typed', () => {
    const save = vi.fn();
    const { unmount } = render(<Field value="stored" save={save} />);
    fireEvent.blur(screen.getByRole('textbox'));
    window.dispatchEvent(new Event('pagehide'));
    unmount();
    vi.runAllTimers();
    expect(save).not.toHaveBeenCalled();
  });

  it('shows a change stored elsewhere, but never over the reader’s unsaved draft', () => {
    const save = vi.fn();
    const { rerender } = render(<Field value="one" save={save} />);
    const area = screen.getByRole<HTMLTextAreaElement>('textbox');

    rerender(<Field value="two (from another tab)" save={save} />);
    expect(area.value).toBe('two (from another tab)');

    type(area, '!');
    rerender(<Field value="three (from another tab)" save={save} />);
    expect(area.value).toBe('two (from another tab)!');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(save.mock.calls).toEqual([['two (from another tab)!']]);
  });

  it('keeps the draft while the field has focus, and catches up on blur when nothing was typed', () => {
    const save = vi.fn();
    const { rerender } = render(<Field value="one" save={save} />);
    const area = screen.getByRole<HTMLTextAreaElement>('textbox');
    fireEvent.focus(area);
    rerender(<Field value="two" save={save} />);
    expect(area.value).toBe('one');
    fireEvent.blur(area);
    expect(area.value).toBe('two');
    expect(save).not.toHaveBeenCalled();
  });
});
