import type { ArticleRecord, HighlightRecord, NoteRecord } from '../db/schema';
import type { LibraryData } from './backupSchema';
import { byReadingOrder } from '../highlights/readingOrder';

/** One exported Markdown file. */
export interface MarkdownFile {
  /** Safe file name ("2026-11-20 Axis of outcasts - Putin and Kim’s cartoon summit.md"). */
  name: string;
  content: string;
}

/** One article with what the reader saved on it, ready to render. */
export interface ArticleBundle {
  article: ArticleRecord;
  highlights: HighlightRecord[];
  notes: NoteRecord[];
}

/** Groups a library's highlights and notes under their articles (highlights in reading order), newest article first. */
export function bundleArticles(data: Pick<LibraryData, 'articles' | 'highlights' | 'notes'>): ArticleBundle[] {
  const bundles = new Map<string, ArticleBundle>();
  for (const article of data.articles) bundles.set(article.id, { article, highlights: [], notes: [] });
  for (const h of data.highlights) bundles.get(h.articleId)?.highlights.push(h);
  for (const n of data.notes) bundles.get(n.articleId)?.notes.push(n);
  for (const b of bundles.values()) {
    b.highlights.sort(byReadingOrder);
    b.notes.sort((x, y) => x.createdAt - y.createdAt);
  }
  return [...bundles.values()].sort((a, b) => b.article.createdAt - a.article.createdAt);
}

/**
 * An Obsidian-friendly tag: Obsidian tags cannot hold spaces or most punctuation, so "war in ukraine" becomes
 * "war-in-ukraine" (both in the front matter and as #hashtags, so the two agree).
 */
export function markdownTag(tag: string): string {
  return tag
    .trim()
    .replace(/^#+/, '')
    .replace(/[\s,;:!?.()[\]{}"'`#]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// JSON strings are valid YAML double-quoted scalars: every special character is escaped.
const yamlString = (s: string): string => JSON.stringify(s);
// A time that is not a real date (a record saved before times were bounded) is written as the epoch, never thrown on.
const isoDate = (ms: number): string => {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
};

/**
 * Text from the page or an import as inline Markdown: every character Markdown or HTML gives a meaning to is
 * backslash-escaped (CommonMark escapes any ASCII punctuation), so a title such as `<img src=x onerror=…>` shows as
 * text in Obsidian or a Markdown preview instead of becoming an element.
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|!~]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

// Notes are the reader's light Markdown (**bold**, [links](…)): only `<` is escaped, so no HTML tag can start.
const escapeHtmlStart = (text: string): string => text.replace(/</g, '\\<');

// A link destination in angle-bracket-free form: characters that would end or break it are percent-encoded.
const linkDestination = (url: string): string => url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function yamlList(key: string, values: string[]): string {
  return values.length ? `${key}:\n${values.map((v) => `  - ${yamlString(v)}`).join('\n')}` : `${key}: []`;
}

/** YAML front matter with title, url, authors, site, dates and tags (Obsidian reads `tags` and `aliases`). */
export function frontMatter(article: ArticleRecord): string {
  const lines = [
    '---',
    `title: ${yamlString(article.title)}`,
    `url: ${yamlString(article.url)}`,
    yamlList('authors', article.authors),
    `site: ${yamlString(article.siteName ?? article.site)}`,
    `published: ${article.publishedTime ? yamlString(article.publishedTime) : 'null'}`,
    `saved: ${yamlString(isoDate(article.createdAt))}`,
    `updated: ${yamlString(isoDate(article.updatedAt))}`,
    yamlList('tags', article.tags.map(markdownTag).filter(Boolean)),
    '---',
  ];
  return lines.join('\n');
}

/** Quotes text as a Markdown blockquote, keeping paragraph breaks inside the quote. */
function blockquote(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => (line.trim() ? `> ${escapeLineStart(escapeHtmlStart(line))}` : '>'))
    .join('\n');
}

// A quote that starts with "#", "-", "1." or ">" would turn into a heading or a list inside the blockquote.
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+*-]|\d+[.)])(\s)/, '$1\\$2$3');
}

