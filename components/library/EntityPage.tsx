import { useState } from 'preact/hooks';
import type { BackstoryDB, KnowledgeRecord } from '../../utils/db/schema';
import { groupByMonth, loadEntityPage, mentionsPerMonth, type MonthCount, TIMELINE_PAGE } from '../../utils/history/entityPage';
import { titleKey } from '../../utils/knowledge/knowledgeCache';
import { httpUrl } from '../../utils/url/httpUrl';
import { useLiveQuery } from '../shared/useLiveQuery';

/** The library address of an entity's page. */
export function entityHref(key: string): string {
  return `#entity=${encodeURIComponent(key)}`;
}

/** The card the knowledge cache holds for a linked identity (by its title, in the languages its articles use). */
async function cachedCard(db: BackstoryDB, name: string, langs: readonly string[]): Promise<KnowledgeRecord['card']> {
  for (const lang of [...new Set([...langs, 'en'])]) {
    const record = await db.knowledge.where('key').equals(titleKey(lang, name)).first();
    if (record?.card) return record.card;
  }
  return null;
}

const shortDate = (iso: string | null, at: number) => new Date(iso && Number.isFinite(Date.parse(iso)) ? Date.parse(iso) : at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Mentions per month as bars: inline SVG (a chart library would outweigh this page's whole script). */
function MentionsChart({ months }: { months: readonly MonthCount[] }) {
  const bars = mentionsPerMonth(months);
  if (bars.length === 0) return null;
  const max = Math.max(...bars.map((b) => b.mentions), 1);
  const width = 12;
  const height = 60;
  const first = bars[0]!.month;
  const last = bars.at(-1)!.month;
  return (
    <figure class="entity-chart">
      <svg role="img" aria-label={`Mentions per month, ${first} to ${last}`} viewBox={`0 0 ${bars.length * width} ${height}`} width={bars.length * width} height={height}>
        {bars.map((b, i) => {
          const h = b.mentions === 0 ? 0 : Math.max(2, Math.round((b.mentions / max) * (height - 2)));
          return (
            <rect key={b.month} x={i * width + 1} y={height - h} width={width - 2} height={h} class="entity-chart-bar">
              <title>{`${b.month}: ${b.mentions} mentions in ${b.articles} ${b.articles === 1 ? 'article' : 'articles'}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        Mentions per month, {first} – {last}
      </figcaption>
    </figure>
  );
}

/**
 * A person, place or organisation across everything the reader has read (issue 16): its card, a chart of mentions,
 * the timeline of articles newest first by month (site, date, mentions, the first sentence naming it, the reader's
 * highlights and notes about it) and the entities most often named with it.
 */
export function EntityPage({ db, entityKey, openUrl }: { db: BackstoryDB; entityKey: string; openUrl: (url: string) => void }) {
  const [limit, setLimit] = useState(TIMELINE_PAGE);
  const page = useLiveQuery(() => loadEntityPage(db, entityKey, limit), [db, entityKey, limit]);
  const card = useLiveQuery(
    async () => (page?.entity.qid ? cachedCard(db, page.entity.name, page.items.flatMap((i) => (i.read.lang ? [i.read.lang.slice(0, 2)] : []))) : null),
    [db, page?.entity.key, page?.entity.name],
  );
  if (page === undefined) return <p class="count">Loading…</p>;
  if (page === null)
    return (
      <section class="entity-page">
        <a href="#" class="back">
          ← Library
        </a>
        <p class="empty">Nothing in your reading history names this. (The history may have been turned off or cleared.)</p>
      </section>
    );
  const { entity } = page;
  const thumb = httpUrl(card?.thumbnail?.url);
  return (
    <section class="entity-page" aria-labelledby="entity-name">
      <a href="#" class="back">
        ← Library
      </a>
      <header class="entity-page-card">
        {thumb ? <img src={thumb} alt="" width={64} height={64} class="entity-page-thumb" /> : <span class="entity-page-thumb" aria-hidden="true">{entity.name.charAt(0)}</span>}
        <div>
          <h2 id="entity-name">{entity.name}</h2>
          <p class="entity-page-kind">
            {entity.type === 'organization' ? 'Organisation' : entity.type === 'place' ? 'Place' : 'Person'}
            {entity.qid ? ` · Wikidata ${entity.qid}` : ''}
          </p>
          {card?.description ? <p class="entity-page-description">{card.description}</p> : null}
          {card?.facts.length ? (
            <dl class="entity-page-facts">
              {card.facts.slice(0, 4).map((f) => (
                <div key={f.kind}>
                  <dt>{f.label}</dt>
                  <dd>{f.value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </div>
      </header>
      <p class="entity-page-summary">
        In {page.articles} {page.articles === 1 ? 'article' : 'articles'} you have read, {page.mentions} {page.mentions === 1 ? 'mention' : 'mentions'}.
      </p>
      <MentionsChart months={page.months} />
      <h3 class="visually-hidden">Timeline</h3>
      {groupByMonth(page.items).map((group) => (
        <section class="timeline-month" key={group.month} aria-label={group.label}>
          <h3>{group.label}</h3>
          <ol class="timeline">
            {group.items.map(({ read, mention, highlights, note }) => (
              <li class="timeline-item" key={read.id}>
                <a
                  href={read.url}
                  class="timeline-title"
                  onClick={(e) => {
                    e.preventDefault();
                    openUrl(read.url);
                  }}
                >
                  {read.title || read.url}
                </a>
                <div class="timeline-meta">
                  <span class="timeline-site">{read.siteName ?? read.site}</span> · <time>{shortDate(read.publishedTime, read.at)}</time> ·{' '}
                  <span class="timeline-mentions">
                    {mention.count} {mention.count === 1 ? 'mention' : 'mentions'}
                  </span>
                </div>
                <blockquote class="timeline-sentence">{mention.sentence}</blockquote>
                {highlights.length || note ? (
                  <ul class="timeline-highlights" aria-label="Your highlights and notes">
                    {highlights.map((h) => (
                      <li key={h.id} class={`timeline-highlight hl-${h.color}`}>
                        <q>{h.quote.exact}</q>
                        {h.note ? <span class="timeline-note">{h.note}</span> : null}
                      </li>
                    ))}
                    {note ? <li class="timeline-note">{note.body}</li> : null}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
      {page.items.length < page.articles ? (
        <button type="button" class="more" onClick={() => setLimit((l) => l + TIMELINE_PAGE)}>
          Show older articles ({page.articles - page.items.length} more)
        </button>
      ) : null}
      {page.alsoIn.length ? (
        <section class="also-in" aria-labelledby="also-in">
          <h3 id="also-in">Also in these articles</h3>
          <ul>
            {page.alsoIn.map((e) => (
              <li key={e.key}>
                <a href={entityHref(e.key)}>{e.name}</a> <span class="muted">({e.together})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
