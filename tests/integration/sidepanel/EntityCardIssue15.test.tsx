// @vitest-environment jsdom
import { cleanup, fireEvent, render, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntitySections, type EntitySectionsProps } from '../../../components/entities/EntitySections';
import type { Entity } from '../../../utils/entities/types';
import type { KnowledgeCard, LinkResult } from '../../../utils/knowledge/types';
import { seriousViolations } from '../../support/axe';
import { byName, candidate, linked, seedEntities, seedKnowledge, seedText } from './seedData';

/*
 * The entity list and cards for issue 15: a picture that fails to load, facts as of the article's date with today's
 * value below, how a match was made with the one-click correction of a guess, why a name has no card, and the
 * details an opened card asks for.
 */

afterEach(cleanup);

function mount(knowledgeFor: Record<string, LinkResult | 'loading'>, extra: Partial<EntitySectionsProps> = {}) {
  const entities = seedEntities();
  const props: EntitySectionsProps = {
    entities,
    text: seedText,
    knowledge: { ...seedKnowledge(), ...knowledgeFor },
    lookupsState: 'on',
    onReveal: vi.fn<(start: number, end: number) => void>(),
    onChooseLink: vi.fn<(entity: Entity, title: string | null) => void>(),
    ...extra,
  };
  const result = render(<EntitySections {...props} />);
  const row = (name: string) => {
    const entity = byName(entities, name);
    return Array.from(result.container.querySelectorAll<HTMLElement>('li.entity')).find((li) => li.dataset.entityId === entity.id)!;
  };
  const open = (name: string) => {
    const toggle = row(name).querySelector<HTMLElement>('.entity-toggle')!;
    fireEvent.click(toggle);
    return document.getElementById(toggle.getAttribute('aria-controls')!)!;
  };
  return { ...result, props, entities, row, open };
}

const putinId = () => byName(seedEntities(), 'Vladimir Putin').id;
const khasanId = () => byName(seedEntities(), 'Khasan').id;

describe('a picture that fails to load', () => {
  it('falls back to the initial-letter avatar in the row, and is left out of the card', () => {
    const { row, open } = mount({});
    const thumb = row('Vladimir Putin').querySelector<HTMLImageElement>('img.entity-thumb')!;
    expect(thumb).toBeTruthy();
    fireEvent.error(thumb);
    expect(row('Vladimir Putin').querySelector('img.entity-thumb')).toBeNull();
    expect(row('Vladimir Putin').querySelector('.entity-thumb-initial')?.textContent).toBe('V');
    const card = open('Vladimir Putin');
    const picture = card.querySelector<HTMLImageElement>('img.card-picture')!;
    fireEvent.error(picture);
    expect(card.querySelector('img.card-picture')).toBeNull();
    // Everything else of the card is still there.
    expect(within(card).getByText('President of Russia since 2012')).toBeTruthy();
  });
});

describe('facts as of the article’s date', () => {
  it('shows the date they hold for, and today’s value one line below where it differs', async () => {
    const dated: Partial<KnowledgeCard> = {
      factsAsOf: '2010-03-15',
      facts: [
        { kind: 'born', label: 'Born', value: '7 October 1952 (57 at the time)', now: 'age 74' },
        { kind: 'office', label: 'Office', value: 'Prime Minister of Russia (2008–2012)', now: 'President of Russia (since 2012)' },
        { kind: 'citizenship', label: 'Citizenship', value: 'Russia' },
      ],
    };
    const { open, container } = mount({ [putinId()]: linked('Vladimir Putin', ['Vladimir Putin'], dated) });
    const card = open('Vladimir Putin');
    expect(card.querySelector('.card-facts-date')?.textContent).toBe('As of 15 March 2010, the article’s date');
    const office = Array.from(card.querySelectorAll('.card-fact')).find((f) => f.querySelector('dt')?.textContent === 'Office')!;
    expect(office.querySelector('dd')?.firstChild?.textContent).toBe('Prime Minister of Russia (2008–2012)');
    expect(office.querySelector('.card-fact-now')?.textContent).toBe('now: President of Russia (since 2012)');
    const citizenship = Array.from(card.querySelectorAll('.card-fact')).find((f) => f.querySelector('dt')?.textContent === 'Citizenship')!;
    expect(citizenship.querySelector('.card-fact-now')).toBeNull();
    expect(card.querySelector('dl.card-facts')?.getAttribute('aria-label')).toBe('Key facts about Vladimir Putin as of 15 March 2010');
    expect(await seriousViolations(container)).toEqual([]);
  });
});

