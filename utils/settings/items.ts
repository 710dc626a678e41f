import { storage } from 'wxt/utils/storage';
import { DEFAULT_ENDPOINTS, type Endpoints } from './endpoints';

export { DEFAULT_ENDPOINTS, type Endpoints };

/*
 * Reader preferences. Settings are not data: they live in extension storage (synced where the browser syncs
 * settings), while articles, highlights and notes live in Dexie.
 */

/** Whether Backstory may look entities up on Wikipedia/Wikidata (off = nothing leaves the machine). */
export const lookupsEnabled = storage.defineItem<boolean>('local:lookupsEnabled', { fallback: true, version: 1 });

/** Preferred Wikipedia language; 'auto' follows the article's language, with English as fallback. */
export const wikiLanguage = storage.defineItem<string>('local:wikiLanguage', { fallback: 'auto', version: 1 });

/** The endpoints in use. */
export const endpoints = storage.defineItem<Endpoints>('local:endpoints', { fallback: DEFAULT_ENDPOINTS, version: 1 });

/** Whether entity mentions are underlined in the page. */
export const underlineMentions = storage.defineItem<boolean>('local:underlineMentions', { fallback: false, version: 1 });

/**
 * Whether Backstory remembers the articles the reader opens it on (the reading history, issue 16). Turning it off
 * also clears the history (the background watches this item). Never recorded in a private window.
 */
export const historyEnabled = storage.defineItem<boolean>('local:historyEnabled', { fallback: true, version: 1 });
