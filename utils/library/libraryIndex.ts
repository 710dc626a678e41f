import MiniSearch, { type SearchResult as MiniResult } from 'minisearch';
import type { ArticleRecord, BackstoryDB, HighlightRecord, NoteRecord } from '../db/schema';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../highlights/types';
import { articlePasses, hasHighlightFilter, highlightPasses, type LibraryFilter } from './libraryFilter';
import { STOP_WORDS } from './stopWords';
import { matchRanges, normalizeTerm, tokenizeWords, type TextRange } from './tokenize';
import { yieldToEventLoop } from './yieldToEventLoop';
import { byReadingOrder } from '../highlights/readingOrder';

/** A highlight in a search result, with the spans of its quote and note that matched. */
export interface HighlightHit {
  record: HighlightRecord;
  quoteRanges: TextRange[];
  noteRanges: TextRange[];
  /** Its tags that matched the query. */
  matchedTags: string[];
}

/** An article note in a search result, with the spans that matched. */
export interface NoteHit {
  record: NoteRecord;
  bodyRanges: TextRange[];
}

/** One article of the results, with what matched in it. */
export interface ArticleHit {
  article: ArticleRecord;
  score: number;
  titleRanges: TextRange[];
  matchedTags: string[];
  /** Matching highlights (all passing the filter when there is no query), in reading order. */
  highlights: HighlightHit[];
  notes: NoteHit[];
  /** All highlights / notes of the article, for counts. */
  highlightCount: number;
  noteCount: number;
}

/** Search results: the best `limit` articles and how many matched in all. */
export interface LibrarySearchResult {
  hits: ArticleHit[];
  total: number;
}

/** Per-table `id → updatedAt`, what the index compares to the database to find what changed. */
export interface Stamps {
  articles: Map<string, number>;
  highlights: Map<string, number>;
  notes: Map<string, number>;
}

interface Doc {
  /** The article id: one document per article holds everything saved on it. */
  id: string;
  title: string;
  tags: string;
  text: string;
}

// Tags keep their spaces inside one field value; a separator no tag contains keeps them apart.
const TAG_SEPARATOR = ' \u2063 ';
const MIN_PREFIX = 4;

/**
 * Full-text index over article titles, highlight quotes, notes and tags (MiniSearch: inverted index, BM25, prefix
 * search), plus the records themselves for filtering and result display.
 *
 * One MiniSearch document per ARTICLE (title, tags, and the text of its highlights and notes), not per highlight:
 * measured on 10,000 articles + 100,000 highlights, per-highlight documents made a common word return ~5,000 results
 * and cost 90–130 ms a query; per-article documents cap results at the article count. Which highlights and notes
 * matched, and where, is worked out afterwards for the page of results shown only.
 *
 * Sync design: build once from the database (`build`). Then `watchLibraryIndex` listens to Dexie's `storagemutated`
 * event (fired for writes from this page and, over BroadcastChannel, from other contexts such as the background) and
 * `syncKeys` re-reads just the mutated ids. When Dexie reports a range rather than keys (a `clear()`), `sync` compares
 * each table's `updatedAt` index (keys only) with what the index holds — that full diff relies on writers bumping
 * `updatedAt`, which the import merge ("newest edit wins") needs anyway.
 */
export class LibraryIndex {
  readonly articles = new Map<string, ArticleRecord>();
  readonly highlights = new Map<string, HighlightRecord>();
  readonly notes = new Map<string, NoteRecord>();
  private readonly byArticle = new Map<string, { highlights: Set<string>; notes: Set<string> }>();
  /** Per article, a bit per highlight colour it has: the colour filter without walking highlights. */
  private readonly colorMasks = new Map<string, number>();
  private readonly mini = new MiniSearch<Doc>({
    idField: 'id',
    fields: ['title', 'tags', 'text'],
    storeFields: [],
    tokenize: tokenizeWords,
    processTerm: (term) => {
      const t = normalizeTerm(term);
      return t && !STOP_WORDS.has(t) ? t : null;
    },
    searchOptions: {
      combineWith: 'AND',
      // Prefix search on the last word only, from 4 letters, finds "sanc" → "sanctions" as the reader types;
      // shorter prefixes expand to thousands of terms (measured 170–230 ms for "ka", "lev").
      prefix: (term, i, terms) => i === terms.length - 1 && term.length >= MIN_PREFIX,
      boost: { title: 3, tags: 2 },
    },
  });

  /** Number of indexed articles. */
  get size(): number {
    return this.mini.documentCount;
  }

