import { storage } from 'wxt/utils/storage';
import { type CopyLimits, DEFAULT_COPY_LIMITS } from '../../utils/settings/copyLimits';
import { DEFAULT_ENDPOINTS, type Endpoints } from '../../utils/settings/endpoints';

export { DEFAULT_ENDPOINTS, type Endpoints, DEFAULT_COPY_LIMITS, type CopyLimits };

/*
 * Reader preferences. Settings are not data: they live in the extension's `storage.local` on this machine (never
 * synced: every item below is `local:`), while articles, highlights and notes live in Dexie. Only the background and
 * extension pages read them; Chromium keeps them out of content scripts' reach (restrictSettingsToExtension).
 */

/** Whether Backstory may look entities up on Wikipedia/Wikidata (off = nothing leaves the machine). */
export const lookupsEnabled = storage.defineItem<boolean>('local:lookupsEnabled', { fallback: true, version: 1 });

/** Preferred Wikipedia language; 'auto' follows the article's language, with English as fallback. */
export const wikiLanguage = storage.defineItem<string>('local:wikiLanguage', { fallback: 'auto', version: 1 });

/** The endpoints in use. */
export const endpoints = storage.defineItem<Endpoints>('local:endpoints', { fallback: DEFAULT_ENDPOINTS, version: 1 });

/** Whether entity mentions are underlined in the page. */
export const underlineMentions = storage.defineItem<boolean>('local:underlineMentions', { fallback: false, version: 1 });

/** The copy size limits in use (settings page). */
export const copyLimits = storage.defineItem<CopyLimits>('local:copyLimits', { fallback: DEFAULT_COPY_LIMITS, version: 1 });

/** Keep a copy of every article Backstory is opened on, not only those the reader highlights or annotates. */
export const keepEveryArticle = storage.defineItem<boolean>('local:keepEveryArticle', { fallback: false, version: 1 });

/** How the reader view shows a saved copy. */
export interface ReaderPrefs {
  theme: 'auto' | 'light' | 'dark';
  /** Body text size in CSS pixels. */
  fontSize: number;
  /** Column width. */
  width: 'narrow' | 'medium' | 'wide';
  /** Load the copy's images from their sites (off by default: a request tells the site the reader is reading). */
  remoteImages: boolean;
}

/** Reader view defaults. */
export const DEFAULT_READER_PREFS: ReaderPrefs = { theme: 'auto', fontSize: 19, width: 'medium', remoteImages: false };

/** The reader view's preferences. */
export const readerPrefs = storage.defineItem<ReaderPrefs>('local:readerPrefs', { fallback: DEFAULT_READER_PREFS, version: 1 });
/**
 * Whether Backstory remembers the articles the reader opens it on (the reading history, issue 16). Turning it off
 * also clears the history (the background watches this item). Never recorded in a private window.
 */
export const historyEnabled = storage.defineItem<boolean>('local:historyEnabled', { fallback: true, version: 1 });
