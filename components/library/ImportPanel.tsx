import { useRef, useState } from 'preact/hooks';
import type { BackstoryDB } from '../../utils/db/schema';
import { BACKUP_TABLES } from '../../utils/library/backupSchema';
import { parseLibraryFile, type ParsedImport } from '../../utils/library/importLibraryFile';
import { ImportError } from '../../utils/library/importError';
import { previewImport, type ImportReport } from '../../utils/library/mergeImport';
import { readImportFile } from '../../utils/library/readImportFile';
import { Dialog } from './Dialog';
import { importIntoLibrary } from './importIntoLibrary';

const TABLE_LABELS = { articles: 'Articles', highlights: 'Highlights', notes: 'Notes', linkChoices: 'Link choices', copies: 'Saved copies' } as const;

type State =
  | { stage: 'idle' }
  | { stage: 'reading'; name: string }
  | { stage: 'preview'; name: string; parsed: ParsedImport; report: ImportReport }
  | { stage: 'writing'; name: string }
  | { stage: 'error'; name: string; message: string };

/** The counts of an import, as a table (used for the preview and the result). */
export function ReportTable({ report, caption }: { report: ImportReport; caption: string }) {
  return (
    <table class="report">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">New</th>
          <th scope="col">Updated</th>
          <th scope="col">Unchanged</th>
        </tr>
      </thead>
      <tbody>
        {BACKUP_TABLES.map((t) => (
          <tr key={t}>
            <th scope="row">{TABLE_LABELS[t]}</th>
            <td>{report[t].added}</td>
            <td>{report[t].updated}</td>
            <td>{report[t].skipped}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Import: pick a file, see what would change, confirm; one transaction writes it all or nothing. */
export function ImportPanel({ db, onDone }: { db: BackstoryDB; onDone: (message: string) => void }) {
  const [state, setState] = useState<State>({ stage: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const reset = () => {
    setState({ stage: 'idle' });
    if (input.current) input.current.value = '';
  };

  const pick = async (file: File) => {
    setState({ stage: 'reading', name: file.name });
    try {
      const text = await readImportFile(file);
      const parsed = await parseLibraryFile(text);
      const report = await previewImport(db, parsed.data);
      setState({ stage: 'preview', name: file.name, parsed, report });
    } catch (error) {
      setState({ stage: 'error', name: file.name, message: error instanceof ImportError ? error.message : `The file could not be read: ${String(error)}` });
    }
  };

  const confirm = async () => {
    if (state.stage !== 'preview') return;
    const { parsed, name } = state;
    setState({ stage: 'writing', name });
    try {
      const report = await importIntoLibrary(db, parsed.data);
      const added = report.articles.added + report.highlights.added + report.notes.added;
      const updated = report.articles.updated + report.highlights.updated + report.notes.updated;
      onDone(`Imported ${name}: ${added} new, ${updated} updated.`);
      reset();
    } catch (error) {
      setState({ stage: 'error', name, message: `${error instanceof ImportError ? error.message : `The import failed and nothing was changed: ${error instanceof Error ? error.message : String(error)}`}` });
    }
  };

  return (
    <div class="import">
      <label class="button">
        Import…
        <input
          ref={input}
          type="file"
          class="visually-hidden"
          accept=".json,.jsonld,application/json,application/ld+json"
          aria-label="Import a Backstory backup or W3C annotations (JSON)"
          onChange={(e) => {
            const file = (e.currentTarget as HTMLInputElement).files?.[0];
            if (file) void pick(file);
          }}
        />
      </label>
      {state.stage === 'reading' ? <span role="status">Reading {state.name}…</span> : null}
      {state.stage === 'preview' || state.stage === 'writing' ? (
        <Dialog title="Import preview" onCancel={reset}>
          <p>
            {state.stage === 'preview' ? (state.parsed.kind === 'backup' ? 'Backstory backup' : 'W3C Web Annotations') : ''} {state.name}. Where both have a record, the newest edit wins; nothing is deleted.
          </p>
          {state.stage === 'preview' && state.parsed.rekeyed > 0 ? (
            <p>
              {state.parsed.rekeyed} {state.parsed.rekeyed === 1 ? 'record has' : 'records have'} an id that is not a UUID and will get a new one; highlights and notes stay with their
              articles.
            </p>
          ) : null}
          {state.stage === 'preview' ? <ReportTable report={state.report} caption="What the import would change" /> : <p role="status">Importing…</p>}
          <div class="dialog-actions">
            <button type="button" onClick={reset} disabled={state.stage === 'writing'}>
              Cancel
            </button>
            <button type="button" class="primary" data-autofocus onClick={() => void confirm()} disabled={state.stage === 'writing'}>
              Import
            </button>
          </div>
        </Dialog>
      ) : null}
      {state.stage === 'error' ? (
        <Dialog title="Import refused" onCancel={reset}>
          <p role="alert" class="error">
            {state.message}
          </p>
          <div class="dialog-actions">
            <button type="button" data-autofocus onClick={reset}>
              Close
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