  /** Builds the index from the whole database, yielding to the page between chunks. */
  async build(db: BackstoryDB, options: { chunkSize?: number } = {}): Promise<void> {
    const [articles, highlights, notes] = await db.transaction('r', [db.articles, db.highlights, db.notes], () =>
      Promise.all([db.articles.toArray(), db.highlights.toArray(), db.notes.toArray()]),
    );
    await this.buildFrom({ articles, highlights, notes }, options);
  }

  /** Builds the index from records already in memory (what `build` does after reading the database). */
  async buildFrom(data: { articles: ArticleRecord[]; highlights: HighlightRecord[]; notes: NoteRecord[] }, options: { chunkSize?: number } = {}): Promise<void> {
    this.clear();
    for (const a of data.articles) this.articles.set(a.id, a);
    for (const h of data.highlights) this.putHighlight(h);
    for (const n of data.notes) this.putNote(n);
    const docs = [...this.articles.values()].map((a) => this.doc(a));
    await this.mini.addAllAsync(docs, { chunkSize: options.chunkSize ?? 500 });
  }

  /** Brings the index up to date with the database: re-reads only records whose `updatedAt` changed. */
  async sync(db: BackstoryDB, stamps?: Stamps): Promise<{ changed: number; removed: number }> {
    const current = stamps ?? (await readStamps(db));
    let changed = 0;
    let removed = 0;
    const touched = new Set<string>();
    const tables = [
      ['articles', this.articles, db.articles],
      ['highlights', this.highlights, db.highlights],
      ['notes', this.notes, db.notes],
    ] as const;
    for (const [name, held, table] of tables) {
      const now = current[name];
      for (const id of [...held.keys()]) {
        if (!now.has(id)) {
          this.forget(name, id, touched);
          removed++;
        }
      }
      const stale = [...now].filter(([id, updatedAt]) => held.get(id)?.updatedAt !== updatedAt).map(([id]) => id);
      if (!stale.length) continue;
      const records = await (table as typeof db.articles | typeof db.highlights | typeof db.notes).bulkGet(stale);
      for (let i = 0; i < stale.length; i++) {
        const record = records[i];
        if (!record) continue;
        this.forget(name, stale[i]!, touched);
        if (name === 'articles') this.articles.set(record.id, record as ArticleRecord);
        else if (name === 'highlights') this.putHighlight(record as HighlightRecord);
        else this.putNote(record as NoteRecord);
        touched.add(name === 'articles' ? record.id : (record as HighlightRecord | NoteRecord).articleId);
        changed++;
      }
    }
    this.reindex(touched);
    return { changed, removed };
  }

  /**
   * Applies known changes: re-reads the given ids (a missing record was deleted) and re-indexes their articles. What
   * `watchLibraryIndex` calls with the keys Dexie reports as mutated, so one edit costs one read, not a table scan.
   */
  async syncKeys(db: BackstoryDB, keys: { articles: Iterable<string>; highlights: Iterable<string>; notes: Iterable<string> }): Promise<{ changed: number; removed: number }> {
    const touched = new Set<string>();
    let changed = 0;
    let removed = 0;
    const ids = { articles: [...keys.articles], highlights: [...keys.highlights], notes: [...keys.notes] };
    const [articles, highlights, notes] = await db.transaction('r', [db.articles, db.highlights, db.notes], () =>
      Promise.all([db.articles.bulkGet(ids.articles), db.highlights.bulkGet(ids.highlights), db.notes.bulkGet(ids.notes)]),
    );
    const apply = <T extends { id: string }>(table: 'articles' | 'highlights' | 'notes', list: string[], records: Array<T | undefined>, put: (r: T) => void) => {
      list.forEach((id, i) => {
        const record = records[i];
        const held = (this[table] as Map<string, { updatedAt: number }>).get(id);
        if (!record) {
          if (held) {
            this.forget(table, id, touched);
            removed++;
          }
          return;
        }
        this.forget(table, id, touched);
        put(record);
        touched.add(table === 'articles' ? id : (record as unknown as { articleId: string }).articleId);
        changed++;
      });
    };
    apply('articles', ids.articles, articles, (a: ArticleRecord) => this.articles.set(a.id, a));
    apply('highlights', ids.highlights, highlights, (h: HighlightRecord) => this.putHighlight(h));
    apply('notes', ids.notes, notes, (n: NoteRecord) => this.putNote(n));
    this.reindex(touched);
    return { changed, removed };
  }