describe('how sure, and why', () => {
  it('says a match by exact title is one', () => {
    const r = { ...(linked('Vladimir Putin') as Extract<LinkResult, { status: 'linked' }>), match: { method: 'title' as const, asked: 'Vladimir Putin' } };
    const card = mount({ [putinId()]: r }).open('Vladimir Putin');
    expect(card.querySelector('.card-match-reason')?.textContent).toBe('Matched by its exact Wikipedia title, “Vladimir Putin”.');
    expect(card.querySelector('.card-match-fix')).toBeNull();
  });

  it('a guess from the context names its words and offers the other candidates in one click', async () => {
    const r: LinkResult = {
      ...(linked('Khasan, Primorsky Krai', ['Khasan, Primorsky Krai', 'Lake Khasan']) as Extract<LinkResult, { status: 'linked' }>),
      match: { method: 'context', asked: 'Khasan', via: 'Khasan', words: ['china', 'border'], candidates: 3 },
    };
    const { open, props, entities, container } = mount({ [khasanId()]: r });
    const card = open('Khasan');
    expect(card.querySelector('.card-match-reason')?.textContent).toBe(
      'A guess: “Khasan” has several meanings; Backstory picked one of 3 articles on that disambiguation page by the words “china”, “border” near its mentions.',
    );
    fireEvent.click(within(card).getByRole('button', { name: 'Lake Khasan' }));
    expect(props.onChooseLink).toHaveBeenLastCalledWith(byName(entities, 'Khasan'), 'Lake Khasan');
    fireEvent.click(within(card).getByRole('button', { name: 'None of these' }));
    expect(props.onChooseLink).toHaveBeenLastCalledWith(byName(entities, 'Khasan'), null);
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('a redirect and the reader’s own choice say so', () => {
    const redirect = { ...(linked('Kim Jong Un') as Extract<LinkResult, { status: 'linked' }>), match: { method: 'redirect' as const, asked: 'Kim Jong-un' } };
    const kim = byName(seedEntities(), 'Kim Jong Un').id;
    expect(mount({ [kim]: redirect }).open('Kim Jong Un').querySelector('.card-match-reason')?.textContent).toBe('Matched through “Kim Jong-un”, which Wikipedia leads to “Kim Jong Un”.');
    cleanup();
    const chosen = { ...(linked('Lake Khasan', ['Lake Khasan']) as Extract<LinkResult, { status: 'linked' }>), chosenByReader: true };
    expect(mount({ [khasanId()]: chosen }).open('Khasan').querySelector('.card-match-reason')?.textContent).toBe('You chose this article.');
  });

  it('says why a name has no card', () => {
    const { open } = mount({
      [khasanId()]: { status: 'unlinked', reason: 'no-confident-match', miss: 'ambiguous', candidates: [candidate('Lake Khasan')] },
      [putinId()]: { status: 'unlinked', reason: 'no-confident-match', miss: 'no-article', candidates: [] },
    });
    expect(open('Khasan').querySelector('.card-status')?.textContent).toMatch(/^“Khasan” has several meanings on Wikipedia, and the article does not say which\./);
    expect(open('Vladimir Putin').querySelector('.card-status')?.textContent).toMatch(/^Wikipedia has no article named “Vladimir Putin”\./);
  });
});

describe('an opened card’s details', () => {
  it('asks for them once opened, shows the lead’s place as loading meanwhile, not before', () => {
    const onOpen = vi.fn<(entity: Entity) => void>();
    const listOnly = linked('Vladimir Putin', ['Vladimir Putin'], { detailed: false, extractHtml: null });
    const { open, row, entities } = mount({ [putinId()]: listOnly }, { onOpen });
    expect(onOpen).not.toHaveBeenCalled();
    // The list row already has its description and picture.
    expect(row('Vladimir Putin').querySelector('.entity-description')?.textContent).toBe('President of Russia since 2012');
    const card = open('Vladimir Putin');
    expect(onOpen).toHaveBeenCalledWith(byName(entities, 'Vladimir Putin'));
    expect(card.querySelector('.card-details-loading')?.getAttribute('aria-busy')).toBe('true');
    // An opened card whose look-up is complete does not ask.
    onOpen.mockClear();
    open('China');
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('asks when the look-up answers after the card was opened', () => {
    const onOpen = vi.fn<(entity: Entity) => void>();
    const { open, rerender, props, entities } = mount({ [putinId()]: 'loading' }, { onOpen });
    open('Vladimir Putin');
    expect(onOpen).not.toHaveBeenCalled();
    rerender(<EntitySections {...props} knowledge={{ ...props.knowledge, [putinId()]: linked('Vladimir Putin', ['Vladimir Putin'], { detailed: false, extractHtml: null }) }} />);
    expect(onOpen).toHaveBeenCalledWith(byName(entities, 'Vladimir Putin'));
  });
});
