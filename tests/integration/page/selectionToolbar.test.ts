// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { startSelectionToolbar } from '../../../entrypoints/analyzer.content/selectionToolbar';
import { send } from '../../../components/platform/messaging';
import { fakeBackground, seedDocument, stubHighlights, watchInPageUi, useSeededPage } from './inPageUi';
import { articleContextOf } from './pageFixture';
import { fireTrusted } from './trustedEvents';

let ui: ReturnType<typeof watchInPageUi>;
let env: ReturnType<typeof seedDocument>;
useSeededPage((u, e) => {
  ui = u;
  env = e;
});

/** Selects the first `length` characters of the article paragraph that starts its text. */
function selectInArticle(text: string, length = 40): string {
  const first = text.trim().slice(0, 30);
  const node = [...document.querySelectorAll('p')].map((p) => p.firstChild).find((n) => n?.nodeType === 3 && n.textContent!.includes(first)) as Text;
  const start = node.data.indexOf(first);
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + length);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  return range.toString();
}

function setup(answers: Parameters<typeof fakeBackground>[0] = {}) {
  const context = articleContextOf(env);
  const record = { id: 'new-1', color: 'green' };
  const received = fakeBackground({
    'highlight/create': () => record,
    'highlight/update': () => record,
    'article/entities': () => ({ stored: true }),
    ...answers,
  });
  const highlights = stubHighlights();
  const openNote = vi.fn();
  const toolbar = startSelectionToolbar(env, { send, current: () => context, highlights, openNote, isOtherUi: () => false });
  const shown = () => ui.roots[0]?.querySelector('[role="toolbar"]') ?? null;
  const status = () => ui.roots[0]?.querySelector('[role="status"]')?.textContent ?? null;
  return { context, received, highlights, openNote, toolbar, shown, status };
}

describe('selection toolbar', () => {
  it('saves the selection as a highlight through the background, then paints again and clears the selection', async () => {
    const { context, received, highlights, toolbar } = setup();
    const selected = selectInArticle(context.article.text);
    expect(await toolbar.highlightSelection({ color: 'green' })).toEqual({ created: true, message: 'Highlighted.' });
    expect(received.map((m) => m.type)).toEqual(['highlight/create', 'article/entities']);
    const created = received[0]!.payload as { color: string; scope: string; quote: { exact: string }; article: { url: string; pageUrl: string } };
    expect(created.color).toBe('green');
    expect(created.scope).toBe('article');
    expect(created.quote.exact).toBe(selected.trim());
    expect(created.article).toMatchObject({ url: context.article.canonicalUrl, pageUrl: window.location.href });
    expect(highlights.refreshes).toBe(1);
    expect(document.getSelection()!.isCollapsed).toBe(true);
  });

  it('opens the new highlight\'s note for "Add note", and re-attaches an orphan with highlight/update', async () => {
    const { context, received, openNote, toolbar } = setup();
    selectInArticle(context.article.text);
    await toolbar.highlightSelection({ color: 'yellow', openNote: true });
    expect(openNote).toHaveBeenCalledWith('new-1');
    selectInArticle(context.article.text);
    expect(await toolbar.highlightSelection({ reattachId: 'orphan-1' })).toEqual({ created: true, message: 'Highlight re-attached.' });
    expect(received.at(-1)).toMatchObject({ type: 'highlight/update', payload: { id: 'orphan-1' } });
  });

  it("shows the background's refusal in the toolbar and keeps the selection", async () => {
    const { context, toolbar, status } = setup({ 'highlight/create': () => ({ error: { code: 'forbidden', message: 'Not on this site.' } }) });
    selectInArticle(context.article.text);
    expect(await toolbar.highlightSelection({})).toEqual({ created: false, message: 'Not on this site.' });
    expect(status()).toBe('Not on this site.');
    expect(document.getSelection()!.isCollapsed).toBe(false);
  });

  it('asks for a selection when there is none, and writes nothing', async () => {
    const { received, toolbar, status } = setup();
    document.getSelection()!.removeAllRanges();
    expect(await toolbar.highlightSelection({})).toEqual({ created: false, message: 'Select text in the article first.' });
    expect(status()).toBe('Select text in the article first.');
    expect(received).toEqual([]);
  });

  it("is offered after the reader's mouse selection, not a page script's, and goes when the selection collapses", async () => {
    const { context, shown } = setup();
    selectInArticle(context.article.text);
    document.body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(shown()).toBeNull();
    fireTrusted(document.body, 'mouseup', {}, 'MouseEvent');
    await expect.poll(shown).not.toBeNull();
    document.getSelection()!.removeAllRanges();
    fireTrusted(document, 'selectionchange');
    expect(shown()).toBeNull();
  });
});
