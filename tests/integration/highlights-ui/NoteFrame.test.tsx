// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { type NoteFrameApi, NoteFrame } from '../../../components/toolbar/NoteFrame';
import { seedHighlight } from './helpers';

/** The note frame's page, with the protocol replaced by a recorder: it edits only the highlight its tab was granted. */
function setup(load: NoteFrameApi['load']) {
  const api = { load: vi.fn(load), update: vi.fn(async () => ({})), remove: vi.fn(async () => ({})), close: vi.fn(async () => ({})) };
  render(<NoteFrame api={api} />);
  return api;
}

afterEach(cleanup);
// Preact runs effects after the next frame, or after a 35 ms timer (hooks RAF_TIMEOUT) when no frame comes: an effect
// queued by a test's last render must run before this file's jsdom is torn down, or it throws "window is not
// defined" into the next file's run (seen once in CI under load).
afterAll(() => new Promise<void>((done) => setTimeout(done, 150)));

describe('NoteFrame', () => {
  it('shows the granted highlight’s note and saves edits and colour to that highlight only', async () => {
    const api = setup(async () => seedHighlight('The scene was practically cartoonish', { id: 'h-granted', color: 'green', note: 'Mickey Mouse' }));
    const field = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
    expect(field.value).toBe('Mickey Mouse');
    field.value = 'Mickey Mouse diplomacy';
    fireEvent.input(field);
    fireEvent.blur(field);
    expect(api.update).toHaveBeenCalledWith('h-granted', { note: 'Mickey Mouse diplomacy' });
    fireEvent.click(screen.getByRole('button', { name: 'Blue' }));
    expect(api.update).toHaveBeenLastCalledWith('h-granted', { color: 'blue' });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(api.close).toHaveBeenCalledTimes(1);
  });

  it('deletes, then closes', async () => {
    const api = setup(async () => seedHighlight('The scene was practically cartoonish', { id: 'h-granted' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(api.close).toHaveBeenCalledTimes(1));
    expect(api.remove).toHaveBeenCalledWith('h-granted');
  });

  it('says so, and offers no field, when the tab has no grant', async () => {
    setup(async () => {
      throw new Error('No note was opened on this page.');
    });
    expect((await screen.findByRole('alert')).textContent).toBe('No note was opened on this page.');
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
