import { Component } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import type { Entity } from '../../utils/entities/types';
import { BackgroundCard, type KnowledgeState, type LookupsState } from './BackgroundCard';
import { MentionNavigator } from './MentionNavigator';
import { ReadElsewhere } from './ReadElsewhere';
import { sameEntity, sameKnowledge } from './sameProps';
import { httpUrl } from '../../utils/url/httpUrl';

/** Props of one entity row; callbacks must be stable across renders for the memo to pay off. */
export interface EntityRowProps {
  entity: Entity;
  text: string;
  knowledge: KnowledgeState;
  lookupsState: LookupsState;
  lang: string;
  onReveal: (start: number, end: number) => void;
  onChooseLink: (entity: Entity, title: string | null) => void;
  onSearch?: (entity: Entity, url: string) => void;
  /** The reader opened the card (its details are loaded then). */
  onOpen?: (entity: Entity) => void;
  /** The article's canonical URL: the card then says how many other articles in the reading history name it. */
  articleUrl?: string;
}

/** The one-line description under the name, or null (the row then shows the name alone). */
function rowDescription(entity: Entity, knowledge: KnowledgeState): string | null {
  const card = knowledge !== undefined && knowledge !== 'loading' && knowledge.status === 'linked' ? knowledge.card : null;
  const fictional = entity.fictional === true || card?.fictional === true;
  const description = card?.description ?? null;
  if (fictional) return description ? `Fictional character · ${description}` : 'Fictional character';
  return description;
}

/**
 * One entity: a compact row (thumbnail, name, one-line description, mention count) that is the toggle of an
 * accordion (APG pattern: a button with aria-expanded/aria-controls inside a heading) and expands into the card.
 */
function EntityRowView(props: EntityRowProps) {
  const { entity, knowledge } = props;
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  // The thumbnail URL that failed to load: the row falls back to the initial, as when there is no picture.
  const [failedThumb, setFailedThumb] = useState<string | null>(null);
  // Lives here, not in the navigator, so the position survives closing and reopening the card.
  const [current, setCurrent] = useState<number | null>(null);

  const loading = knowledge === 'loading' || (knowledge === undefined && props.lookupsState === 'on');
  const card = knowledge !== undefined && knowledge !== 'loading' && knowledge.status === 'linked' ? knowledge.card : null;
  const candidateThumb = card?.thumbnail ? httpUrl(card.thumbnail.url) : null;
  const thumbnail = candidateThumb !== failedThumb ? candidateThumb : null;
  const description = rowDescription(entity, knowledge);
  // An open card asks for its details, also when its look-up answered after it was opened (asked once upstream).
  const needsDetails = expanded && card !== null && card.detailed === false;
  const onOpen = props.onOpen;
  useEffect(() => {
    if (needsDetails) onOpen?.(entity);
  }, [needsDetails, card?.title, onOpen]);
  const count = entity.mentions.length;
  const buttonId = `${id}-toggle`;
  const panelId = `${id}-card`;
  const nameId = `${id}-name`;
  const descriptionId = `${id}-description`;
  const countId = `${id}-count`;

  const select = (index: number) => {
    const mention = entity.mentions[index];
    if (!mention) return;
    setCurrent(index);
    props.onReveal(mention.start, mention.end);
  };

  return (
    <li class="entity" data-entity-id={entity.id}>
      <h3 class="entity-heading">
        <button
          type="button"
          id={buttonId}
          class="entity-toggle"
          aria-expanded={expanded}
          aria-controls={panelId}
          // Named by its whole visible content (name, description, count), so what a voice-control user reads on
          // screen is the name (WCAG 2.5.3); the spaces between the spans keep the parts from gluing together.
          onClick={() => setExpanded(!expanded)}
        >
          {thumbnail ? (
            <img
              class="entity-thumb"
              src={thumbnail}
              alt=""
              loading="lazy"
              decoding="async"
              width={40}
              height={40}
              onError={() => setFailedThumb(thumbnail)}
            />
          ) : loading ? (
            <span class="entity-thumb entity-thumb-loading" aria-hidden="true" />
          ) : (
            <span class="entity-thumb entity-thumb-initial" aria-hidden="true">
              {Array.from(entity.name)[0]?.toUpperCase()}
            </span>
          )}
          <span class="entity-text">
            <span class="entity-name" id={nameId} dir="auto">
              {entity.name}
            </span>{' '}
            {description ? (
              <span class="entity-description" id={descriptionId} dir="auto">
                {description}
              </span>
            ) : loading ? (
              <span class="entity-description-loading" aria-hidden="true" />
            ) : null}
          </span>{' '}
          <span class="entity-count" id={countId}>
            <span aria-hidden="true">{count}</span>
            <span class="visually-hidden">{count === 1 ? '1 mention' : `${count} mentions`}</span>
          </span>
        </button>
      </h3>
      <div id={panelId} class="entity-card" hidden={!expanded}>
        {expanded && (
          <>
            <BackgroundCard
              entity={entity}
              knowledge={knowledge}
              lookupsState={props.lookupsState}
              lang={props.lang}
              onChooseLink={props.onChooseLink}
              onSearch={props.onSearch}
            />
            {props.articleUrl ? <ReadElsewhere entity={entity} qid={card?.qid ?? null} articleUrl={props.articleUrl} /> : null}
            <MentionNavigator name={entity.name} text={props.text} mentions={entity.mentions} current={current} onSelect={select} />
          </>
        )}
      </div>
    </li>
  );
}

/**
 * Memoised by value (see sameProps.ts): a card arriving for one entity re-renders that row only, not all 200,
 * even when messaging hands over fresh copies of every other entity and card. Written out rather than
 * `memo` from preact/compat because importing compat installs global option hooks (it turns `onChange` on text
 * inputs into `onInput` for the whole panel), which would change how the lead's components behave.
 */
export class EntityRow extends Component<EntityRowProps> {
  override shouldComponentUpdate(next: EntityRowProps): boolean {
    const prev = this.props;
    return (
      !sameEntity(prev.entity, next.entity) ||
      !sameKnowledge(prev.knowledge, next.knowledge) ||
      prev.text !== next.text ||
      prev.lookupsState !== next.lookupsState ||
      prev.lang !== next.lang ||
      prev.onReveal !== next.onReveal ||
      prev.onChooseLink !== next.onChooseLink ||
      prev.onSearch !== next.onSearch ||
      prev.onOpen !== next.onOpen ||
      prev.articleUrl !== next.articleUrl
    );
  }

  override render() {
    return <EntityRowView {...this.props} />;
  }
}