  private colorMask(articleId: string): number {
    let mask = this.colorMasks.get(articleId);
    if (mask === undefined) {
      mask = 0;
      for (const id of this.byArticle.get(articleId)?.highlights ?? []) mask |= maskOf([this.highlights.get(id)!.color]);
      this.colorMasks.set(articleId, mask);
    }
    return mask;
  }

  private reindex(touched: Set<string>): void {
    for (const articleId of touched) {
      this.colorMasks.delete(articleId);
      if (this.mini.has(articleId)) this.mini.discard(articleId);
      const article = this.articles.get(articleId);
      if (article) this.mini.add(this.doc(article));
    }
  }

  /**
   * Searches and filters. With an empty query, lists the articles passing the filter, newest first. Match ranges
   * refer to the record's own strings (title, quote.exact, note, body).
   */
  search(query: string, filter: LibraryFilter = {}, limit = 100): LibrarySearchResult {
    const q = query.trim();
    return q ? this.searchText(q, filter, limit) : this.listFiltered(filter, limit);
  }

  /** Distinct entities across saved articles, most mentioned first (for the entity filter's autocomplete). */
  entities(): Array<{ key: string; name: string; type: string; articles: number }> {
    const out = new Map<string, { key: string; name: string; type: string; articles: number }>();
    for (const a of this.articles.values()) {
      for (const e of a.entities) {
        const seen = out.get(e.key);
        if (seen) seen.articles++;
        else out.set(e.key, { key: e.key, name: e.name, type: e.type, articles: 1 });
      }
    }
    return [...out.values()].sort((x, y) => y.articles - x.articles || x.name.localeCompare(y.name));
  }

  /** An article's highlights in reading order. */
  articleHighlights(article: ArticleRecord): HighlightRecord[] {
    const ids = this.byArticle.get(article.id)?.highlights ?? new Set<string>();
    return [...ids].map((id) => this.highlights.get(id)!).sort(byReadingOrder);
  }

  /** An article's notes, oldest first. */
  articleNotes(article: ArticleRecord): NoteRecord[] {
    const ids = this.byArticle.get(article.id)?.notes ?? new Set<string>();
    return [...ids].map((id) => this.notes.get(id)!).sort((a, b) => a.createdAt - b.createdAt);
  }

  private listFiltered(filter: LibraryFilter, limit: number): LibrarySearchResult {
    const matches: ArticleRecord[] = [];
    for (const article of this.articles.values()) if (this.passes(article, filter)) matches.push(article);
    matches.sort((a, b) => b.createdAt - a.createdAt);
    const hits = matches.slice(0, limit).map((article) => {
      const highlights = hasHighlightFilter(filter) || filter.tags?.length ? this.articleHighlights(article).filter((h) => highlightPasses(h, article, filter)) : [];
      return this.hit(article, 0, new Set(), highlights.map((record) => ({ record, quoteRanges: [], noteRanges: [], matchedTags: [] })), [], new Set());
    });
    return { hits, total: matches.length };
  }

  private searchText(query: string, filter: LibraryFilter, limit: number): LibrarySearchResult {
    const results = this.mini.search(query);
    const passing: Array<{ article: ArticleRecord; result: MiniResult }> = [];
    for (const result of results) {
      const article = this.articles.get(String(result.id));
      if (article && this.passes(article, filter)) passing.push({ article, result });
    }
    const hits = passing.slice(0, limit).map(({ article, result }) => {
      // Every indexed form the query matched (prefix expansions included), to find and mark them in each record.
      const terms = new Set(result.terms);
      const highlights: HighlightHit[] = [];
      for (const record of this.articleHighlights(article)) {
        if (!highlightPasses(record, article, filter)) continue;
        const quoteRanges = matchRanges(record.quote.exact, terms);
        const noteRanges = matchRanges(record.note, terms);
        const tags = matchedTags(record.tags, terms);
        if (quoteRanges.length || noteRanges.length || tags.length) highlights.push({ record, quoteRanges, noteRanges, matchedTags: tags });
      }
      const notes: NoteHit[] = [];
      for (const record of this.articleNotes(article)) {
        const bodyRanges = matchRanges(record.body, terms);
        if (bodyRanges.length) notes.push({ record, bodyRanges });
      }
      return this.hit(article, result.score, terms, highlights, notes, terms);
    });
    return { hits, total: passing.length };
  }

