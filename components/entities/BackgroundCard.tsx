import type { Entity } from '../../utils/entities/types';
import type { KnowledgeCard, LinkResult } from '../../utils/knowledge/types';
import { LinkChooser } from './LinkChooser';
import { httpUrl, wikipediaSearchUrl } from './safeUrl';

/** What the panel knows about an entity's background: a link result, still loading, or nothing asked yet. */
export type KnowledgeState = LinkResult | 'loading' | undefined;

/** Whether background look-ups run: on, turned off by the reader, or impossible because the browser is offline. */
export type LookupsState = 'on' | 'off' | 'offline';

/** Skeleton lines while the background loads; screen readers get one sentence instead. */
function CardSkeleton() {
  return (
    <div class="card-loading" aria-busy="true">
      <span class="visually-hidden">Loading background…</span>
      <div class="card-skeleton" aria-hidden="true">
        <span class="card-skeleton-picture" />
        <span />
        <span />
        <span />
      </div>
    </div>
  );
}

/** The linked card: picture, description, key facts, first lines, attribution. */
function LinkedCard({ card, entity, chosenByReader }: { card: KnowledgeCard; entity: Entity; chosenByReader: boolean }) {
  const picture = httpUrl(card.thumbnail?.url);
  const page = httpUrl(card.pageUrl);
  const fictional = card.fictional || entity.fictional === true;
  const facts = [...card.facts];
  if (card.coordinates && !facts.some((f) => f.kind === 'coordinates')) {
    facts.push({ kind: 'coordinates', label: 'Location', value: formatCoordinates(card.coordinates) });
  }
  return (
    <>
      <div class="card-head">
        {picture && card.thumbnail && (
          <img class="card-picture" src={picture} width={card.thumbnail.width} height={card.thumbnail.height} alt="" loading="lazy" decoding="async" />
        )}
        <div class="card-head-text">
          {card.title !== entity.name && <p class="card-title">{card.title}</p>}
          {fictional && <p class="badge badge-fictional">Fictional character</p>}
          {card.description && <p class="card-description">{card.description}</p>}
        </div>
      </div>
      {facts.length > 0 && (
        <dl class="card-facts" aria-label={`Key facts about ${card.title}`}>
          {facts.map((fact) => (
            <div key={fact.kind + fact.value} class="card-fact">
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {card.extractHtml && (
        // The ONE place this component renders HTML: `extractHtml` is sanitised upstream by the knowledge layer
        // (DOMPurify, a small allow-list of inline tags) before it is cached or sent here. Every other field
        // (names, descriptions, facts, candidates) is rendered as text by Preact.
        <div class="card-extract" lang={card.lang} dangerouslySetInnerHTML={{ __html: card.extractHtml }} />
      )}
      <p class="card-source">
        {page ? (
          <a href={page} target="_blank" rel="noopener noreferrer">
            From Wikipedia<span class="visually-hidden">: {card.title} (opens in a new tab)</span>
          </a>
        ) : (
          'From Wikipedia'
        )}
        {card.fellBackToEnglish && <span class="card-note"> · English Wikipedia (no article in this page’s language)</span>}
        {chosenByReader && <span class="card-note"> · Chosen by you</span>}
      </p>
    </>
  );
}

/** "12.34° N, 56.78° E" */
function formatCoordinates({ lat, lon }: { lat: number; lon: number }): string {
  const f = (v: number) => Math.abs(v).toFixed(2);
  return `${f(lat)}° ${lat >= 0 ? 'N' : 'S'}, ${f(lon)}° ${lon >= 0 ? 'E' : 'W'}`;
}

/**
 * The background half of an entity's card, for every state of its look-up: loading skeleton, linked card, unlinked
 * ("No confident match" and a Wikipedia search link), errors, and look-ups off or offline. Pure: props in, callbacks out.
 */
export function BackgroundCard(props: {
  entity: Entity;
  knowledge: KnowledgeState;
  lookupsState: LookupsState;
  lang: string;
  onChooseLink: (entity: Entity, title: string | null) => void;
  onSearch?: (entity: Entity, url: string) => void;
}) {
  const { entity, knowledge, lookupsState, onChooseLink, onSearch } = props;
  const choose = (title: string | null) => onChooseLink(entity, title);
  const searchUrl = wikipediaSearchUrl(entity.name, props.lang);
  const searchLink = (
    <a
      href={searchUrl}
      target="_blank"
      rel="noopener noreferrer"
      onClick={
        onSearch &&
        ((event: MouseEvent) => {
          event.preventDefault();
          onSearch(entity, searchUrl);
        })
      }
    >
      Search Wikipedia for “{entity.name}”
    </a>
  );

  if (knowledge === undefined) {
    if (lookupsState === 'on') return <CardSkeleton />;
    return (
      <p class="card-status">
        {lookupsState === 'off' ? 'Background look-ups are off.' : 'Couldn’t load background — will retry when you’re back online.'}
      </p>
    );
  }
  if (knowledge === 'loading') return <CardSkeleton />;

  switch (knowledge.status) {
    case 'linked':
      return (
        <>
          <LinkedCard card={knowledge.card} entity={entity} chosenByReader={knowledge.chosenByReader} />
          {/* Keyed by the linked title: a new link resets the choice shown. */}
          <LinkChooser
            key={knowledge.card.title}
            name={entity.name}
            candidates={knowledge.candidates}
            current={knowledge.card.title}
            onChoose={choose}
          />
        </>
      );
    case 'unlinked':
      return (
        <>
          {entity.fictional && <p class="badge badge-fictional">Fictional character</p>}
          <p class="card-status">
            {knowledge.reason === 'reader-chose-none' ? 'You chose none of the suggested articles.' : 'No confident match on Wikipedia.'}{' '}
            {searchLink}
          </p>
          {knowledge.candidates.length > 0 && (
            <LinkChooser name={entity.name} candidates={knowledge.candidates} current={null} onChoose={choose} />
          )}
        </>
      );
    case 'error':
      return (
        <>
          {entity.fictional && <p class="badge badge-fictional">Fictional character</p>}
          <p class={`card-status card-error card-error-${knowledge.reason}`}>{errorSentence(knowledge.reason)}</p>
        </>
      );
  }
}

/** One clear sentence per failure; the technical message stays in the logs, not in the reader's face. */
function errorSentence(reason: Extract<LinkResult, { status: 'error' }>['reason']): string {
  switch (reason) {
    case 'offline':
    case 'timeout':
      return 'Couldn’t load background — will retry.';
    case 'http':
    case 'malformed':
      return 'Couldn’t load background: Wikipedia gave an unexpected answer. Backstory will try again later.';
    case 'disabled':
      return 'Background look-ups are off.';
  }
}