function hashtags(tags: string[]): string {
  return tags
    .map(markdownTag)
    .filter(Boolean)
    .map((t) => `#${t}`)
    .join(' ');
}

/** One highlight: the quote as a blockquote, then its colour and tags, then the note (already light Markdown). */
export function highlightMarkdown(h: HighlightRecord): string {
  const meta = [`Colour: ${h.color}`, hashtags(h.tags)].filter(Boolean).join(' · ');
  const parts = [blockquote(h.quote.exact), `*${meta}*`];
  if (h.note.trim()) parts.push(escapeHtmlStart(h.note.trim()));
  return parts.join('\n\n');
}

/**
 * One article in Markdown: front matter, heading, source line, article notes, then highlights in reading order.
 * `inExport` renders it as a section of the one-file export: headings one level down and the metadata as a YAML
 * code block, because only a file's first `---` block is front matter to Obsidian and other tools.
 */
export function articleMarkdown(bundle: ArticleBundle, inExport = false): string {
  const { article, highlights, notes } = bundle;
  const h = inExport ? '#' : '';
  const meta = frontMatter(article);
  const source = [`[${escapeMarkdownText(article.siteName ?? article.site)}](${linkDestination(article.url)})`, escapeMarkdownText(article.authors.join(', '))].filter(Boolean).join(' · ');
  const heading = `${h}# ${escapeMarkdownText(article.title.trim() || article.url)}`;
  const parts = inExport ? [heading, `\`\`\`yaml\n${meta.slice(4, -4)}\n\`\`\``, source] : [meta, heading, source];
  if (article.tags.length) parts.push(hashtags(article.tags));
  if (notes.length) parts.push(`${h}## Notes`, notes.map((n) => escapeHtmlStart(n.body.trim())).join('\n\n---\n\n'));
  if (highlights.length) parts.push(`${h}## Highlights`, highlights.map(highlightMarkdown).join('\n\n---\n\n'));
  return `${parts.join('\n\n')}\n`;
}

/** A file name safe on Windows, macOS and Linux: "2026-11-20 Title.md", at most ~100 characters. */
export function markdownFileName(article: ArticleRecord): string {
  const date = isoDate(article.createdAt).slice(0, 10);
  const title = (article.title || article.site)
    .replace(/\s*[\\/:*?"<>|#^[\]][\s\\/:*?"<>|#^[\]]*/g, ' - ')
    .replace(/[\u0000-\u001f]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/( - )+/g, ' - ')
    .trim()
    .replace(/^[.\- ]+|[.\- ]+$/g, '')
    .slice(0, 90)
    .trim();
  return `${date} ${title || 'Untitled'}.md`;
}

/** One Markdown file per article, with unique names. */
export function exportMarkdownFiles(data: Pick<LibraryData, 'articles' | 'highlights' | 'notes'>): MarkdownFile[] {
  const used = new Set<string>();
  return bundleArticles(data).map((bundle) => {
    let name = markdownFileName(bundle.article);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = markdownFileName(bundle.article).replace(/\.md$/, ` (${n}).md`);
    used.add(name.toLowerCase());
    return { name, content: articleMarkdown(bundle) };
  });
}

/** The whole library as one Markdown file, one section per article, newest first. */
export function exportMarkdownSingle(data: Pick<LibraryData, 'articles' | 'highlights' | 'notes'>, now: Date = new Date()): MarkdownFile {
  const sections = bundleArticles(data).map((bundle) => articleMarkdown(bundle, true));
  const header = `---\ntitle: ${yamlString('Backstory library')}\nexported: ${yamlString(now.toISOString())}\narticles: ${sections.length}\n---\n\n# Backstory library\n`;
  return { name: `backstory-library-${now.toISOString().slice(0, 10)}.md`, content: `${header}\n${sections.join('\n')}` };
}
