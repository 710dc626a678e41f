// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startNoteFrame } from '../../../entrypoints/analyzer.content/noteFrame';
import { send } from '../../../components/platform/messaging';
import { fakeBackground, seedDocument, stubHighlights, watchInPageUi, useSeededPage } from './inPageUi';
import { fireTrusted } from './trustedEvents';

let ui: ReturnType<typeof watchInPageUi>;
let env: ReturnType<typeof seedDocument>;
useSeededPage((u, e) => {
  ui = u;
  env = e;
});

function setup() {
  const received = fakeBackground({ 'note/open': () => ({ granted: true }) });
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('p')!);
  const highlights = stubHighlights({ h1: range });
  const note = startNoteFrame(env, { send, highlights, isOtherUi: () => false });
  const frame = () => ui.roots[0]?.querySelector('iframe') ?? null;
  return { received, note, frame };
}

describe('note frame', () => {
  it("asks the background for the grant, then frames the extension's note page next to the highlight", async () => {
    const { received, note, frame } = setup();
    note.open('h1');
    await expect.poll(frame).not.toBeNull();
    expect(received).toEqual([{ type: 'note/open', payload: { id: 'h1' } }]);
    expect(frame()!.src).toBe(fakeBrowser.runtime.getURL('/note-frame.html'));
    // Nothing about the note is in the frame's URL (issue #13).
    expect(new URL(frame()!.src).search).toBe('');
    expect(document.querySelector('backstory-ui')?.hasAttribute('data-backstory')).toBe(true);
    expect(note.close()).toBe(true);
    expect(frame()).toBeNull();
  });

  it("opens on the reader's click on a highlight, never on a page script's", async () => {
    const { received, frame } = setup();
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 5, clientY: 5 }));
    fireTrusted(document.body, 'click', { clientX: 5, clientY: 5 }, 'MouseEvent');
    await expect.poll(frame).not.toBeNull();
    expect(received).toHaveLength(1);
    fireTrusted(document, 'keydown', { key: 'Escape' }, 'KeyboardEvent');
    expect(frame()).toBeNull();
  });

  it('closes when its highlight is gone from the page (deleted elsewhere), and not before', async () => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('p')!);
    const placed: Record<string, Range> = { h1: range };
    fakeBackground({ 'note/open': () => ({ granted: true }) });
    const note = startNoteFrame(env, { send, highlights: stubHighlights(placed), isOtherUi: () => false });
    const frame = () => ui.roots[0]?.querySelector('iframe') ?? null;
    note.open('h1');
    await expect.poll(frame).not.toBeNull();
    expect(note.closeIfGone()).toBe(false);
    expect(frame()).not.toBeNull();
    delete placed.h1;
    expect(note.closeIfGone()).toBe(true);
    expect(frame()).toBeNull();
  });

  it('asks nothing for an id that is not one of the saved highlights', async () => {
    const { received, note } = setup();
    note.open('someone-elses');
    await Promise.resolve();
    expect(received).toEqual([]);
  });

  it('takes its host out of the page when the signal aborts', async () => {
    const { note, frame } = setup();
    note.open('h1');
    await expect.poll(frame).not.toBeNull();
    env.controller.abort();
    expect(document.querySelector('backstory-ui')).toBeNull();
  });
});
