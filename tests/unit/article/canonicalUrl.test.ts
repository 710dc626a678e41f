import { describe, expect, it } from 'vitest';
import { canonicalUrl, mayClaim, registrableDomain, sameSite } from '../../../utils/article/canonicalUrl';

/** [page URL, canonical href or null, expected key, why] */
const CASES: Array<[string, string | null, string, string]> = [
  ['https://www.theguardian.com/world/2019/jan/03/whale-strandings?utm_source=twitter&utm_medium=social&CMP=share_btn_tw', null, 'https://www.theguardian.com/world/2019/jan/03/whale-strandings', 'utm_* and CMP dropped'],
  ['https://www.bbc.co.uk/news/world-us-canada-33646542?at_medium=RSS&at_campaign=KARANGA#comments', null, 'https://www.bbc.co.uk/news/world-us-canada-33646542', 'BBC at_* and fragment dropped'],
  ['https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html?smid=fb-share&fbclid=IwAR3xYz', null, 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html', 'smid and fbclid dropped'],
  ['https://example-news.com/story?id=48213&utm_campaign=daily', null, 'https://example-news.com/story?id=48213', 'content-selecting ?id= kept'],
  ['https://blog.example.org/?p=1234&gclid=abc', null, 'https://blog.example.org/?p=1234', 'WordPress ?p= kept, gclid dropped'],
  ['https://news.example.com/read?p=2&id=7', null, 'https://news.example.com/read?id=7&p=2', 'kept parameters sorted for a stable key'],
  ['https://www.example.com/amp/world/2023/10/02/axis-of-outcasts', null, 'https://www.example.com/world/2023/10/02/axis-of-outcasts', '/amp/ path segment removed'],
  ['https://www.example.com/world/2023/10/02/axis-of-outcasts/amp', null, 'https://www.example.com/world/2023/10/02/axis-of-outcasts/', 'trailing /amp removed'],
  ['https://www.example.com/world/axis-of-outcasts?amp=1', null, 'https://www.example.com/world/axis-of-outcasts', '?amp=1 removed'],
  ['https://www.washingtonpost.com/world/tunisia-attack/2015/03/18/story.html?outputType=amp', null, 'https://www.washingtonpost.com/world/tunisia-attack/2015/03/18/story.html', 'outputType=amp removed'],
  ['https://www.example.com/news/story.amp.html', null, 'https://www.example.com/news/story.html', '.amp.html variant'],
  ['https://m.example.com/news/story-1?ref_src=twsrc', 'https://www.example.com/news/story-1', 'https://www.example.com/news/story-1', 'm. vs www. resolved by the same-site canonical'],
  ['https://amp.example.com/news/story-1', null, 'https://www.example.com/news/story-1', 'amp. host maps to www.'],
  ['https://www.example.com/news/story-1?utm_source=x', '/news/story-1', 'https://www.example.com/news/story-1', 'relative canonical resolved against the page'],
  ['https://www.example.com/news/story-1', 'https://evil.example.net/other', 'https://www.example.com/news/story-1', 'cross-site canonical ignored'],
  ['https://www.example.com/news/story-1', 'https://www.example.com/', 'https://www.example.com/news/story-1', 'home-page canonical on an article ignored'],
  ['https://m.example.co.uk/news/1', 'https://www.example.co.uk/news/1', 'https://www.example.co.uk/news/1', 'm. → www. under co.uk'],
  // A sibling subdomain is another publisher until proven otherwise: the same host is preferred (issue #13).
  ['https://www.example.co.uk/news/1', 'https://news.example.co.uk/news/1', 'https://www.example.co.uk/news/1', 'sibling subdomain under co.uk ignored'],
  ['https://www.example.co.uk/news/1', 'https://www.other.co.uk/news/1', 'https://www.example.co.uk/news/1', 'different sites under co.uk'],
  ['https://www.example.com/news/1', 'http://www.example.com/news/1', 'https://www.example.com/news/1', 'http canonical on an https page upgraded'],
  ['http://127.0.0.1:8080/seed/index.html?utm_source=test', 'https://www.dailymeridian.example/opinion/axis', 'http://127.0.0.1:8080/seed/index.html', 'local fixture: foreign canonical ignored'],
  ['https://www.Example.com/News/Story?mc_cid=1&mc_eid=2&_ga=3', null, 'https://www.example.com/News/Story', 'host lower-cased, path case kept, mailchimp/GA dropped'],
  ['https://www.example.com/video?v=abc123&share=twitter', null, 'https://www.example.com/video?v=abc123', 'v= kept, share=twitter dropped'],
  ['not a url', null, 'not a url', 'unparsable page URL returned trimmed'],
];

/**
 * Look-alike hosts (issue #13, finding 1): a page may never name another publisher's article as its canonical,
 * or it would be shown that article's highlights. [page URL, canonical href, expected key, why]
 */
const LOOK_ALIKES: Array<[string, string, string, string]> = [
  ['https://mallory.substack.com/p/x', 'https://alice.substack.com/p/x', 'https://mallory.substack.com/p/x', 'substack: sibling subdomain (not in the PSL)'],
  ['https://mallory.substack.com/p/x', 'https://substack.com/p/x', 'https://mallory.substack.com/p/x', 'substack: the platform apex is not the page’s site'],
  ['https://mallory.github.io/x', 'https://alice.github.io/x', 'https://mallory.github.io/x', 'github.io: PSL private section'],
  ['https://mallory.github.io/x', 'https://github.io/x', 'https://mallory.github.io/x', 'github.io: the suffix itself'],
  ['https://mallory.blogspot.com/2024/01/x.html', 'https://alice.blogspot.com/2024/01/x.html', 'https://mallory.blogspot.com/2024/01/x.html', 'blogspot.com'],
  ['https://mallory.netlify.app/x', 'https://alice.netlify.app/x', 'https://mallory.netlify.app/x', 'netlify.app'],
  ['https://www.mallory.github.io/x', 'https://alice.github.io/x', 'https://www.mallory.github.io/x', 'www. variant does not reach past a private suffix'],
  ['https://mallory.co.uk/x', 'https://alice.co.uk/x', 'https://mallory.co.uk/x', 'co.uk: two registrants'],
  ['https://www.mallory.co.uk/x', 'https://www.alice.co.uk/x', 'https://www.mallory.co.uk/x', 'co.uk with www.'],
  ['https://evil.com.au/x', 'https://www.abc.net.au/news/x', 'https://evil.com.au/x', 'two ccTLD second levels'],
  ['https://example.com.evil.net/x', 'https://example.com/x', 'https://example.com.evil.net/x', 'the other site as a subdomain label'],
  ['http://127.0.0.1:8080/x', 'http://127.0.0.2:8080/x', 'http://127.0.0.1:8080/x', 'another IP address'],
  ['http://localhost:8080/x', 'http://other.localhost:8080/x', 'http://localhost:8080/x', 'localhost has no variants'],
  ['https://alice.github.io/x', 'https://www.alice.github.io/x', 'https://www.alice.github.io/x', 'www. of the same github.io site is the same site'],
  ['https://alice.substack.com/p/x?utm_source=y', 'https://alice.substack.com/p/x', 'https://alice.substack.com/p/x', 'the same host is always fine'],
];

describe('canonicalUrl', () => {
  it.each(LOOK_ALIKES)('look-alike %s claiming %s → %s — %s', (page, canon, expected) => {
    expect(canonicalUrl(page, canon)).toBe(expected);
  });

  it.each(CASES)('%s (canonical %s) → %s — %s', (page, canon, expected) => {
    expect(canonicalUrl(page, canon)).toBe(expected);
  });

  it('gives the same key for a campaign link and its clean URL', () => {
    const a = canonicalUrl('https://www.example.com/a/b?utm_source=x#top');
    const b = canonicalUrl('https://www.example.com/a/b');
    expect(a).toBe(b);
  });

  it('keeps two different articles apart', () => {
    expect(canonicalUrl('https://example.com/story?id=1')).not.toBe(canonicalUrl('https://example.com/story?id=2'));
  });
});

describe('mayClaim', () => {
  it.each([
    ['https://mallory.substack.com/p/x', 'https://alice.substack.com/p/x', false],
    ['https://mallory.github.io/x', 'https://alice.github.io/x', false],
    ['https://www.example.com/a?utm_source=x', 'https://www.example.com/a', true],
    ['https://m.example.com/a', 'https://www.example.com/a', true],
    ['https://www.example.com/a', 'https://www.example.com/other', true],
    ['https://www.example.com/a', 'https://www.example.com/', false],
    ['https://www.example.com/a', 'javascript:alert(1)', false],
    ['https://www.example.com/a', 'https://www.example.com/a#frag', false],
  ])('a page at %s may claim %s: %s', (page, key, expected) => {
    expect(mayClaim(page, key)).toBe(expected);
  });
});

describe('sameSite', () => {
  it.each([
    ['www.nytimes.com', 'nytimes.com', true],
    ['m.bbc.co.uk', 'www.bbc.co.uk', true],
    ['edition.cnn.com', 'www.cnn.com', false],
    ['alice.substack.com', 'mallory.substack.com', false],
    ['alice.github.io', 'mallory.github.io', false],
    ['github.io', 'github.io', true],
    ['example.com.', 'EXAMPLE.com', true],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(sameSite(a, b)).toBe(expected);
  });
});

describe('registrableDomain', () => {
  it.each([
    ['alice.github.io', 'alice.github.io'],
    ['alice.substack.com', 'substack.com'],
    ['www.example.com.br', 'example.com.br'],
    ['news.bbc.co.uk.', 'bbc.co.uk'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['edition.cnn.com', 'cnn.com'],
    ['www.abc.net.au', 'abc.net.au'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
  ])('%s → %s', (host, expected) => {
    expect(registrableDomain(host)).toBe(expected);
  });
});
