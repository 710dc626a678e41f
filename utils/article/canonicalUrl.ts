import { getDomain } from 'tldts';
import { parseHttpUrl } from '../url/httpUrl';

/**
 * URL identity: the key under which an article's highlights and notes live.
 *
 * Two visits to the same article must give the same key, whatever campaign link, AMP variant or mobile host
 * the reader arrived through; two different articles must never share one. So we only remove what is known to
 * be noise (tracking parameters, fragments, AMP markers) and keep every other query parameter, because some
 * sites select the article with one (`?id=`, `?p=`, `?story=`).
 */

/** Query parameters that only track the visit, never select content. Lower-case; `utm_*` etc. are matched by prefix below. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'igsh', 'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi', 'hsctatracking', 'mkt_tok', 'oly_anon_id',
  'oly_enc_id', 'vero_id', 'vero_conv', 'wickedid', 'rb_clickid', 's_cid', 'cmpid', 'cmp', 'ito', 'smid', 'smtyp',
  'ocid', 'ncid', 'sr_share', 'at_medium', 'at_campaign', 'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4',
  'at_ptr_name', 'at_link_id', 'at_link_origin', 'at_link_type', 'at_format', 'at_bbc_team', 'ref_src', 'ref_url',
  'xtor', 'spm', 'share', 'shared', 'sharetype', 'cid', 'icid', 'ns_mchannel', 'ns_source', 'ns_campaign',
  'ns_linkname', 'ns_fee', 'src', 'source', 'referrer', 'fromref', 'taid', 'guccounter', 'guce_referrer',
  'guce_referrer_sig', 'soc_src', 'soc_trk', 'trk', 'trkcampaign', 'sc_cid', 'emc', 'partner', 'mbid', 'cmpgn',
  '__twitter_impression', 'outputtype', 'amp', 'amp_js_v', 'amp_gsa', 'usqp', 'ampshare',
]);

/** Prefixes of tracking parameters (`utm_source`, `utm_medium`, `pk_campaign`, `mtm_kwd`, …). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'matomo_', 'piwik_', 'hsa_', 'vgo_', 'oly_', 'at_', 'ns_', 'mc_'];

function isTrackingParam(name: string, value: string): boolean {
  const key = name.toLowerCase();
  // `?amp` alone or `amp=1/true` marks an AMP variant; `outputType=amp` is the Washington Post's flavour.
  if (key === 'outputtype') return value.toLowerCase() === 'amp';
  if (key === 'amp') return value === '' || value === '1' || value.toLowerCase() === 'true';
  // `source`/`src`/`share`/`cid`/`partner` are tracking on news sites in practice, but some CMSes select content with
  // them; drop them only when they look like campaign tags (no digits-only id).
  if (key === 'src' || key === 'source' || key === 'cid' || key === 'partner' || key === 'share') return !/^\d+$/.test(value);
  if (TRACKING_PARAMS.has(key)) return true;
  return TRACKING_PREFIXES.some((p) => key.startsWith(p));
}

/**
 * Leading labels that name a variant of the same site, never another publisher: `m.example.com` and
 * `www.example.com` are one site; `alice.substack.com` and `mallory.substack.com` are two.
 */
const VARIANT_LABELS = new Set(['www', 'm', 'mobile', 'amp']);

function normalHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

/** IPv4 or (bracketed) IPv6 literal. */
function isIP(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}

const PSL = { allowPrivateDomains: true, extractHostname: false } as const;

/**
 * The registrable domain of a host from the Public Suffix List, private section included, so a shared-hosting
 * suffix makes each customer their own site (`alice.github.io`, not `github.io`). IP addresses, single-label hosts
 * (localhost) and hosts that are themselves a public suffix are their own site. tldts is pinned in package.json;
 * the list is compiled into it, so updating the package updates the list.
 */
export function registrableDomain(host: string): string {
  const h = normalHost(host);
  return isIP(h) ? h : (getDomain(h, PSL) ?? h);
}

/** The host without variant labels (`www.`, `m.`, …), never shorter than its registrable domain. */
function baseHost(host: string): string {
  const h = normalHost(host);
  const domain = registrableDomain(h);
  let rest = h;
  while (rest !== domain && rest.endsWith(`.${domain}`)) {
    const [first] = rest.split('.', 1);
    if (!first || !VARIANT_LABELS.has(first)) break;
    rest = rest.slice(first.length + 1);
  }
  return rest;
}

