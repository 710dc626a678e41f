import type { ArticleRecord, BackstoryDB, HighlightRecord, NoteRecord } from '../../utils/db/schema';
import type { HighlightHit, NoteHit } from '../../utils/library/libraryIndex';
import { send } from '../platform/messaging';
import { Marked } from './Marked';
import { TagEditor } from './TagEditor';
import { httpUrl } from '../../utils/url/httpUrl';
import { useLiveQuery } from '../shared/useLiveQuery';
import type { TextRange } from '../../utils/library/tokenize';
import { readerHref } from '../shared/readerHref';
import { byReadingOrder } from '../../utils/highlights/readingOrder';

/** What the list shows for one article (from the search index, or from Dexie before the index is ready). */
export interface ArticleRow {
  article: ArticleRecord;
  highlightCount: number;
  noteCount: number;
  titleRanges?: TextRange[];
  matchedTags?: string[];
  /** Matching highlights and notes, shown under the article while searching. */
  highlights?: HighlightHit[];
  notes?: NoteHit[];
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** One saved article: title (opens the page), site, date, counts, tags; expands to its notes and highlights. */
export function ArticleItem({
  db,
  row,
  expanded,
  onToggle,
  onOpen,
  onDelete,
  searching,
  hasCopy = false,
}: {
  db: BackstoryDB;
  row: ArticleRow;
  expanded: boolean;
  onToggle: () => void;
  onOpen: (url: string) => void;
  onDelete: (article: ArticleRecord) => void;
  searching: boolean;
  /** Whether a copy of the article was kept (issue 17): offers "Read your copy". */
  hasCopy?: boolean;
}) {
  const { article } = row;
  const detailsId = `details-${article.id}`;
  const titleId = `title-${article.id}`;
  const title = article.title || article.url;
  const link = httpUrl(article.url);
  const matchedHighlights = new Map((row.highlights ?? []).map((h) => [h.record.id, h]));
  const matchedNotes = new Map((row.notes ?? []).map((n) => [n.record.id, n]));
  return (
    <li class="article" aria-labelledby={titleId}>
      <div class="article-head">
        <button type="button" class="toggle" aria-expanded={expanded} aria-controls={detailsId} aria-label={`${expanded ? 'Hide' : 'Show'} highlights and notes of “${title}”`} onClick={onToggle}>
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
        </button>
        <div class="article-main">
          <h2 class="article-title" id={titleId}>
            {link ? (
              <a
                href={link}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(link);
                }}
              >
                <Marked text={title} ranges={row.titleRanges} />
              </a>
            ) : (
              // A record saved before URLs were checked may hold javascript: or data:: shown, never linked.
              <Marked text={title} ranges={row.titleRanges} />
            )}
          </h2>
          <p class="meta">
            <span>{article.siteName ?? article.site}</span> · <span>saved <time dateTime={new Date(article.createdAt).toISOString()}>{dateFormat.format(article.createdAt)}</time></span> ·{' '}
            <span>
              {row.highlightCount} {row.highlightCount === 1 ? 'highlight' : 'highlights'}
            </span>{' '}
            ·{' '}
            <span>
              {row.noteCount} {row.noteCount === 1 ? 'note' : 'notes'}
            </span>
          </p>
          {hasCopy && (
            <p class="read-copy">
              <a href={readerHref(article.id)} target="_blank" rel="noopener" aria-label={`Read your copy of “${title}”`}>
                Read your copy
              </a>
            </p>
          )}
          <TagEditor tags={article.tags} matched={row.matchedTags ?? []} listId="all-tags" label={`Tags of “${title}”`} onChange={(tags) => void send('article/tags', { id: article.id, tags })} />
        </div>
        <button type="button" class="danger subtle" aria-label={`Delete “${title}” with its highlights and notes`} onClick={() => onDelete(article)}>
          Delete
        </button>
      </div>
      {expanded ? (
        <ArticleDetails db={db} articleId={article.id} id={detailsId} matchedHighlights={matchedHighlights} matchedNotes={matchedNotes} />
      ) : searching && (row.highlights?.length || row.notes?.length) ? (
        <div class="details" id={detailsId}>
          <NotesList notes={(row.notes ?? []).map((n) => n.record)} matched={matchedNotes} />
          <HighlightsList highlights={(row.highlights ?? []).map((h) => h.record)} matched={matchedHighlights} />
        </div>
      ) : null}
    </li>
  );
}

function ArticleDetails({ db, articleId, id, matchedHighlights, matchedNotes }: { db: BackstoryDB; articleId: string; id: string; matchedHighlights: Map<string, HighlightHit>; matchedNotes: Map<string, NoteHit> }) {
  const data = useLiveQuery(
    async () => ({
      highlights: (await db.highlights.where('articleId').equals(articleId).toArray()).sort(byReadingOrder),
      notes: (await db.notes.where('articleId').equals(articleId).toArray()).sort((a, b) => a.createdAt - b.createdAt),
    }),
    [db, articleId],
  );
  if (!data) return <div class="details" id={id} aria-busy="true" />;
  return (
    <div class="details" id={id}>
      {!data.highlights.length && !data.notes.length ? <p class="empty">No highlights or notes on this article.</p> : null}
      <NotesList notes={data.notes} matched={matchedNotes} />
      <HighlightsList highlights={data.highlights} matched={matchedHighlights} />
    </div>
  );
}

function NotesList({ notes, matched }: { notes: NoteRecord[]; matched: Map<string, NoteHit> }) {
  if (!notes.length) return null;
  return (
    <section aria-label="Notes">
      {notes.map((n) => (
        <p key={n.id} class="article-note">
          <Marked text={n.body} ranges={matched.get(n.id)?.bodyRanges} />
        </p>
      ))}
    </section>
  );
}

function HighlightsList({ highlights, matched }: { highlights: HighlightRecord[]; matched: Map<string, HighlightHit> }) {
  if (!highlights.length) return null;
  return (
    <ul class="highlights" aria-label="Highlights">
      {highlights.map((h) => {
        const hit = matched.get(h.id);
        return (
          <li key={h.id} class={`highlight color-${h.color}`}>
            <blockquote>
              <span class="swatch" role="img" aria-label={`${h.color} highlight`} />
              <Marked text={h.quote.exact} ranges={hit?.quoteRanges} />
            </blockquote>
            {h.note ? (
              <p class="note">
                <Marked text={h.note} ranges={hit?.noteRanges} />
              </p>
            ) : null}
            <TagEditor tags={h.tags} matched={hit?.matchedTags ?? []} listId="all-tags" label={`Tags of the highlight “${h.quote.exact.slice(0, 40)}”`} onChange={(tags) => void send('highlight/update', { id: h.id, tags })} />
          </li>
        );
      })}
    </ul>
  );
}
