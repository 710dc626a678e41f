import { describe, expect, it } from 'vitest';
import { contentWords, mentionWindows, searchTerms } from '../../../utils/knowledge/articleContext';
import { headMatch, pickCandidate, scoreCandidate } from '../../../utils/knowledge/pickCandidate';
import type { WikiPage } from '../../../utils/knowledge/wikiPage';

const page = (title: string, description: string, extract = ''): WikiPage => ({
  title,
  pageid: 1,
  qid: null,
  description,
  disambiguation: false,
  extractHtml: extract ? `<p>${extract}</p>` : null,
  thumbnail: null,
  coordinates: null,
  url: null,
  index: null,
});

describe('candidate choice', () => {
  it('title heads: the name itself, the name inside the title, or neither', () => {
    expect(headMatch('Khasan, Primorsky Krai', ['Khasan'])).toBe(2);
    expect(headMatch('Mercury (planet)', ['Mercury'])).toBe(2);
    expect(headMatch('Lake Khasan', ['Khasan'])).toBe(1);
    expect(headMatch('Khasansky District', ['Khasan'])).toBe(0);
  });

  it('context words favour the candidate whose lead fits the article', () => {
    const near = contentWords('stepped out of his armored train at a railway station in the eastern Russian town of Khasan near the border with China');
    const town = scoreCandidate(page('Khasan, Primorsky Krai', 'Urban-type settlement in Primorsky Krai, Russia', 'Its railway station is the last Russian stop before the border with China.'), ['Khasan'], near, 'ok');
    const lake = scoreCandidate(page('Lake Khasan', 'Lake in Primorsky Krai, Russia', 'A small freshwater lake near the border with China.'), ['Khasan'], near, 'ok');
    expect(town.fit).toBeGreaterThan(lake.fit);
    expect(pickCandidate([lake, town])?.page.title).toBe('Khasan, Primorsky Krai');
  });

  it('refuses to guess between two equally good candidates, or a wrong type', () => {
    const near = contentWords('Mercury was mentioned.');
    const a = scoreCandidate(page('Mercury (planet)', 'Planet'), ['Mercury'], near, 'ok');
    const b = scoreCandidate(page('Mercury (element)', 'Chemical element'), ['Mercury'], near, 'ok');
    expect(pickCandidate([a, b])).toBeNull();
    const film = scoreCandidate(page('The Death of Stalin', '2017 film', 'A film about the death of Stalin.'), ['The Death of Stalin'], contentWords('the film about Stalin'), 'mismatch');
    expect(pickCandidate([film])).toBeNull();
  });
});

it('asks more agreement for a name with no page of its own than for a disambiguation', () => {
  const near = contentWords('the mayor of Springfield said the budget was late');
  const one = scoreCandidate(page('John Smith (mayor)', 'American politician', 'John Smith was mayor of Shelbyville.'), ['John Smith'], near, 'ok');
  expect(one.fit).toBe(1);
  expect(pickCandidate([one], 1)?.page.title).toBe('John Smith (mayor)');
  expect(pickCandidate([one], 2)).toBeNull();
});

describe('article context', () => {
  const text = 'MOSCOW: He arrived in Khasan by train. Khasan is near China’s border, far from Moscow and Russia’s capital.';
  it('finds the text around whole-word mentions only', () => {
    expect(mentionWindows(text, ['Khasan'], 10)).toHaveLength(2);
    expect(mentionWindows('Khasansky District', ['Khasan'], 10)).toHaveLength(0);
  });
  it('adds the neighbouring place name seen most often, ties going to the place the article mentions most', () => {
    const windows = mentionWindows(text, ['Khasan'], 80);
    // China and Russia are each seen once near Khasan; the article mentions Russia more (it comes first).
    expect(searchTerms('Khasan', windows, ['Khasan', 'Russia', 'China', 'Pyongyang'])).toBe('Khasan Russia');
    expect(searchTerms('Khasan', windows, ['Khasan', 'China', 'Russia', 'Pyongyang'])).toBe('Khasan China');
    expect(searchTerms('Khasan', windows, ['Khasan', 'China', 'Russia'], 2)).toBe('Khasan China Russia');
    expect(searchTerms('Khasan', [], ['China'])).toBe('Khasan');
  });
});
