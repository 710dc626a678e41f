import { describe, expect, it } from 'vitest';
import { canonicalUrl, registrableDomain } from '../../../utils/article/canonicalUrl';

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
  ['https://www.example.co.uk/news/1', 'https://news.example.co.uk/news/1', 'https://news.example.co.uk/news/1', 'same registrable domain under co.uk'],
  ['https://www.example.co.uk/news/1', 'https://www.other.co.uk/news/1', 'https://www.example.co.uk/news/1', 'different sites under co.uk'],
  ['https://www.example.com/news/1', 'http://www.example.com/news/1', 'https://www.example.com/news/1', 'http canonical on an https page upgraded'],
  ['http://127.0.0.1:8080/seed/index.html?utm_source=test', 'https://www.dailymeridian.example/opinion/axis', 'http://127.0.0.1:8080/seed/index.html', 'local fixture: foreign canonical ignored'],
  ['https://www.Example.com/News/Story?mc_cid=1&mc_eid=2&_ga=3', null, 'https://www.example.com/News/Story', 'host lower-cased, path case kept, mailchimp/GA dropped'],
  ['https://www.example.com/video?v=abc123&share=twitter', null, 'https://www.example.com/video?v=abc123', 'v= kept, share=twitter dropped'],
  ['not a url', null, 'not a url', 'unparsable page URL returned trimmed'],
];

describe('canonicalUrl', () => {
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

describe('registrableDomain', () => {
  it.each([
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['edition.cnn.com', 'cnn.com'],
    ['www.abc.net.au', 'abc.net.au'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
  ])('%s → %s', (host, expected) => {
    expect(registrableDomain(host)).toBe(expected);
  });
});
