// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { options, type VNode } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntitySections, type EntitySectionsProps } from '../../../components/entities/EntitySections';
import type { Entity } from '../../../utils/entities/types';
import type { LinkResult } from '../../../utils/knowledge/types';
import { seriousViolations } from '../../support/axe';
import { byName, linked, seedEntities, seedKnowledge, seedText } from './seedData';

afterEach(cleanup);

function renderSections(overrides: Partial<EntitySectionsProps> = {}) {
  const props: EntitySectionsProps = {
    entities: seedEntities(),
    text: seedText,
    knowledge: seedKnowledge(),
    lookupsState: 'on',
    onReveal: vi.fn(),
    onChooseLink: vi.fn(),
    ...overrides,
  };
  const result = render(<EntitySections {...props} />);
  return { ...result, props };
}

/** The toggle button of an entity's row. */
function rowToggle(name: string): HTMLElement {
  const toggle = screen
    .getAllByRole('button')
    .find((b) => b.classList.contains('entity-toggle') && b.querySelector('.entity-name')?.textContent === name);
  if (!toggle) throw new Error(`no row for ${name}`);
  return toggle;
}

/** The card region an expanded row controls. */
function cardOf(name: string): HTMLElement {
  const id = rowToggle(name).getAttribute('aria-controls');
  const card = id ? document.getElementById(id) : null;
  if (!card) throw new Error(`no card for ${name}`);
  return card;
}

/** Names listed in a section, in order. */
function namesIn(sectionName: RegExp): string[] {
  const section = screen.getByRole('region', { name: sectionName });
  return within(section)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.entity-name')?.textContent ?? '');
}

describe('the axe check itself', () => {
  it('reports a serious violation when there is one (a nameless button, an image without alt)', async () => {
    const { container } = render(
      <div>
        <button type="button" />
        <img src="https://upload.wikimedia.org/x.jpg" />
      </div>,
    );
    const found = await seriousViolations(container);
    expect(found.map((v) => v.split(':')[0])).toEqual(expect.arrayContaining(['button-name', 'image-alt']));
  });
});

