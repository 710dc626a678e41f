import { JSDOM } from 'jsdom';
import { describe as suite, expect, it } from 'vitest';
import { entriesAtPoint, rectsContain } from '../../../utils/highlights/hitTest';

// The geometry (caretPositionFromPoint, highlightsFromPoint) needs a real layout engine and is tested in Chromium;
// here: which highlights contain a given character, with real DOM Ranges.
suite('entriesAtPoint', () => {
  const { window } = new JSDOM('<p id="p">Of course, the <b>artillery</b> and weapons are very real.</p>');
  const doc = window.document;
  const [t1, bold, t2] = Array.from(doc.getElementById('p')!.childNodes) as [Text, HTMLElement, Text];
  const tb = bold.firstChild as Text;
  const range = (sn: Node, so: number, en: Node, eo: number) => {
    const r = doc.createRange();
    r.setStart(sn, so);
    r.setEnd(en, eo);
    return r;
  };
  const outer = { id: 'outer', range: range(t1, 3, t2, 12) }; // "course, the artillery and weapons"
  const inner = { id: 'inner', range: range(tb, 0, tb, 9) }; // "artillery"

  it('returns every highlight containing the character, innermost first', () => {
    expect(entriesAtPoint([outer, inner], { node: tb, offset: 4 })).toEqual(['inner', 'outer']);
  });

  it('counts the first character of a range in and the position after its last out', () => {
    expect(entriesAtPoint([outer, inner], { node: tb, offset: 0 })).toEqual(['inner', 'outer']);
    expect(entriesAtPoint([outer], { node: t2, offset: 12 })).toEqual([]);
    expect(entriesAtPoint([outer], { node: t2, offset: 11 })).toEqual(['outer']);
    expect(entriesAtPoint([outer], { node: t1, offset: 2 })).toEqual([]);
  });

  it('ignores points in another document and invalid offsets', () => {
    const other = new JSDOM('<p>x</p>').window.document.querySelector('p')!.firstChild!;
    expect(entriesAtPoint([outer], { node: other, offset: 0 })).toEqual([]);
    expect(entriesAtPoint([outer], { node: tb, offset: 99 })).toEqual([]);
  });
});

suite('rectsContain', () => {
  const rects = [{ left: 10, right: 20, top: 100, bottom: 118 }];
  it('hits inside and on the edge, misses beside the line', () => {
    expect(rectsContain(rects, 15, 110)).toBe(true);
    expect(rectsContain(rects, 20.5, 118)).toBe(true);
    expect(rectsContain(rects, 40, 110)).toBe(false);
    expect(rectsContain(rects, 15, 130)).toBe(false);
    expect(rectsContain([], 15, 110)).toBe(false);
  });
});
