// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntitySections, type EntitySectionsProps } from '../../../components/entities/EntitySections';
import type { Entity } from '../../../utils/entities/types';
import type { LinkResult } from '../../../utils/knowledge/types';
import { seriousViolations } from '../../support/axe';
import { byName, candidate, linked, seedEntities, seedKnowledge, seedText } from './seedData';

afterEach(cleanup);

function setup(name: string, knowledge?: LinkResult | 'loading', extra: Partial<EntitySectionsProps> = {}) {
  const entities = seedEntities();
  const entity = byName(entities, name);
  const all = seedKnowledge();
  const props: EntitySectionsProps = {
    entities,
    text: seedText,
    knowledge: knowledge === undefined ? all : { ...all, [entity.id]: knowledge },
    lookupsState: 'on',
    onReveal: vi.fn<(start: number, end: number) => void>(),
    onChooseLink: vi.fn<(entity: Entity, title: string | null) => void>(),
    ...extra,
  };
  const result = render(<EntitySections {...props} />);
  const row = Array.from(result.container.querySelectorAll<HTMLElement>('li.entity')).find((li) => li.dataset.entityId === entity.id)!;
  const toggle = row.querySelector<HTMLElement>('.entity-toggle')!;
  fireEvent.click(toggle);
  const card = document.getElementById(toggle.getAttribute('aria-controls')!)!;
  return { ...result, props, entity, toggle, card };
}

