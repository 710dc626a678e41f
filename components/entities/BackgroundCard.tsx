import { useState } from 'preact/hooks';
import type { Entity } from '../../utils/entities/types';
import { formatCoordinates } from '../../utils/knowledge/coordinates';
import type { KnowledgeCard, LinkCandidate, LinkResult, MatchInfo } from '../../utils/knowledge/types';
import { LinkChooser } from './LinkChooser';
import { httpUrl } from '../../utils/url/httpUrl';
import { wikipediaSearchUrl } from './safeUrl';

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

/** "2 October 2023" from an ISO date (UTC, as the knowledge layer gives it). */
function longDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "“Kim Jong-un” redirects to this article" … one sentence on how the match was made, so the reader can judge it. */
function matchSentence(match: MatchInfo, card: KnowledgeCard): string {
  switch (match.method) {
    case 'title':
      return `Matched by its exact Wikipedia title, “${card.title}”.`;
    case 'redirect':
      return `Matched through “${match.asked}”, which Wikipedia leads to “${card.title}”.`;
    case 'context': {
      const words = match.words?.length ? ` by the words ${match.words.map((w) => `“${w}”`).join(', ')} near its mentions` : ' by the text around its mentions';
      const among = match.candidates ? `one of ${match.candidates} articles` : 'one of the articles';
      return `A guess: “${match.via ?? match.asked}” has several meanings; Backstory picked ${among} on that disambiguation page${words}.`;
    }
    case 'reader':
      return 'You chose this article.';
  }
}

/**
 * How sure the match is, and why; when it was a guess from the context, the other candidates are one click away
 * (as is "none of these").
 */
function MatchNote(props: { match: MatchInfo; card: KnowledgeCard; candidates: readonly LinkCandidate[]; onChoose: (title: string | null) => void }) {
  const { match, card } = props;
  const others = match.method === 'context' ? props.candidates.filter((c) => c.title !== card.title).slice(0, 3) : [];
  return (
    <div class={`card-match card-match-${match.method}`}>
      <p class="card-match-reason">{matchSentence(match, card)}</p>
      {match.method === 'context' && (
        <p class="card-match-fix">
          <span>Not this one?</span>
          {others.map((c) => (
            <button key={c.title} type="button" class="card-match-choice" onClick={() => props.onChoose(c.title)} title={c.description ?? undefined}>
              {c.title}
            </button>
          ))}
          <button type="button" class="card-match-choice" onClick={() => props.onChoose(null)}>
            None of these
          </button>
        </p>
      )}
    </div>
  );
}

/** The card's picture; hidden when it fails to load (offline, an image blocker, a 404) rather than shown broken. */
function CardPicture({ card }: { card: KnowledgeCard }) {
  const picture = httpUrl(card.thumbnail?.url);
  const [failed, setFailed] = useState<string | null>(null);
  if (!picture || !card.thumbnail || failed === picture) return null;
  return (
    <img
      class="card-picture"
      src={picture}
      width={card.thumbnail.width}
      height={card.thumbnail.height}
      alt=""
      loading="lazy"
      decoding="async"
      onError={() => setFailed(picture)}
    />
  );
}

/** The linked card: picture, description, how it was matched, key facts (as of the article's date), first lines, attribution. */
function LinkedCard(props: {
  card: KnowledgeCard;
  entity: Entity;
  chosenByReader: boolean;
  match?: MatchInfo;
  candidates: readonly LinkCandidate[];
  onChoose: (title: string | null) => void;
}) {
  const { card, entity, chosenByReader } = props;
  const page = httpUrl(card.pageUrl);
  const fictional = card.fictional || entity.fictional === true;
  const facts = [...card.facts];
  if (card.coordinates && !facts.some((f) => f.kind === 'coordinates')) {
    facts.push({ kind: 'coordinates', label: 'Location', value: formatCoordinates(card.coordinates, 2) });
  }
  // A card answered with the list lacks its lead sentences and some labels until the details arrive.
  const loadingDetails = card.detailed === false && !card.factsMissing;
  const match = props.match ?? (chosenByReader ? { method: 'reader' as const, asked: card.title } : undefined);
  return (
    <>
      <div class="card-head">
        <CardPicture card={card} />
        <div class="card-head-text">
          {card.title !== entity.name && <p class="card-title">{card.title}</p>}
          {fictional && <p class="badge badge-fictional">Fictional character</p>}
          {card.description && <p class="card-description">{card.description}</p>}
        </div>
      </div>
      {match && <MatchNote match={match} card={card} candidates={props.candidates} onChoose={props.onChoose} />}
      {facts.length > 0 && (
        <>
          {card.factsAsOf && (
            <p class="card-facts-date">
              As of <time dateTime={card.factsAsOf}>{longDate(card.factsAsOf)}</time>, the article’s date
            </p>
          )}
          <dl class="card-facts" aria-label={card.factsAsOf ? `Key facts about ${card.title} as of ${longDate(card.factsAsOf)}` : `Key facts about ${card.title}`}>
            {facts.map((fact) => (
              <div key={fact.kind + fact.value} class="card-fact">
                <dt>{fact.label}</dt>
                <dd>
                  {fact.value}
                  {fact.now && <span class="card-fact-now">now: {fact.now}</span>}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {card.extractHtml ? (
        // The ONE place this component renders HTML: `extractHtml` is sanitised upstream by the knowledge layer
        // (an allow-list rebuild in the background, DOMPurify again in the panel) before it is cached or sent here.
        // Every other field (names, descriptions, facts, candidates) is rendered as text by Preact.
        <div class="card-extract" lang={card.lang} dangerouslySetInnerHTML={{ __html: card.extractHtml }} />
      ) : (
        loadingDetails && (
          <div class="card-details-loading" aria-busy="true">
            <span class="visually-hidden">Loading the first lines…</span>
            <span class="card-skeleton-line" aria-hidden="true" />
            <span class="card-skeleton-line" aria-hidden="true" />
          </div>
        )
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
          <LinkedCard
            card={knowledge.card}
            entity={entity}
            chosenByReader={knowledge.chosenByReader}
            match={knowledge.match}
            candidates={knowledge.candidates}
            onChoose={choose}
          />
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
            {unlinkedSentence(knowledge, entity.name)} {searchLink}
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

/** Why there is no card, in one sentence. */
function unlinkedSentence(result: Extract<LinkResult, { status: 'unlinked' }>, name: string): string {
  if (result.reason === 'reader-chose-none') return 'You chose none of the suggested articles.';
  switch (result.miss) {
    case 'no-article':
      return `Wikipedia has no article named “${name}”.`;
    case 'wrong-type':
      return `Wikipedia’s “${result.candidates[0]?.title ?? name}” is about something else.`;
    case 'ambiguous':
      return `“${name}” has several meanings on Wikipedia, and the article does not say which.`;
    default:
      return 'No confident match on Wikipedia.';
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
