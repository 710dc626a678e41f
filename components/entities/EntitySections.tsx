import { useCallback, useId, useMemo, useRef } from 'preact/hooks';
import type { LanguageSupport } from '../../utils/entities/languages';
import type { Entity } from '../../utils/entities/types';
import type { LinkResult } from '../../utils/knowledge/types';
import type { LookupsState } from './BackgroundCard';
import { EntityRow } from './EntityRow';
import './entities.css';
import { groupEntities } from './groupEntities';
import { UnsupportedLanguage } from './UnsupportedLanguage';

export type { KnowledgeState, LookupsState } from './BackgroundCard';

/** Props of the entity list: everything comes in, every action goes out through a callback. */
export interface EntitySectionsProps {
  /** The analysis's entities (any order: the sections sort them, most-mentioned first). */
  entities: readonly Entity[];
  /** The article text the mentions' offsets refer to (for the snippets). */
  text: string;
  /** The article's canonical URL: each card then says how many other articles read name it (issue 16). */
  articleUrl?: string;
  /** Look-up result per entity id; 'loading' while it runs; absent when not asked yet. */
  knowledge: Readonly<Record<string, LinkResult | 'loading' | undefined>>;
  /** Whether background look-ups run; 'off' and 'offline' show a line saying so above the list. */
  lookupsState: LookupsState;
  /** How well the analysis reads names in the article's language: 'none' shows that instead of an empty list. */
  language?: LanguageSupport;
  /** The article's language, for the "Search Wikipedia" link's edition (default English). */
  lang?: string | null;
  /** Scroll the page to the mention at these text offsets and flash it. */
  onReveal: (start: number, end: number) => void;
  /** The reader picked another article for an entity (a candidate's title), or none (null). */
  onChooseLink: (entity: Entity, title: string | null) => void;
  /**
   * Optional: the reader asked to search Wikipedia for an unlinked entity. When given, the search link calls it
   * instead of opening the link itself (e.g. to open it with `browser.tabs.create`); when absent, the link opens
   * in a new tab.
   */
  onSearch?: (entity: Entity, url: string) => void;
  /** Optional: the reader opened an entity's card (the panel loads its lead sentences and fact labels then). */
  onOpen?: (entity: Entity) => void;
}

/** A line above the list when there is no background to show for a reason the reader should know. */
function LookupsNote({ state }: { state: LookupsState }) {
  if (state === 'on') return null;
  return (
    <p class={`lookups-note lookups-${state}`} role="status">
      {state === 'off'
        ? 'Background look-ups are off: names and mentions only. You can turn them on in Backstory’s options.'
        : 'You’re offline: background from Wikipedia will load when you’re back online.'}
    </p>
  );
}

/**
 * People, Places and Organisations named in the article (plus fictional characters and others, in their own
 * sections), each a labelled section with a list of expandable entity rows. Arrow keys, Home and End move between
 * rows (the optional keys of the APG accordion); Tab works as usual.
 */
export function EntitySections(props: EntitySectionsProps) {
  const { entities, knowledge } = props;
  // Wikidata may say a person is fictional once the card arrives: they then move to the characters' section.
  const groups = useMemo(
    () =>
      groupEntities(entities, (entity) => {
        const result = knowledge[entity.id];
        return entity.fictional === true || (typeof result === 'object' && result.status === 'linked' && result.card.fictional);
      }),
    [entities, knowledge],
  );

  // Stable callbacks whatever the parent passes, so memoised rows do not all re-render on each parent render.
  const latest = useRef(props);
  latest.current = props;
  const onReveal = useCallback((start: number, end: number) => latest.current.onReveal(start, end), []);
  const onChooseLink = useCallback((entity: Entity, title: string | null) => latest.current.onChooseLink(entity, title), []);
  const onSearchStable = useCallback((entity: Entity, url: string) => latest.current.onSearch?.(entity, url), []);
  const onSearch = props.onSearch ? onSearchStable : undefined;
  const onOpenStable = useCallback((entity: Entity) => latest.current.onOpen?.(entity), []);
  const onOpen = props.onOpen ? onOpenStable : undefined;

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !target.classList.contains('entity-toggle')) return;
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const container = event.currentTarget as HTMLElement;
    const toggles = Array.from(container.querySelectorAll<HTMLElement>('.entity-toggle'));
    const index = toggles.indexOf(target);
    const next =
      event.key === 'Home'
        ? toggles[0]
        : event.key === 'End'
          ? toggles[toggles.length - 1]
          : toggles[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  const lang = props.lang ?? 'en';
  const uid = useId();
  return (
    <div class="entity-sections" onKeyDown={onKeyDown}>
      <LookupsNote state={props.lookupsState} />
      {groups.length === 0 && props.language?.entities === 'none' ? (
        <UnsupportedLanguage language={props.language} />
      ) : groups.length === 0 ? (
        <section class="entities-empty" aria-labelledby={`${uid}-empty`}>
          <h2 id={`${uid}-empty`} class="entities-empty-title">
            No people or places found in this article
          </h2>
          <p class="muted">Backstory lists the people, places and organisations an article names. This one names none it could recognise.</p>
        </section>
      ) : (
        groups.map((group) => (
          <section key={group.key} class={`entity-section entity-section-${group.key}`} aria-labelledby={`${uid}-${group.key}`}>
            <h2 id={`${uid}-${group.key}`} class="entity-section-title">
              {group.title} <span class="entity-section-count">({group.entities.length})</span>
            </h2>
            <ul class="entity-list" role="list">
              {group.entities.map((entity) => (
                <EntityRow
                  key={entity.id}
                  entity={entity}
                  text={props.text}
                  knowledge={knowledge[entity.id]}
                  lookupsState={props.lookupsState}
                  lang={lang}
                  onReveal={onReveal}
                  onChooseLink={onChooseLink}
                  onSearch={onSearch}
                  onOpen={onOpen}
                  articleUrl={props.articleUrl}
                />
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