describe('the card of a linked entity', () => {
  it('shows Putin’s picture, description, key facts, first lines and the Wikipedia attribution', async () => {
    const { card, container } = setup('Vladimir Putin');
    const c = within(card);
    expect(c.getByText('President of Russia since 2012')).toBeTruthy();
    const facts = card.querySelector('dl.card-facts')!;
    const pairs = Array.from(facts.querySelectorAll('dt')).map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(pairs).toEqual([
      ['Born', '7 October 1952 (age 74)'],
      ['Office', 'President of Russia'],
      ['Citizenship', 'Russia'],
    ]);
    expect(card.querySelector('.card-extract')?.textContent).toMatch(/^Vladimir Vladimirovich Putin \(born 7 October 1952\)/);
    const picture = card.querySelector<HTMLImageElement>('img.card-picture')!;
    expect(picture.getAttribute('loading')).toBe('lazy');
    expect(picture.getAttribute('src')).toMatch(/Vladimir_Putin/);
    const source = c.getByRole('link', { name: /From Wikipedia/ });
    expect(source.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Vladimir_Putin');
    expect(source.getAttribute('target')).toBe('_blank');
    expect(source.getAttribute('rel')).toContain('noopener');
    expect(card.textContent).not.toContain('English Wikipedia');
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('notes when the card came from English Wikipedia as a fallback', () => {
    const { card } = setup('Vladimir Putin', linked('Vladimir Putin', ['Vladimir Putin'], { fellBackToEnglish: true }));
    expect(card.querySelector('.card-source')?.textContent).toMatch(/English Wikipedia/);
  });

  it('shows the Wikipedia title when it differs from the article’s name, and a place’s location', () => {
    const { card } = setup('Khasan');
    expect(within(card).getByText('Khasan, Primorsky Krai')).toBeTruthy();
    expect(within(card).getByText('Urban-type settlement in Primorsky Krai, Russia')).toBeTruthy();
    const terms = Array.from(card.querySelectorAll('dt')).map((dt) => dt.textContent);
    expect(terms).toEqual(['Country', 'Region', 'Location']);
    expect(Array.from(card.querySelectorAll('dd')).at(-1)?.textContent).toBe('42.43° N, 130.64° E');
  });

  it('labels a character Wikidata calls fictional', async () => {
    const { card, container } = setup('Mickey Mouse');
    expect(within(card).getByText('Fictional character')).toBeTruthy();
    expect(within(card).getByText('Disney cartoon character')).toBeTruthy();
    expect(await seriousViolations(container)).toEqual([]);
  });
});

describe('the card of an unlinked entity', () => {
  const unlinked: LinkResult = { status: 'unlinked', reason: 'no-confident-match', candidates: [] };

  it('says there is no confident match and links to a Wikipedia search for the name', async () => {
    const { card, container } = setup('Pyongyang', unlinked);
    expect(card.textContent).toContain('No confident match');
    const search = within(card).getByRole('link', { name: /Search Wikipedia for “Pyongyang”/ });
    expect(search.getAttribute('href')).toBe('https://en.wikipedia.org/w/index.php?search=Pyongyang');
    expect(search.getAttribute('target')).toBe('_blank');
    // No candidates: nothing to choose from.
    expect(within(card).queryByRole('combobox')).toBeNull();
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('searches the article’s language edition, and hands the search to onSearch when given', () => {
    const onSearch = vi.fn<(entity: Entity, url: string) => void>();
    const { card, entity } = setup('Vostochny Cosmodrome', unlinked, { lang: 'de-DE', onSearch });
    const search = within(card).getByRole('link', { name: /Search Wikipedia/ });
    expect(search.getAttribute('href')).toBe('https://de.wikipedia.org/w/index.php?search=Vostochny%20Cosmodrome');
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    search.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(onSearch).toHaveBeenCalledWith(entity, 'https://de.wikipedia.org/w/index.php?search=Vostochny%20Cosmodrome');
  });

  it('says when the reader chose none of the candidates, and lets them choose one', () => {
    const result: LinkResult = {
      status: 'unlinked',
      reason: 'reader-chose-none',
      candidates: [candidate('Khasan, Primorsky Krai'), candidate('Lake Khasan')],
    };
    const { card, entity, props } = setup('Khasan', result);
    expect(card.textContent).toContain('You chose none of the suggested articles.');
    const select = within(card).getByRole<HTMLSelectElement>('combobox', { name: 'Wikipedia article for Khasan' });
    expect(select.value).toBe('');
    fireEvent.change(select, { target: { value: 'Lake Khasan' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Use this' }));
    expect(props.onChooseLink).toHaveBeenCalledWith(entity, 'Lake Khasan');
  });
});

describe('link correction', () => {
  it('lists the candidates and "None of these", and reports the reader’s choice', async () => {
    const { card, entity, props, container } = setup('Khasan');
    fireEvent.click(within(card).getByText('Wrong match? Choose another article'));
    const select = within(card).getByRole<HTMLSelectElement>('combobox', { name: 'Wikipedia article for Khasan' });
    const options = within(select).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual([
      'Khasan, Primorsky Krai — Urban-type settlement in Primorsky Krai, Russia',
      expect.stringMatching(/^Lake Khasan — /),
      expect.stringMatching(/^Khasansky District — /),
      'None of these',
    ]);
    expect(select.value).toBe('Khasan, Primorsky Krai');
    // Changing the select alone does nothing: the arrow keys change a closed select in Chromium.
    fireEvent.change(select, { target: { value: 'Lake Khasan' } });
    expect(props.onChooseLink).not.toHaveBeenCalled();
    fireEvent.click(within(card).getByRole('button', { name: 'Use this' }));
    expect(props.onChooseLink).toHaveBeenLastCalledWith(entity, 'Lake Khasan');

    fireEvent.change(select, { target: { value: '' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Use this' }));
    expect(props.onChooseLink).toHaveBeenLastCalledWith(entity, null);
    expect(await seriousViolations(container)).toEqual([]);
  });
});

describe('after the reader relinks', () => {
  it('shows the chosen article, says the reader chose it, and the control shows the new link', () => {
    const { card, entity, props, rerender } = setup('Khasan');
    const relinked: LinkResult = {
      ...(linked('Lake Khasan', ['Khasan, Primorsky Krai', 'Lake Khasan', 'Khasansky District']) as Extract<LinkResult, { status: 'linked' }>),
      chosenByReader: true,
    };
    rerender(<EntitySections {...props} knowledge={{ ...props.knowledge, [entity.id]: relinked }} />);
    expect(card.querySelector('.card-title')?.textContent).toBe('Lake Khasan');
    expect(card.querySelector('.card-source')?.textContent).toContain('Chosen by you');
    expect(within(card).getByRole<HTMLSelectElement>('combobox').value).toBe('Lake Khasan');
  });
});

describe('mention navigation', () => {
  it('steps forward through every mention in order with Next, then wraps to the first', () => {
    const { card, entity, props } = setup('Vladimir Putin');
    const next = within(card).getByRole('button', { name: 'Next mention' });
    const status = within(card).getByRole('status');
    const n = entity.mentions.length;
    expect(status.textContent).toBe(`${n} mentions`);
    for (let i = 0; i < n; i++) {
      fireEvent.click(next);
      expect(status.textContent).toBe(`${i + 1} of ${n}`);
    }
    const calls = vi.mocked(props.onReveal).mock.calls;
    expect(calls).toEqual(entity.mentions.map((m) => [m.start, m.end]));
    for (const [start, end] of calls) expect(seedText.slice(start, end)).toMatch(/Putin/);
    fireEvent.click(next);
    expect(calls.at(-1)).toEqual([entity.mentions[0]!.start, entity.mentions[0]!.end]);
    expect(status.textContent).toBe(`1 of ${n}`);
  });

  it('steps backward with Previous: from the start it goes to the last mention', () => {
    const { card, entity, props } = setup('Kim Jong Un');
    const previous = within(card).getByRole('button', { name: 'Previous mention' });
    const last = entity.mentions.at(-1)!;
    fireEvent.click(previous);
    expect(props.onReveal).toHaveBeenLastCalledWith(last.start, last.end);
    expect(within(card).getByRole('status').textContent).toBe(`${entity.mentions.length} of ${entity.mentions.length}`);
    fireEvent.click(previous);
    const before = entity.mentions.at(-2)!;
    expect(props.onReveal).toHaveBeenLastCalledWith(before.start, before.end);
  });

  it('lists a snippet per mention with the mention marked; choosing one reveals it', () => {
    const { card, entity, props } = setup('Khasan');
    const list = within(card).getByRole('list', { name: 'Mentions of Khasan' });
    const items = within(list).getAllByRole('button');
    expect(items).toHaveLength(entity.mentions.length);
    for (const item of items) expect(item.querySelector('mark')?.textContent).toBe('Khasan');
    expect(items[2]!.textContent).toBe('And while Putin wants to signal that Russia, too, is a major player in the region – Khasan is near China’s border – he hardly wants to make an enemy of Xi.');

    fireEvent.click(items[1]!);
    const second = entity.mentions[1]!;
    expect(props.onReveal).toHaveBeenCalledWith(second.start, second.end);
    expect(items[1]!.getAttribute('aria-current')).toBe('true');
    expect(items[0]!.hasAttribute('aria-current')).toBe(false);
    expect(within(card).getByRole('status').textContent).toBe(`2 of ${entity.mentions.length}`);
    // Next continues from the chosen snippet.
    fireEvent.click(within(card).getByRole('button', { name: 'Next mention' }));
    expect(props.onReveal).toHaveBeenLastCalledWith(entity.mentions[2]!.start, entity.mentions[2]!.end);
  });

  it('keeps its position when the card is closed and opened again', () => {
    const { card, toggle } = setup('China');
    fireEvent.click(within(card).getByRole('button', { name: 'Next mention' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Next mention' }));
    fireEvent.click(toggle);
    fireEvent.click(toggle);
    expect(within(card).getByRole('status').textContent).toBe('2 of 3');
  });

  it('calls the newest onReveal the parent passed (callbacks are not captured stale)', () => {
    const { card, props, rerender, entity } = setup('China');
    const newer = vi.fn<(start: number, end: number) => void>();
    rerender(<EntitySections {...props} onReveal={newer} />);
    fireEvent.click(within(card).getByRole('button', { name: 'Next mention' }));
    expect(props.onReveal).not.toHaveBeenCalled();
    expect(newer).toHaveBeenCalledWith(entity.mentions[0]!.start, entity.mentions[0]!.end);
  });
});
