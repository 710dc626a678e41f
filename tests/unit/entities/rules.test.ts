import { describe, expect, it } from 'vitest';
import { findEntities } from '../../../utils/entities/findEntities';
import type { Entity } from '../../../utils/entities/types';

const find = (text: string, extra: { byline?: string } = {}): Entity[] => findEntities({ text, ...extra });
const byName = (es: Entity[], name: string): Entity | undefined => es.find((e) => e.name === name);
const names = (es: Entity[], type?: string): string[] => es.filter((e) => !type || e.type === type).map((e) => e.name);
const texts = (e: Entity | undefined): string[] => e?.mentions.map((m) => m.text) ?? [];

describe('candidate spotting', () => {
  it('ignores capitalised function words at the start of sentences', () => {
    const es = find('Indeed, the talks failed. But nobody was surprised. Moreover, Angela Merkel stayed home in Berlin.');
    expect(names(es)).toEqual(expect.arrayContaining(['Angela Merkel', 'Berlin']));
    expect(names(es)).not.toEqual(expect.arrayContaining(['Indeed']));
    expect(es.find((e) => /^(Indeed|But|Moreover)$/.test(e.name))).toBeUndefined();
  });

  it('keeps a sentence-initial name that the article uses elsewhere', () => {
    const es = find('Chancellor Olaf Scholz met the unions. Scholz said a deal was near.');
    expect(texts(byName(es, 'Olaf Scholz'))).toEqual(['Olaf Scholz', 'Scholz']);
  });

  it('drops an unknown capitalised word seen only at sentence starts', () => {
    const es = find('Economically, the plan is weak. Imported goods cost more. Nobody likes it.');
    expect(es).toEqual([]);
  });

  it('strips titles and honorifics from the name but uses them to type it', () => {
    const es = find('President Emmanuel Macron spoke first. Mr Haddad, a banker, spoke next, and Mr Haddad left early.');
    expect(byName(es, 'Emmanuel Macron')?.mentions[0]).toMatchObject({ text: 'Emmanuel Macron' });
    expect(byName(es, 'Haddad')?.type).toBe('person');
    expect(es.find((e) => /President|Mr/.test(e.name))).toBeUndefined();
  });

  it('uses a nationality word before a name as a person signal, not as part of the name', () => {
    const es = find('Chinese President Xi Jinping arrived on Monday. Xi will stay two days.');
    const xi = byName(es, 'Xi Jinping');
    expect(xi?.type).toBe('person');
    expect(texts(xi)).toEqual(['Xi Jinping', 'Xi']);
    expect(es.find((e) => e.name === 'Chinese')).toBeUndefined();
  });

  it('splits a run at an inner role title: a place, then a person', () => {
    const es = find('Zimbabwe President Robert Mugabe met Treasury Secretary Janet Yellen.');
    expect(byName(es, 'Zimbabwe')?.type).toBe('place');
    expect(byName(es, 'Robert Mugabe')?.type).toBe('person');
    expect(byName(es, 'Janet Yellen')?.type).toBe('person');
  });

  it('leaves the possessive out of the mention', () => {
    const text = 'Putin’s war and Russia’s economy worried Ed Davey. The Soviets’ plan failed.';
    const es = find(text);
    for (const e of es) for (const m of e.mentions) expect(m.text).not.toMatch(/[’']s?$/);
    expect(byName(es, 'Russia')?.mentions[0]).toEqual({ start: 16, end: 22, text: 'Russia' });
  });

  it('keeps hyphenated names and name particles whole', () => {
    const text =
      'North Korean leader Kim Jong-un wrote to Charles de Gaulle’s heirs. Crown Prince Mohammed bin Salman and Ursula von der Leyen met Luiz Inacio Lula da Silva.';
    const es = find(text);
    for (const n of ['Kim Jong-un', 'Charles de Gaulle', 'Mohammed bin Salman', 'Ursula von der Leyen', 'Luiz Inacio Lula da Silva']) {
      expect(byName(es, n)?.type, n).toBe('person');
    }
  });

  it('reads an all-caps dateline as a place and an all-caps byline as a person', () => {
    const text = 'By JANE DOE-SMITH\n\nKYIV, March 3 (Reuters) - Shelling hit Kharkiv overnight, officials said.\n';
    const es = find(text);
    expect(byName(es, 'Kyiv')).toMatchObject({ type: 'place', mentions: [{ start: text.indexOf('KYIV'), end: text.indexOf('KYIV') + 4, text: 'KYIV' }] });
    expect(byName(es, 'Jane Doe-Smith')?.type).toBe('person');
    expect(es.find((e) => e.type === 'person' && /kyiv|reuters/i.test(e.name))).toBeUndefined();
  });

  it('uses the byline to recognise the author’s all-caps line, and joins it with the bio', () => {
    const text = 'Headline here\n\nMARIA GARCIA LOPEZ\n\nThe port reopened in Valencia.\n\nMaria Garcia Lopez is a reporter.\n';
    const es = find(text, { byline: 'Maria Garcia Lopez' });
    const author = es.filter((e) => e.type === 'person');
    expect(author).toHaveLength(1);
    expect(texts(author[0])).toEqual(['MARIA GARCIA LOPEZ', 'Maria Garcia Lopez']);
  });
});

describe('gazetteer and demonyms', () => {
  it('knows countries, capitals and major cities from the packaged lists', () => {
    const es = find('Delegates flew from Nairobi to Ulaanbaatar via Chongqing, then on to Paraguay.');
    expect(names(es, 'place')).toEqual(expect.arrayContaining(['Nairobi', 'Ulaanbaatar', 'Chongqing', 'Paraguay']));
    expect(texts(byName(find('The court in The Hague ruled.'), 'The Hague'))).toEqual(['The Hague']);
  });

  it('resolves short forms to the country', () => {
    const es = find('Shells went to the US and to Britain, and the UK paid for them. The U.S. Navy escorted them.');
    expect(texts(byName(es, 'United States'))).toEqual(['US', 'U.S.']);
    expect(texts(byName(es, 'United Kingdom'))).toEqual(['Britain', 'UK']);
  });

  it('counts nationality words as the country only when asked', () => {
    const text = 'Russian officials and North Korean engineers met in Russia.';
    expect(texts(byName(find(text), 'Russia'))).toEqual(['Russia']);
    const withDemonyms = findEntities({ text }, { demonyms: true });
    expect(texts(byName(withDemonyms, 'Russia'))).toEqual(['Russian', 'Russia']);
    expect(texts(byName(withDemonyms, 'North Korea'))).toEqual(['North Korean']);
  });
});

describe('typing', () => {
  it('tells organisations and places from people by their last word', () => {
    const es = find('The Warsaw Pact collapsed. The Vostochny Cosmodrome and the Red Sea are far apart. Ivan Petrov teaches at The New School.');
    expect(byName(es, 'Warsaw Pact')?.type).toBe('organization');
    expect(byName(es, 'Vostochny Cosmodrome')?.type).toBe('place');
    expect(byName(es, 'Red Sea')?.type).toBe('place');
    expect(byName(es, 'The New School')?.type).toBe('organization');
    expect(byName(es, 'Ivan Petrov')?.type).toBe('person');
  });

  it('types an unknown single word by how the article uses it ("in Khasan", "town of Khasan")', () => {
    const es = find('The meeting in Khasan was brief. The town of Khasan is small. Khasan is near China.');
    expect(byName(es, 'Khasan')).toMatchObject({ type: 'place' });
    expect(byName(es, 'Khasan')?.mentions).toHaveLength(3);
  });

  it('never makes people of the names inside a work’s title', () => {
    const text =
      'He thought of the 2017 film The Death of Stalin. She is the co-author of In Putin’s Footsteps: Searching for the Soul of an Empire, and Joseph Stalin was not amused.';
    const es = find(text);
    const stalin = byName(es, 'Joseph Stalin');
    expect(stalin?.mentions.map((m) => m.start)).toEqual([text.lastIndexOf('Joseph Stalin')]);
    expect(es.find((e) => e.type === 'person' && /Putin|Death/.test(e.name))).toBeUndefined();
    expect(byName(es, 'The Death of Stalin')?.type).toBe('other');
    expect(es.find((e) => e.name === 'The Death')).toBeUndefined();
  });

  it('does not take a verb for a work cue ("polls show Biden ahead")', () => {
    const es = find('New polls show Biden ahead in Ohio, and they play Arsenal next.');
    expect(byName(es, 'Biden')).toBeUndefined(); // a bare unknown surname with no signal is left out…
    expect(es.find((e) => e.type === 'other')).toBeUndefined(); // …but not as a work title either
    const es2 = find('New polls show Joe Biden ahead in Ohio.');
    expect(byName(es2, 'Joe Biden')?.type).toBe('person');
  });

  it('marks fictional characters', () => {
    const es = find('It was as if Mickey Mouse had donned a suit to talk war with Donald Duck.');
    expect(es.filter((e) => e.type === 'person').every((e) => e.fictional === true)).toBe(true);
    expect(names(es)).toEqual(expect.arrayContaining(['Mickey Mouse', 'Donald Duck']));
  });
});

describe('grouping', () => {
  it('links a surname and a first name to the full name used elsewhere', () => {
    const es = find('Prime Minister Keir Starmer arrived. Starmer smiled; later Keir told reporters he was tired.');
    const starmer = byName(es, 'Keir Starmer');
    expect(texts(starmer)).toEqual(['Keir Starmer', 'Starmer', 'Keir']);
    expect(es.filter((e) => e.type === 'person')).toHaveLength(1);
  });

  it('splits "Putin-Kim" into a mention of each when both are named elsewhere, but keeps "Rolls-Royce" whole', () => {
    const text = 'Vladimir Putin met Kim Jong-un. The Putin-Kim summit ended. Rolls-Royce said nothing.';
    const es = find(text);
    const at = text.indexOf('Putin-Kim');
    expect(byName(es, 'Vladimir Putin')?.mentions).toContainEqual({ start: at, end: at + 5, text: 'Putin' });
    expect(byName(es, 'Kim Jong-un')?.mentions).toContainEqual({ start: at + 6, end: at + 9, text: 'Kim' });
    expect(es.find((e) => e.name === 'Rolls' || e.name === 'Royce')).toBeUndefined();
  });

  it('keeps people who share a surname apart, linking a bare surname to the nearest full name before it', () => {
    const text =
      'Ed Miliband spoke first. Miliband praised the plan. Then David Miliband answered, and Miliband disagreed.';
    const es = find(text);
    expect(texts(byName(es, 'Ed Miliband'))).toEqual(['Ed Miliband', 'Miliband']);
    expect(texts(byName(es, 'David Miliband'))).toEqual(['David Miliband', 'Miliband']);
    expect(byName(es, 'David Miliband')?.mentions[1]?.start).toBe(text.lastIndexOf('Miliband'));
  });

  it('reads "Washington" as the person when he is named, and as the place after "in"', () => {
    const text = 'Denzel Washington flew in on Sunday. Washington, 69, met fans in Washington before the show.';
    const es = find(text);
    const denzel = byName(es, 'Denzel Washington');
    expect(denzel?.mentions.map((m) => m.start)).toEqual([0, text.indexOf('Washington, 69')]);
    expect(byName(es, 'Washington')?.type).toBe('place');
    expect(byName(es, 'Washington')?.mentions.map((m) => m.start)).toEqual([text.lastIndexOf('Washington')]);
  });

  it('reads "Jordan" as the country and as a first name', () => {
    const es = find('King Abdullah II of Jordan met Jordan Henderson, who said Jordan had been kind.');
    expect(byName(es, 'Jordan')?.type).toBe('place');
    expect(byName(es, 'Jordan Henderson')?.type).toBe('person');
    expect(byName(es, 'Abdullah II')?.type).toBe('person');
  });

  it('sorts entities by mention count, then by first appearance', () => {
    const es = find('Paris and Rome. Rome again, and Rome. Paris again. Lisbon once.');
    expect(names(es)).toEqual(['Rome', 'Paris', 'Lisbon']);
  });

  it('derives a stable id from type and name', () => {
    const a = find('Vladimir Putin visited Pyongyang.');
    const b = find('Much later, Vladimir Putin visited Pyongyang again.');
    expect(a.map((e) => e.id)).toEqual(['person:vladimir-putin', 'place:pyongyang']);
    expect(b.map((e) => e.id)).toEqual(a.map((e) => e.id));
    expect(find('Reporters waited in São Paulo.')[0]?.id).toBe('place:sao-paulo');
  });
});

describe('words that look like names but are not', () => {
  it('keeps only the name in "Seattle-based" and "Kremlin-backed"', () => {
    const text = 'A Seattle-based fund and a Kremlin-backed channel sued Mercer Island-based Besecker Company.';
    const es = find(text);
    expect(byName(es, 'Seattle')?.mentions).toEqual([{ start: 2, end: 9, text: 'Seattle' }]);
    expect(es.find((e) => /based|backed/.test(e.name))).toBeUndefined();
  });

  it('does not make people of religious or ethnic group words', () => {
    const es = find('Islamists clashed with police, and Muslims and Christians prayed together in Tunis.');
    expect(names(es)).toEqual(['Tunis']);
  });

  it('does not call "X said" a person when X is made of ordinary words', () => {
    const text = 'Whole Foods said prices would fall. Shoppers want whole fish. Tom Forte said he doubted it.';
    const es = find(text);
    expect(es.find((e) => e.type === 'person' && e.name === 'Whole Foods')).toBeUndefined();
    expect(byName(es, 'Tom Forte')?.type).toBe('person');
  });

  it('needs a clue in more than one mention in four to type an unknown word as a place', () => {
    const text = Array.from({ length: 8 }, () => 'Acme reported sales.').join(' ') + ' Growth slowed in Acme’s stores.';
    expect(find(text).find((e) => e.name === 'Acme' && e.type === 'place')).toBeUndefined();
  });
});

describe('title signal', () => {
  it('uses full names in the headline to type and link short forms in the text, without counting them as mentions', () => {
    const text = 'GENEVA — Okonjo-Iweala thanked members on Friday and promised reform.';
    const title = 'Director-General Ngozi Okonjo-Iweala wins a second term';
    expect(findEntities({ text }).find((e) => e.type === 'person')).toBeUndefined();
    const es = findEntities({ text, title });
    const person = es.find((e) => e.type === 'person');
    expect(person?.name).toBe('Ngozi Okonjo-Iweala');
    expect(person?.mentions).toEqual([{ start: 9, end: 22, text: 'Okonjo-Iweala' }]);
  });
});

describe('no junk', () => {
  it('makes no entity of a bare title, page furniture, weekdays or months', () => {
    const text = 'The President said on Tuesday that March was cold.\n\nTags:\n\nSimilar News\n\nUpdate: 2023-10-02 05:30 GMT\n';
    expect(find(text)).toEqual([]);
  });
});