/**
 * True when a page on host `pageHost` may name `otherHost` as its own site: the same host, or a variant of it on
 * the same registrable domain (`m.` → `www.`). Sibling subdomains are not the same site, even where the Public
 * Suffix List does not know the platform (`mallory.substack.com` cannot speak for `alice.substack.com`), and
 * nothing under a shared-hosting suffix is (`mallory.github.io` vs `alice.github.io`). This is the rule that decides
 * whose highlights a page may see (issue #13): when in doubt, the same host.
 */
export function sameSite(pageHost: string, otherHost: string): boolean {
  const a = normalHost(pageHost);
  const b = normalHost(otherHost);
  if (a === b) return true;
  // IP addresses and single-label hosts have no variants.
  if (isIP(a) || isIP(b) || !a.includes('.') || !b.includes('.')) return false;
  if (getDomain(a, PSL) === null || registrableDomain(a) !== registrableDomain(b)) return false;
  return baseHost(a) === baseHost(b);
}


/** Removes AMP markers from a path: `/amp/…`, `…/amp`, `….amp`, `….amp.html`. */
function stripAmpPath(path: string): string {
  let p = path.replace(/\/amp(?=\/)/i, '');
  p = p.replace(/\/amp\/?$/i, '/');
  p = p.replace(/\.amp(\.html?)?$/i, (_m, ext: string | undefined) => ext ?? '');
  return p === '' ? '/' : p;
}

/** Drops tracking parameters, AMP markers and the fragment; sorts the remaining parameters (stable per key). */
function clean(u: URL): string {
  const out = new URL(u.href);
  out.hash = '';
  out.username = '';
  out.password = '';
  out.hostname = out.hostname.toLowerCase();
  if (out.hostname.startsWith('amp.')) out.hostname = `www.${out.hostname.slice(4)}`;
  out.pathname = stripAmpPath(out.pathname);
  const kept: [string, string][] = [];
  for (const [k, v] of out.searchParams) if (!isTrackingParam(k, v)) kept.push([k, v]);
  // Stable sort by key: `?b=1&a=2` and `?a=2&b=1` are the same article, repeated keys keep their order.
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  out.search = kept.length === 0 ? '' : new URLSearchParams(kept).toString();
  return out.href;
}

/**
 * The identity key of an article: the page's canonical link when it is on the same site (see sameSite()) and
 * plausible, else the page URL,
 * without tracking parameters, fragment or AMP markers. Never throws; an unparsable page URL comes back trimmed.
 */
export function canonicalUrl(pageUrl: string, canonicalHref?: string | null): string {
  const page = parseHttpUrl(pageUrl.trim());
  if (!page) return pageUrl.trim();
  let chosen = page;
  if (canonicalHref && canonicalHref.trim() !== '') {
    const canon = parseHttpUrl(canonicalHref.trim(), page.href);
    if (
      canon &&
      sameSite(page.hostname, canon.hostname) &&
      // Some CMSes print the home page as every article's canonical: trusting it would pour every article's
      // notes into one key. A canonical to "/" counts only when the page itself is the front page.
      !(canon.pathname === '/' && canon.search === '' && page.pathname !== '/')
    ) {
      chosen = canon;
      // A canonical written as http:// on an https page is a template slip, not a different resource.
      if (page.protocol === 'https:' && canon.protocol === 'http:') chosen = new URL(canon.href.replace(/^http:/, 'https:'));
    }
  }
  return clean(chosen);
}

/**
 * True when a page at `pageUrl` may claim `articleUrl` as the key of the article it shows: the key is what
 * canonicalUrl() gives for this page with that URL as its canonical link. The background asks this of every key a
 * content script names, so a page reaches only records of its own article (or its own site's, which its canonical
 * link can name anyway), never another site's.
 */
export function mayClaim(pageUrl: string, articleUrl: string): boolean {
  if (!parseHttpUrl(pageUrl) || !parseHttpUrl(articleUrl)) return false;
  return canonicalUrl(pageUrl, articleUrl) === articleUrl;
}
