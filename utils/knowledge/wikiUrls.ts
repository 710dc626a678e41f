import { WBK, type EntityId } from 'wikibase-sdk';
import type { Endpoints } from '../settings/endpoints';

/** Wikipedia language codes as Wikimedia uses them ("en", "zh-yue", "be-tarask"); anything else is refused. */
const LANG_RE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8}){0,2}$/;

/**
 * The language to query: the article's when it is a valid code, else English. A page's BCP 47 tag names a region or
 * a script ("de-DE", "pt-BR", "en-AU", "zh-Hant") where Wikipedia has one edition per language: those subtags are
 * dropped. Editions whose code has a second part ("zh-yue", "be-tarask", "zh-min-nan") keep it.
 */
export function wikiLang(lang: string | null | undefined): string {
  const base = (lang ?? '').trim().toLowerCase().replace(/_/g, '-');
  const [primary = '', ...rest] = base.split('-');
  if (!/^[a-z]{2,3}$/.test(primary)) return 'en';
  const kept = rest.filter((part) => !/^(?:[a-z]{2}|\d{3}|[a-z]{4})$/.test(part));
  const code = [primary, ...kept].join('-');
  return LANG_RE.test(code) ? code : primary;
}

/** Base URL of one Wikipedia ("https://de.wikipedia.org"), from the `{lang}` template. */
export function wikipediaBase(endpoints: Endpoints, lang: string): string {
  return endpoints.wikipedia.replace('{lang}', wikiLang(lang)).replace(/\/+$/, '');
}

/** An Action API URL with formatversion=2; `origin=*` makes anonymous CORS work from extension pages too. */
export function actionApiUrl(endpoints: Endpoints, lang: string, params: Record<string, string>): string {
  const query = new URLSearchParams({ action: 'query', format: 'json', formatversion: '2', origin: '*', maxlag: '5', ...params });
  // URLSearchParams writes spaces as '+', which MediaWiki reads as spaces too; '|' stays encoded (%7C), also fine.
  return `${wikipediaBase(endpoints, lang)}/w/api.php?${query.toString()}`;
}

/** The REST summary URL of one title (used by the naive baseline and nowhere in the batched path). */
export function restSummaryUrl(endpoints: Endpoints, lang: string, title: string): string {
  return `${wikipediaBase(endpoints, lang)}/api/rest_v1/page/summary/${encodeURIComponent(title.replace(/ /g, '_'))}`;
}

/** The canonical article URL shown on a card. */
export function articleUrl(lang: string, title: string): string {
  return `https://${wikiLang(lang)}.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`;
}

const wbkByInstance = new Map<string, ReturnType<typeof WBK>>();

/** A wbgetentities URL built by wikibase-sdk (≤ 50 ids, the API's limit). */
export function wbGetEntitiesUrl(endpoints: Endpoints, ids: string[], props: Array<'labels' | 'descriptions' | 'claims' | 'sitelinks'>, languages: string[]): string {
  const instance = endpoints.wikidata.replace(/\/+$/, '');
  let wbk = wbkByInstance.get(instance);
  if (!wbk) {
    wbk = WBK({ instance });
    wbkByInstance.set(instance, wbk);
  }
  const url = wbk.getEntities({ ids: ids as EntityId[], props, languages });
  // wikibase-sdk adds origin=* only when it sees a document; a service worker has none, so add it ourselves.
  return url.includes('origin=') ? `${url}&maxlag=5` : `${url}&origin=*&maxlag=5`;
}

/**
 * Endpoints for one base URL laid out as `/{lang}/w/api.php` + `/wikidata/w/api.php` (scripts/lib/fakeWiki.ts),
 * for `--wiki <base URL>` in the CLI.
 */
export function endpointsFromBase(base: string): Endpoints {
  const b = base.replace(/\/+$/, '');
  return { wikipedia: `${b}/{lang}`, wikidata: `${b}/wikidata` };
}
