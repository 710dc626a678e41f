import { describe, expect, it } from 'vitest';
import { articleChanges } from '../../../utils/article/articleChanges';

const SAVED = [
  'The summit opened on Monday in Khasan.',
  'Officials said the talks covered grain, rockets and railways across the border.',
  'A third paragraph that the editors later removed entirely from the page.',
  'The closing paragraph stays the same.',
].join('\n\n');

const LIVE = [
  'The summit opened on Monday in Khasan.',
  'Officials said the talks covered grain, missiles and railways along the border.',
  'The closing paragraph stays the same.',
  'An update added at the end.',
].join('\n\n');

describe('articleChanges', () => {
  it('finds nothing when the texts are the same', () => {
    expect(articleChanges(SAVED, SAVED, [])).toEqual([]);
  });

  it('reports a reworded paragraph word by word, a removed one whole and an added one', () => {
    const changes = articleChanges(SAVED, LIVE, []);
    expect(changes.map((c) => c.kind)).toEqual(['changed', 'removed', 'added']);
    const reworded = changes[0]!;
    expect(reworded.parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['rockets', 'across']);
    expect(reworded.parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['missiles', 'along']);
    // The parts rebuild each version.
    expect(reworded.parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(SAVED.split('\n\n')[1]);
    expect(reworded.parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(LIVE.split('\n\n')[1]);
    expect(changes[1]!.parts[0]!.text).toBe(SAVED.split('\n\n')[2]);
    expect(changes[2]!.parts[0]!.text).toBe('An update added at the end.');
  });

  it('lists the paragraphs holding a highlight first', () => {
    const removedAt = SAVED.indexOf('A third paragraph');
    const changes = articleChanges(SAVED, LIVE, [{ start: removedAt + 2, end: removedAt + 10 }]);
    expect(changes[0]).toMatchObject({ kind: 'removed', highlighted: true });
    expect(changes.slice(1).every((c) => !c.highlighted)).toBe(true);
  });
});
