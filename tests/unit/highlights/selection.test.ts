import { JSDOM } from 'jsdom';
import { describe as suite, expect, it } from 'vitest';
import { MAX_SELECTION_LENGTH, offsetsToHighlight, selectionToOffsets, type RangeOffsetIndex } from '../../../utils/highlights/selection';

const html = `<main><article id="a"><p id="p1">Of course, the artillery and weapons that Putin evidently wants from Kim are very real.</p>
<p id="p2">So is Putin’s apparent sense that he doesn’t have too many international options.</p></article>
<aside id="side">Most read</aside><input id="i" value="search text"><textarea id="t">draft</textarea>
<div contenteditable="true" id="ce"><span id="ces">editable words</span></div><div contenteditable="false" id="cf">not editable</div></main>`;

function setup() {
  const { window } = new JSDOM(html);
  const doc = window.document;
  const article = doc.getElementById('a')!;
  const text = [doc.getElementById('p1')!.textContent!, doc.getElementById('p2')!.textContent!].join('\n\n');
  // A minimal stand-in for buildLiveIndex, walking the same two paragraphs: offsets of a range inside the article.
  const index: RangeOffsetIndex = {
    fromRange(range) {
      if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) return null;
      const offsetOf = (node: Node, offset: number): number => {
        const p = (node.nodeType === 3 ? node.parentElement : (node as Element))!.closest('p')!;
        const base = p.id === 'p1' ? 0 : doc.getElementById('p1')!.textContent!.length + 2;
        return base + (node.nodeType === 3 ? offset : 0);
      };
      return { start: offsetOf(range.startContainer, range.startOffset), end: offsetOf(range.endContainer, range.endOffset) };
    },
  };
  const rangeIn = (id: string, start: number, end: number, endId = id): Range => {
    const r = doc.createRange();
    r.setStart(doc.getElementById(id)!.firstChild!, start);
    r.setEnd(doc.getElementById(endId)!.firstChild!, end);
    return r;
  };
  return { doc, text, index, rangeIn };
}

suite('selectionToOffsets', () => {
  it('maps a selection in the article to offsets, trimmed of edge whitespace', () => {
    const { text, index, rangeIn } = setup();
    const r = rangeIn('p1', 10, 25); // " the artillery " with a leading space
    const result = selectionToOffsets(r, index, text);
    expect(result).toEqual({ ok: true, start: 11, end: 24 });
    if (result.ok) expect(text.slice(result.start, result.end)).toBe('the artillery');
  });

  it('accepts a selection across paragraphs', () => {
    const { text, index, rangeIn } = setup();
    const result = selectionToOffsets(rangeIn('p1', 70, 10, 'p2'), index, text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(text.slice(result.start, result.end)).toContain('very real.\n\nSo is Put');
  });

  it('rejects a collapsed selection', () => {
    const { text, index, rangeIn } = setup();
    expect(selectionToOffsets(rangeIn('p1', 5, 5), index, text)).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('rejects a whitespace-only selection', () => {
    const { text, index, rangeIn } = setup();
    expect(selectionToOffsets(rangeIn('p1', 10, 11), index, text)).toMatchObject({ ok: false, reason: 'whitespace' });
  });

  it('rejects selections in inputs, textareas and contenteditable, but not contenteditable=false', () => {
    const { doc, text, index } = setup();
    const inEditable = doc.createRange();
    inEditable.setStart(doc.getElementById('ces')!.firstChild!, 0);
    inEditable.setEnd(doc.getElementById('ces')!.firstChild!, 8);
    expect(selectionToOffsets(inEditable, index, text)).toMatchObject({ ok: false, reason: 'editable', message: expect.any(String) });
    const inTextarea = doc.createRange();
    inTextarea.setStart(doc.getElementById('t')!.firstChild!, 0);
    inTextarea.setEnd(doc.getElementById('t')!.firstChild!, 3);
    expect(selectionToOffsets(inTextarea, index, text)).toMatchObject({ ok: false, reason: 'editable' });
    const inInput = doc.createRange();
    inInput.selectNode(doc.getElementById('i')!);
    expect(selectionToOffsets(inInput, index, text)).toMatchObject({ ok: false, reason: 'editable' });
    const notEditable = doc.createRange();
    notEditable.setStart(doc.getElementById('cf')!.firstChild!, 0);
    notEditable.setEnd(doc.getElementById('cf')!.firstChild!, 3);
    expect(selectionToOffsets(notEditable, index, text)).toMatchObject({ ok: false, reason: 'outside-article' });
  });

  it('rejects a selection outside the article', () => {
    const { doc, text, index } = setup();
    const r = doc.createRange();
    r.selectNodeContents(doc.getElementById('side')!);
    expect(selectionToOffsets(r, index, text)).toMatchObject({ ok: false, reason: 'outside-article' });
  });

  it('turns an index that throws into "outside the article", not an exception', () => {
    const { text, rangeIn } = setup();
    const broken: RangeOffsetIndex = {
      fromRange() {
        throw new Error('detached');
      },
    };
    expect(selectionToOffsets(rangeIn('p1', 0, 5), broken, text)).toMatchObject({ ok: false, reason: 'outside-article' });
  });
});

suite('offsetsToHighlight', () => {
  const text = 'word '.repeat(20_000); // 100,000 chars

  it('rejects more than 50,000 characters and accepts exactly 50,000', () => {
    expect(offsetsToHighlight(text, 0, MAX_SELECTION_LENGTH + 5)).toMatchObject({ ok: false, reason: 'too-long' });
    expect(offsetsToHighlight(text, 0, MAX_SELECTION_LENGTH)).toMatchObject({ ok: true, start: 0 });
  });

  it('rejects offsets outside the text', () => {
    expect(offsetsToHighlight('short', 2, 9)).toMatchObject({ ok: false, reason: 'outside-article' });
    expect(offsetsToHighlight('short', -1, 2)).toMatchObject({ ok: false, reason: 'outside-article' });
  });
});
