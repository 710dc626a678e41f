import { useState } from 'preact/hooks';
import type { BackstoryDB } from '../../utils/db/schema';
import { backupFileName, exportBackup, serializeBackup } from '../../utils/library/exportBackup';
import { bundleArticles, exportMarkdownFiles, exportMarkdownSingle } from '../../utils/library/exportMarkdown';
import { exportEntityNotes } from '../../utils/history/entityMarkdown';
import { exportW3c } from '../../utils/library/exportW3c';
import { zipTextFiles } from '../../utils/library/zipFiles';

/** Saves a file for the reader (Blob + `<a download>` in the page; injected so tests can see what was saved). */
export type Download = (blob: Blob, fileName: string) => void;

/** Export buttons: Markdown (zip of one file per article, or one file), JSON backup, W3C Web Annotation JSON-LD. */
export function ExportPanel({ db, download, onDone }: { db: BackstoryDB; download: Download; onDone: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  // The saved copies make a backup much larger (a copy is the whole article): the reader may leave them out.
  const [withCopies, setWithCopies] = useState(true);
  const run = async (kind: 'markdown-zip' | 'markdown-single' | 'json' | 'w3c') => {
    setBusy(true);
    try {
      const now = new Date();
      const backup = await exportBackup(db, now, { withoutCopies: kind === 'json' && !withCopies });
      const day = now.toISOString().slice(0, 10);
      if (kind === 'json') download(new Blob([serializeBackup(backup)], { type: 'application/json' }), backupFileName(now));
      else if (kind === 'w3c') download(new Blob([JSON.stringify(exportW3c(backup, now), null, 1)], { type: 'application/ld+json' }), `backstory-annotations-${day}.jsonld`);
      else if (kind === 'markdown-single') {
        const file = exportMarkdownSingle(backup, now);
        download(new Blob([file.content], { type: 'text/markdown' }), file.name);
      } else {
        const articles = exportMarkdownFiles(backup);
        // Article notes are named after the saved article; the entity notes link to them by that name.
        const noteOf = new Map(bundleArticles(backup).map((b, i) => [b.article.url, articles[i]!.name]));
        const zip = zipTextFiles([...articles, ...exportEntityNotes(backup, noteOf)], 'Backstory');
        download(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), `backstory-markdown-${day}.zip`);
      }
      onDone(`Exported ${backup.articles.length} articles, ${backup.highlights.length} highlights.`);
    } catch (error) {
      onDone(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="export" role="group" aria-label="Export">
      <span class="group-label" aria-hidden="true">
        Export:
      </span>
      <button type="button" disabled={busy} onClick={() => void run('markdown-zip')} title="One Markdown file per article, zipped (for an Obsidian vault)">
        Markdown (.zip)
      </button>
      <button type="button" disabled={busy} onClick={() => void run('markdown-single')} title="Everything in one Markdown file">
        Markdown (one file)
      </button>
      <button type="button" disabled={busy} onClick={() => void run('json')} title="A complete backup you can import again">
        JSON backup
      </button>
      <label class="export-option">
        <input type="checkbox" checked={withCopies} onChange={(e) => setWithCopies(e.currentTarget.checked)} />
        Include saved copies in the JSON backup
      </label>
      <button type="button" disabled={busy} onClick={() => void run('w3c')} title="W3C Web Annotation JSON-LD, for annotation tools">
        W3C annotations
      </button>
    </div>
  );
}