  /** Article-level filters, then highlight-level ones through the article's highlights. */
  private passes(article: ArticleRecord, filter: LibraryFilter): boolean {
    if (!articlePasses(article, filter)) return false;
    const needsTag = filter.tags?.length && !filter.tags.some((t) => article.tags.includes(t));
    if (!hasHighlightFilter(filter) && !needsTag) return true;
    if (!needsTag && filter.colors?.length) return (this.colorMask(article.id) & maskOf(filter.colors)) !== 0;
    for (const id of this.byArticle.get(article.id)?.highlights ?? []) if (highlightPasses(this.highlights.get(id)!, article, filter)) return true;
    return false;
  }

  private hit(article: ArticleRecord, score: number, titleTerms: ReadonlySet<string>, highlights: HighlightHit[], notes: NoteHit[], tagTerms: ReadonlySet<string>): ArticleHit {
    const own = this.byArticle.get(article.id);
    let highlightNotes = 0;
    for (const id of own?.highlights ?? []) if (this.highlights.get(id)?.note) highlightNotes++;
    return {
      article,
      score,
      titleRanges: matchRanges(article.title, titleTerms),
      matchedTags: matchedTags(article.tags, tagTerms),
      highlights,
      notes,
      highlightCount: own?.highlights.size ?? 0,
      noteCount: (own?.notes.size ?? 0) + highlightNotes,
    };
  }

  private doc(article: ArticleRecord): Doc {
    const own = this.byArticle.get(article.id);
    const tags = [...article.tags];
    const text: string[] = [];
    for (const id of own?.highlights ?? []) {
      const h = this.highlights.get(id)!;
      text.push(h.quote.exact, h.note);
      tags.push(...h.tags);
    }
    for (const id of own?.notes ?? []) text.push(this.notes.get(id)!.body);
    return { id: article.id, title: article.title, tags: tags.join(TAG_SEPARATOR), text: text.join('\n') };
  }

  private own(articleId: string): { highlights: Set<string>; notes: Set<string> } {
    let own = this.byArticle.get(articleId);
    if (!own) this.byArticle.set(articleId, (own = { highlights: new Set(), notes: new Set() }));
    return own;
  }

  private putHighlight(h: HighlightRecord): void {
    this.highlights.set(h.id, h);
    this.own(h.articleId).highlights.add(h.id);
  }

  private putNote(n: NoteRecord): void {
    this.notes.set(n.id, n);
    this.own(n.articleId).notes.add(n.id);
  }

  /** Drops a record from the maps, remembering which article's document must be re-indexed. */
  private forget(table: 'articles' | 'highlights' | 'notes', id: string, touched: Set<string>): void {
    if (table === 'highlights') {
      const h = this.highlights.get(id);
      if (h) {
        this.byArticle.get(h.articleId)?.highlights.delete(id);
        touched.add(h.articleId);
      }
      this.highlights.delete(id);
    } else if (table === 'notes') {
      const n = this.notes.get(id);
      if (n) {
        this.byArticle.get(n.articleId)?.notes.delete(id);
        touched.add(n.articleId);
      }
      this.notes.delete(id);
    } else {
      this.articles.delete(id);
      touched.add(id);
    }
  }

  private clear(): void {
    this.articles.clear();
    this.highlights.clear();
    this.notes.clear();
    this.byArticle.clear();
    this.colorMasks.clear();
    this.mini.removeAll();
  }
}

/** Reads every record's `id → updatedAt` from the `updatedAt` indexes (keys only), in one read transaction. */
export async function readStamps(db: BackstoryDB): Promise<Stamps> {
  return db.transaction('r', [db.articles, db.highlights, db.notes], async () => {
    const read = async (table: typeof db.articles | typeof db.highlights | typeof db.notes): Promise<Map<string, number>> => {
      const collection = table.orderBy('updatedAt');
      const [keys, ids] = await Promise.all([collection.keys(), table.orderBy('updatedAt').primaryKeys()]);
      const map = new Map<string, number>();
      for (let i = 0; i < ids.length; i++) map.set(String(ids[i]), Number(keys[i]));
      return map;
    };
    return { articles: await read(db.articles), highlights: await read(db.highlights), notes: await read(db.notes) };
  });
}

function maskOf(colors: readonly HighlightColor[]): number {
  let mask = 0;
  for (const c of colors) mask |= 1 << HIGHLIGHT_COLORS.indexOf(c);
  return mask;
}

function matchedTags(tags: string[], terms: ReadonlySet<string>): string[] {
  return terms.size ? tags.filter((t) => matchRanges(t, terms).length > 0) : [];
}

