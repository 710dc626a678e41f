import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { normalizeLang, readMetadata, splitAuthors, toIsoTime } from '../../../utils/article/metadata';

const page = (head: string, body = ''): Document => parseHTML(`<html lang="en"><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;

describe('readMetadata order of trust', () => {
  it('JSON-LD beats OpenGraph, @graph @id references resolve', () => {
    const doc = page(`
      <meta property="og:title" content="Social headline!">
      <meta property="og:site_name" content="OG Site">
      <meta property="article:published_time" content="2020-01-01T00:00:00Z">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"NewsMediaOrganization","@id":"#org","name":"Graph Publisher"},
        {"@type":"Person","@id":"#p1","name":"Ada Byline"},
        {"@type":["NewsArticle"],"headline":"Real headline","author":[{"@id":"#p1"},{"@type":"Person","name":"Bo Second"}],
         "publisher":{"@id":"#org"},"datePublished":"2021-06-01T10:00:00+02:00","image":[{"@type":"ImageObject","url":"/img/lead.jpg"}]}
      ]}</script>`);
    const m = readMetadata(doc, 'https://news.example.com/a/b');
    expect(m.title).toBe('Real headline');
    expect(m.authors).toEqual(['Ada Byline', 'Bo Second']);
    expect(m.authorsSource).toBe('json-ld');
    expect(m.siteName).toBe('Graph Publisher');
    expect(m.publishedTime).toBe('2021-06-01T08:00:00.000Z');
    expect(m.leadImage).toBe('https://news.example.com/img/lead.jpg');
  });

  it('falls back to OpenGraph/meta, ignores profile-URL authors, reads <time> markup', () => {
    const doc = page(
      `<meta property="og:title" content="OG headline"><meta property="article:author" content="https://facebook.com/someone">
       <meta name="author" content="Jane Roe and John Doe"><link rel="canonical" href="/canon">`,
      `<aside><time datetime="2019-01-01T00:00:00Z">old related story</time></aside><article><time datetime="2022-03-04T05:06:07Z">4 March</time></article>`,
    );
    const m = readMetadata(doc, 'https://news.example.com/x');
    expect(m.title).toBe('OG headline');
    expect(m.authors).toEqual(['Jane Roe', 'John Doe']);
    expect(m.authorsSource).toBe('meta');
    expect(m.publishedTime).toBe('2022-03-04T05:06:07.000Z');
    expect(m.canonicalHref).toBe('/canon');
  });

  it('survives invalid JSON-LD and CDATA wrappers', () => {
    const doc = page(`<script type="application/ld+json">{ not json</script>
      <script type="application/ld+json"><![CDATA[ {"@type":"Article","headline":"Wrapped"} ]]></script>`);
    expect(readMetadata(doc, 'https://x.example/').title).toBe('Wrapped');
  });

  it('picks the article node matching the canonical URL among several', () => {
    const doc = page(`<link rel="canonical" href="https://n.example/story-2">
      <script type="application/ld+json">[{"@type":"NewsArticle","headline":"Related one","url":"https://n.example/story-1"},
      {"@type":"NewsArticle","headline":"This one","url":"https://n.example/story-2"}]</script>`);
    expect(readMetadata(doc, 'https://n.example/story-2?utm_source=x').title).toBe('This one');
  });
});

describe('helpers', () => {
  it.each([
    ['2021-11-01T10:52:50+0100', '2021-11-01T09:52:50.000Z'],
    ['2019-04-28 06:01:07', '2019-04-28T06:01:07.000Z'],
    ['2018-12-21T12:55:00Z', '2018-12-21T12:55:00.000Z'],
    ['2024-05-02', '2024-05-02T00:00:00.000Z'],
    ['1700000000', '2023-11-14T22:13:20.000Z'],
    ['not a date', null],
    ['1970-01-01T00:00:00Z', null],
  ])('toIsoTime(%s) = %s', (input, expected) => {
    expect(toIsoTime(input)).toBe(expected);
  });

  it.each([
    ['en_us', 'en-US'],
    ['EN', 'en'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['de-DE, en', 'de-DE'],
    ['x', null],
  ])('normalizeLang(%s) = %s', (input, expected) => {
    expect(normalizeLang(input)).toBe(expected);
  });

  it('splits bylines', () => {
    expect(splitAuthors('By Jane Roe, John Doe and Sam Poe')).toEqual(['Jane Roe', 'John Doe', 'Sam Poe']);
    expect(splitAuthors('Von Katrin Weber und Jonas Maier')).toEqual(['Katrin Weber', 'Jonas Maier']);
  });
});
