import { useState } from 'preact/hooks';
import { copiesUsage } from '../../utils/db/copies';
import { formatBytes } from '../../utils/format/bytes';
import { send } from '../platform/messaging';
import {
  copyLimits,
  DEFAULT_COPY_LIMITS,
  DEFAULT_READER_PREFS,
  endpoints,
  historyEnabled,
  keepEveryArticle,
  lookupsEnabled,
  readerPrefs,
  underlineMentions,
  wikiLanguage,
} from '../platform/settings';
import { pageDb } from '../shared/pageDb';
import { useLiveQuery } from '../shared/useLiveQuery';
import './options.css';
import { useStorageItem } from '../shared/useStorageItem';

const LANGUAGES: Array<[string, string]> = [
  ['auto', "The article's language (English when it has none)"],
  ['en', 'English'],
  ['de', 'Deutsch'],
  ['es', 'Español'],
  ['fr', 'Français'],
  ['it', 'Italiano'],
  ['pt', 'Português'],
  ['cs', 'Čeština'],
];

/** Reader settings: look-ups on/off, Wikipedia language, mention underlines, and (advanced) the API endpoints. */
export function OptionsApp() {
  const [lookups, setLookups] = useStorageItem(lookupsEnabled);
  const [lang, setLang] = useStorageItem(wikiLanguage);
  const [underline, setUnderline] = useStorageItem(underlineMentions);
  const [apis, setApis] = useStorageItem(endpoints);
  const [limitsValue, setLimits] = useStorageItem(copyLimits);
  const [everyArticle, setEveryArticle] = useStorageItem(keepEveryArticle);
  const [reader, setReader] = useStorageItem(readerPrefs);
  const limits = limitsValue ?? DEFAULT_COPY_LIMITS;
  const usage = useLiveQuery(() => copiesUsage(pageDb()), []);
  const megabytes = (bytes: number) => Math.round(bytes / 100_000) / 10;
  const [history, setHistory] = useStorageItem(historyEnabled);
  const [historyStatus, setHistoryStatus] = useState('');
  const clearHistory = () =>
    void send('history/clear', {})
      .then(() => setHistoryStatus('Your reading history was cleared.'))
      .catch(() => setHistoryStatus('The history could not be cleared. Try again.'));
  return (
    <main class="options">
      <h1>Backstory settings</h1>
      <section aria-labelledby="privacy">
        <h2 id="privacy">Privacy</h2>
        <label class="check">
          <input type="checkbox" checked={lookups ?? true} onChange={(e) => setLookups(e.currentTarget.checked)} />
          Look up people and places on Wikipedia and Wikidata
        </label>
        <p class="muted">
          Only the names of the people and places in an article are sent, to Wikipedia and Wikidata. Your highlights and notes never leave
          this browser. With look-ups off, nothing leaves the machine; entities are still listed.
        </p>
        <label class="check">
          <input
            type="checkbox"
            name="history"
            checked={history ?? true}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setHistory(on);
              // The background also clears when the setting turns off; asking here makes the page's answer certain.
              if (!on) clearHistory();
            }}
          />
          Remember the articles I read (reading history)
        </label>
        <p class="muted">
          For each article you open Backstory on: its title, site, date and address, and the people, places and organisations in it with how often and
          where they are first named. It stays in this browser, is never kept for private windows, and powers “You have read N other articles about…”
          and the library’s person and place pages. Turning it off deletes it.
        </p>
        <button type="button" class="clear-history" onClick={clearHistory}>
          Clear reading history now
        </button>
        <p role="status" class="muted">
          {historyStatus}
        </p>
      </section>
      <section aria-labelledby="wiki">
        <h2 id="wiki">Wikipedia language</h2>
        <select aria-labelledby="wiki" value={lang ?? 'auto'} onChange={(e) => setLang(e.currentTarget.value)}>
          {LANGUAGES.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </section>
      <section aria-labelledby="page">
        <h2 id="page">On the page</h2>
        <label class="check">
          <input type="checkbox" checked={underline ?? false} onChange={(e) => setUnderline(e.currentTarget.checked)} />
          Underline the people and places in the article
        </label>
      </section>
      <section aria-labelledby="copies">
        <h2 id="copies">Your copies of articles</h2>
        <p class="muted">
          When you first highlight or write a note on an article, Backstory keeps a copy of its text on this machine, so you can read it
          with your highlights when the page changes or disappears.
        </p>
        <p id="copies-usage" role="status">
          {usage ? `${usage.count} ${usage.count === 1 ? 'copy uses' : 'copies use'} ${formatBytes(usage.bytes)} of ${formatBytes(limits.totalBytes)}.` : 'Counting…'}
        </p>
        <label class="check">
          <input type="checkbox" checked={everyArticle ?? false} onChange={(e) => setEveryArticle(e.currentTarget.checked)} />
          Keep a copy of every article I open Backstory on (not in private windows)
        </label>
        <label>
          Largest copy of one article (MB){' '}
          <input
            type="number"
            min="0.1"
            step="0.1"
            value={megabytes(limits.perArticleBytes)}
            onChange={(e) => {
              const mb = Number(e.currentTarget.value);
              if (mb > 0) setLimits({ ...limits, perArticleBytes: Math.round(mb * 1_000_000) });
            }}
          />
        </label>
        <label>
          All copies together (MB){' '}
          <input
            type="number"
            min="1"
            step="1"
            value={megabytes(limits.totalBytes)}
            onChange={(e) => {
              const mb = Number(e.currentTarget.value);
              if (mb > 0) setLimits({ ...limits, totalBytes: Math.round(mb * 1_000_000) });
            }}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={reader?.remoteImages ?? false}
            onChange={(e) => setReader({ ...DEFAULT_READER_PREFS, ...reader, remoteImages: e.currentTarget.checked })}
          />
          Load images in the reader view (each image request tells its site you are reading)
        </label>
      </section>
      <details>
        <summary>Advanced: API endpoints</summary>
        {apis && (
          <div class="endpoints">
            <label>
              Wikipedia (<code>{'{lang}'}</code> is the language)
              <input type="url" value={apis.wikipedia} onChange={(e) => setApis({ ...apis, wikipedia: e.currentTarget.value })} />
            </label>
            <label>
              Wikidata
              <input type="url" value={apis.wikidata} onChange={(e) => setApis({ ...apis, wikidata: e.currentTarget.value })} />
            </label>
          </div>
        )}
      </details>
      <p>
        <a href="/library.html">Open your library</a>
      </p>
    </main>
  );
}