describe('EntitySections: the lists', () => {
  it('lists people, places and organisations in labelled sections, most-mentioned first', () => {
    renderSections();
    const people = namesIn(/^People/);
    // Kim 18, Putin 16; Khrushcheva and Xi have 2 each: ties go in reading order, and the byline comes first.
    expect(people).toEqual(['Kim Jong Un', 'Vladimir Putin', 'Nina L. Khrushcheva', 'Xi Jinping']);
    const places = namesIn(/^Places/);
    // Russia 16, North Korea 10, then Khasan and China (3 each) in reading order, then the single mentions.
    expect(places.slice(0, 4)).toEqual(['Russia', 'North Korea', 'Khasan', 'China']);
    expect(places).toHaveLength(7);
    expect(namesIn(/^Organisations/)).toEqual(['United Nations Security Council']);
    // Each section has a heading naming it and a list inside.
    for (const name of [/^People/, /^Places/, /^Organisations/]) {
      const section = screen.getByRole('region', { name });
      expect(within(section).getByRole('heading', { level: 2 }).textContent).toMatch(name);
      expect(within(section).getByRole('list')).toBeTruthy();
    }
  });

  it('shows each row with its thumbnail (lazy), one-line description and mention count', () => {
    renderSections();
    const putin = rowToggle('Vladimir Putin');
    const entity = byName(seedEntities(), 'Vladimir Putin');
    expect(putin.textContent).toContain('President of Russia since 2012');
    expect(putin.querySelector('.entity-count .visually-hidden')?.textContent).toBe(`${entity.mentions.length} mentions`);
    const img = putin.querySelector('img')!;
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('src')).toMatch(/^https:\/\/upload\.wikimedia\.org\/.*Vladimir_Putin/);
    expect(img.getAttribute('alt')).toBe('');
    expect(putin.getAttribute('aria-expanded')).toBe('false');
    // Named by its visible content: the name first, then the description and the count in words (WCAG 2.5.3).
    expect(screen.getByRole('button', { name: /^Vladimir Putin\b/ })).toBe(putin);
    const name = putin.textContent!.replace(/\s+/g, ' ');
    expect(name).toContain('President of Russia since 2012');
    expect(name).toContain(`${entity.mentions.length} mentions`);
  });

  it('renders 200 entities as 200 rows in one plain list per section', () => {
    const seed = seedEntities().filter((e) => !e.fictional);
    const many: Entity[] = Array.from({ length: 200 }, (_, i) => {
      const base = seed[i % seed.length]!;
      return { ...base, id: `${base.id}#${i}`, name: `${base.name} ${i}` };
    });
    const { container } = renderSections({ entities: many, knowledge: {} });
    expect(container.querySelectorAll('li.entity')).toHaveLength(200);
    // Closed cards cost no snippets: nothing inside them is rendered.
    expect(container.querySelectorAll('.entity-card > *')).toHaveLength(0);
  });

  it('omits empty sections', () => {
    const placesOnly = seedEntities().filter((e) => e.type === 'place');
    renderSections({ entities: placesOnly });
    expect(screen.getByRole('region', { name: /^Places/ })).toBeTruthy();
    expect(screen.queryByRole('region', { name: /^People/ })).toBeNull();
    expect(screen.queryByRole('region', { name: /^Organisations/ })).toBeNull();
    expect(screen.queryByRole('region', { name: /^Fictional/ })).toBeNull();
  });

  it('says so when the article names no people or places, and passes axe', async () => {
    const { container } = renderSections({ entities: [], knowledge: {} });
    expect(screen.getByRole('heading', { name: 'No people or places found in this article' })).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('lists fictional characters in their own section, labelled as such, never among people', () => {
    renderSections();
    expect(namesIn(/^People/)).not.toContain('Mickey Mouse');
    expect(namesIn(/^Fictional characters/)).toEqual(['Mickey Mouse', 'Donald Duck']);
    expect(rowToggle('Mickey Mouse').textContent).toContain('Fictional character');
    fireEvent.click(rowToggle('Mickey Mouse'));
    expect(within(cardOf('Mickey Mouse')).getByText('Fictional character')).toBeTruthy();
  });

  it('moves a person Wikidata calls fictional to the characters section once the card arrives', () => {
    const entities = seedEntities();
    const xi = byName(entities, 'Xi Jinping');
    const knowledge: Record<string, LinkResult | 'loading'> = { ...seedKnowledge(), [xi.id]: 'loading' };
    const { rerender, props } = renderSections({ entities, knowledge });
    expect(namesIn(/^People/)).toContain('Xi Jinping');
    const next = { ...knowledge, [xi.id]: linked('Xi Jinping', ['Xi Jinping'], { fictional: true }) };
    rerender(<EntitySections {...props} knowledge={next} />);
    expect(namesIn(/^People/)).not.toContain('Xi Jinping');
    expect(namesIn(/^Fictional characters/)).toContain('Xi Jinping');
  });

  it('passes axe with every row closed and with a linked card open', async () => {
    const { container } = renderSections();
    expect(await seriousViolations(container)).toEqual([]);
    fireEvent.click(rowToggle('Vladimir Putin'));
    fireEvent.click(rowToggle('Khasan'));
    expect(await seriousViolations(container)).toEqual([]);
  });
});

describe('EntitySections: look-ups off, offline, loading', () => {
  it('shows skeletons while knowledge loads, then the description', async () => {
    const entities = seedEntities();
    const loading = Object.fromEntries(entities.map((e) => [e.id, 'loading' as const]));
    const { container, rerender, props } = renderSections({ entities, knowledge: loading });
    const putin = rowToggle('Vladimir Putin');
    expect(putin.querySelector('.entity-description-loading')).not.toBeNull();
    expect(putin.querySelector('img')).toBeNull();
    fireEvent.click(putin);
    const card = cardOf('Vladimir Putin');
    expect(within(card).getByText('Loading background…')).toBeTruthy();
    expect(card.querySelector('[aria-busy="true"]')).not.toBeNull();
    // Mentions can be stepped through while the background loads.
    expect(within(card).getByRole('button', { name: /next mention/i })).toBeTruthy();
    expect(await seriousViolations(container)).toEqual([]);

    rerender(<EntitySections {...props} knowledge={seedKnowledge()} />);
    expect(rowToggle('Vladimir Putin').querySelector('.entity-description-loading')).toBeNull();
    expect(within(cardOf('Vladimir Putin')).getByText('President of Russia since 2012')).toBeTruthy();
    expect(cardOf('Vladimir Putin').querySelector('[aria-busy="true"]')).toBeNull();
  });

  it('says look-ups are off and still lists every entity with its mentions', async () => {
    const { container } = renderSections({ knowledge: {}, lookupsState: 'off' });
    expect(screen.getByRole('status').textContent).toMatch(/look-ups are off/i);
    expect(namesIn(/^People/)).toEqual(['Kim Jong Un', 'Vladimir Putin', 'Nina L. Khrushcheva', 'Xi Jinping']);
    // No skeletons: nothing is coming.
    expect(container.querySelector('.entity-description-loading, .entity-thumb-loading')).toBeNull();
    fireEvent.click(rowToggle('Vladimir Putin'));
    const card = cardOf('Vladimir Putin');
    expect(within(card).getByText('Background look-ups are off.')).toBeTruthy();
    expect(within(card).getAllByRole('listitem')).toHaveLength(byName(seedEntities(), 'Vladimir Putin').mentions.length);
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('says the browser is offline and shows "will retry" on cards whose look-up failed', async () => {
    const entities = seedEntities();
    const knowledge = Object.fromEntries(
      entities.map((e) => [e.id, { status: 'error', reason: 'offline', message: 'Failed to fetch' } satisfies LinkResult]),
    );
    const { container } = renderSections({ entities, knowledge, lookupsState: 'offline' });
    expect(screen.getByRole('status').textContent).toMatch(/offline/i);
    fireEvent.click(rowToggle('Kim Jong Un'));
    const card = cardOf('Kim Jong Un');
    expect(card.textContent).toContain('Couldn’t load background — will retry.');
    // The technical message is not shown to the reader.
    expect(card.textContent).not.toContain('Failed to fetch');
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('shows a timeout like offline and an HTTP error as a plain sentence', () => {
    const entities = seedEntities();
    const putin = byName(entities, 'Vladimir Putin');
    const kim = byName(entities, 'Kim Jong Un');
    renderSections({
      entities,
      knowledge: {
        ...seedKnowledge(),
        [putin.id]: { status: 'error', reason: 'timeout', message: 'timed out after 8000 ms' },
        [kim.id]: { status: 'error', reason: 'http', message: 'HTTP 503' },
      },
    });
    fireEvent.click(rowToggle('Vladimir Putin'));
    fireEvent.click(rowToggle('Kim Jong Un'));
    expect(cardOf('Vladimir Putin').textContent).toContain('Couldn’t load background — will retry.');
    expect(cardOf('Kim Jong Un').textContent).toMatch(/Couldn’t load background: Wikipedia gave an unexpected answer/);
    expect(cardOf('Kim Jong Un').textContent).not.toContain('503');
  });
});

describe('EntitySections: re-rendering', () => {
  it('re-renders only the row whose card arrived, even when every prop comes as a fresh copy (as messaging gives)', () => {
    const entities = seedEntities();
    const putin = byName(entities, 'Vladimir Putin');
    const knowledge: Record<string, LinkResult | 'loading'> = { ...seedKnowledge(), [putin.id]: 'loading' };
    const { rerender, props } = renderSections({ entities, knowledge });

    const rendered: string[] = [];
    const previous = options.diffed;
    options.diffed = (vnode: VNode) => {
      const p = vnode.props as { class?: string; 'data-entity-id'?: string };
      if (vnode.type === 'li' && p.class === 'entity') rendered.push(p['data-entity-id']!);
      previous?.(vnode);
    };
    try {
      const arrived = structuredClone({ ...knowledge, [putin.id]: seedKnowledge()[putin.id]! });
      rerender(<EntitySections {...props} entities={structuredClone(entities)} knowledge={arrived} />);
      expect(rendered).toEqual([putin.id]);
      expect(rowToggle('Vladimir Putin').textContent).toContain('President of Russia since 2012');

      rendered.length = 0;
      rerender(<EntitySections {...props} entities={structuredClone(entities)} knowledge={structuredClone(arrived)} />);
      expect(rendered).toEqual([]);
    } finally {
      options.diffed = previous;
    }
  });
});

describe('EntitySections: hostile text', () => {
  it('renders names, descriptions, facts and candidates as text, not HTML', () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const entity: Entity = {
      id: 'person:hostile',
      type: 'person',
      name: `Eve ${hostile}`,
      aliases: [],
      mentions: [{ start: 0, end: 4, text: 'Axis' }],
    };
    const result: LinkResult = {
      status: 'linked',
      card: {
        ...(seedKnowledge()[byName(seedEntities(), 'Vladimir Putin').id] as Extract<LinkResult, { status: 'linked' }>).card,
        title: `Title ${hostile}`,
        description: `Desc ${hostile}`,
        facts: [{ kind: 'born', label: `Born ${hostile}`, value: `1 May ${hostile}` }],
        extractHtml: '<p>Sanitised <b>first lines</b>.</p>',
        pageUrl: 'javascript:alert(1)',
        thumbnail: { url: 'javascript:alert(2)', width: 10, height: 10 },
      },
      candidates: [{ title: `Cand ${hostile}`, description: hostile, qid: null }],
      chosenByReader: false,
    };
    const { container } = renderSections({ entities: [entity], knowledge: { [entity.id]: result } });
    fireEvent.click(rowToggle(`Eve ${hostile}`));
    // The only elements are ours: no <img> from the strings, and no javascript: URL anywhere.
    expect(container.querySelectorAll('img')).toHaveLength(0);
    expect(container.innerHTML).not.toMatch(/href="javascript:|src="javascript:/);
    expect(container.textContent).toContain(`Desc ${hostile}`);
    expect(container.textContent).toContain(`1 May ${hostile}`);
    expect(screen.getByRole('option', { name: `Cand ${hostile} — ${hostile}` })).toBeTruthy();
    // The extract is the one field rendered as HTML (sanitised upstream).
    expect(container.querySelector('.card-extract b')?.textContent).toBe('first lines');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('EntitySections: keyboard', () => {
  it('moves between rows with the arrow keys, Home and End', () => {
    renderSections();
    const toggles = screen.getAllByRole('button').filter((b) => b.classList.contains('entity-toggle'));
    toggles[0]!.focus();
    fireEvent.keyDown(toggles[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(toggles[1]);
    fireEvent.keyDown(toggles[1]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(toggles[0]);
    // Across sections: End reaches the last row of the last section.
    fireEvent.keyDown(toggles[0]!, { key: 'End' });
    expect(document.activeElement).toBe(toggles[toggles.length - 1]);
    fireEvent.keyDown(toggles[toggles.length - 1]!, { key: 'Home' });
    expect(document.activeElement).toBe(toggles[0]);
  });

  it('expands and collapses a row with its button (aria-expanded, aria-controls)', () => {
    renderSections();
    const toggle = rowToggle('Vladimir Putin');
    const card = cardOf('Vladimir Putin');
    expect(card.hidden).toBe(true);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(card.hidden).toBe(false);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(card.hidden).toBe(true);
  });
});
