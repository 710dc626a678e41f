import type { EntityRecord, MentionRecord, ReadRecord } from '../db/schema';
import type { HistoryData } from '../library/backupSchema';
import { escapeMarkdownText, type MarkdownFile } from '../library/exportMarkdown';

/** Folder of each kind of identity in the Markdown export. */
const FOLDER: Record<EntityRecord['type'], string> = { person: 'People', place: 'Places', organization: 'Organisations', other: 'Other' };

/** A name as a file name every file system and Obsidian accept (no path or link characters). */
function safeName(name: string): string {
  return (
    name
      .replace(/[\\/:*?"<>|#^[\]\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '')
      .slice(0, 90)
      .trim() || 'Unnamed'
  );
}

const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const monthLabel = (at: number) => new Date(at).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * One Markdown note per person, place and organisation of the reading history (issue 16): its timeline newest first
 * by month, each article an Obsidian `[[…]]` link to its own note when the export has one (a saved article), else a
 * plain link, with the first sentence naming it. `articleNotes` maps an article's canonical URL to its note's file name.
 */
export function exportEntityNotes(history: HistoryData, articleNotes: ReadonlyMap<string, string>): MarkdownFile[] {
  const reads = new Map<string, ReadRecord>(history.reads.map((r) => [r.id, r]));
  const byEntity = new Map<string, MentionRecord[]>();
  for (const m of history.mentions) {
    const list = byEntity.get(m.entityKey);
    if (list) list.push(m);
    else byEntity.set(m.entityKey, [m]);
  }
  const used = new Set<string>();
  const files: MarkdownFile[] = [];
  for (const entity of [...history.entities].sort((a, b) => a.name.localeCompare(b.name))) {
    const mentions = (byEntity.get(entity.key) ?? []).filter((m) => reads.has(m.readId)).sort((a, b) => b.at - a.at);
    if (mentions.length === 0) continue;
    let name = `${FOLDER[entity.type]}/${safeName(entity.name)}.md`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${FOLDER[entity.type]}/${safeName(entity.name)} (${n}).md`;
    used.add(name.toLowerCase());
    const lines = [
      '---',
      `title: ${JSON.stringify(entity.name)}`,
      `type: ${entity.type}`,
      ...(entity.qid ? [`wikidata: ${entity.qid}`] : []),
      `articles: ${mentions.length}`,
      '---',
      '',
      `# ${escapeMarkdownText(entity.name)}`,
      '',
      `Named ${mentions.reduce((n, m) => n + m.count, 0)} times in ${mentions.length} ${mentions.length === 1 ? 'article' : 'articles'} you read.`,
    ];
    let month = '';
    for (const m of mentions) {
      const read = reads.get(m.readId)!;
      const label = monthLabel(m.at);
      if (label !== month) lines.push('', `## ${label}`, '');
      month = label;
      const note = articleNotes.get(read.url);
      const title = escapeMarkdownText(read.title || read.url);
      // Obsidian links by note name (no extension); a link's text after "|" is what the reader sees.
      const link = note ? `[[${note.replace(/\.md$/, '')}|${title}]]` : `[${title}](<${read.url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
      lines.push(`- ${day(m.at)} · ${escapeMarkdownText(read.siteName ?? read.site)} · ${m.count} ${m.count === 1 ? 'mention' : 'mentions'} — ${link}`);
      if (m.sentence) lines.push(`  > ${escapeMarkdownText(m.sentence)}`);
    }
    files.push({ name, content: `${lines.join('\n')}\n` });
  }
  return files;
}
