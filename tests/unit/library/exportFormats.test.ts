import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleMarkdown, bundleArticles, exportMarkdownFiles, exportMarkdownSingle, markdownFileName, markdownTag } from '../../../utils/library/exportMarkdown';
import { ANNO_CONTEXT, exportW3c } from '../../../utils/library/exportW3c';
import { w3cToLibrary, W3cAnnotationSchema } from '../../../utils/library/importW3c';
import { parseLibraryFile } from '../../../utils/library/importLibraryFile';
import { zipTextFiles } from '../../../utils/library/zipFiles';
import { unzipSync, strFromU8 } from 'fflate';
import * as v from 'valibot';
import { seedLibrary } from '../../fixtures/library/seedLibrary';

const NOW = new Date('2026-11-29T08:00:00.000Z');
const noYield = { yieldFn: async () => {} };

describe('Markdown export', () => {
  it('renders one file per article (snapshot)', async () => {
    const files = exportMarkdownFiles(seedLibrary());
    expect(files.map((f) => f.name)).toEqual(['2026-11-25 Russia pulls out of Black Sea grain deal.md', '2026-11-20 Axis of outcasts - Putin and Kim’s cartoon summit.md']);
    await expect(files[1]!.content).toMatchFileSnapshot('../../fixtures/library/snapshots/axis-of-outcasts.md');
    await expect(exportMarkdownSingle(seedLibrary(), NOW).content).toMatchFileSnapshot('../../fixtures/library/snapshots/library-single.md');
  });

  it('writes YAML front matter that round-trips through JSON-style scalars', () => {
    const content = exportMarkdownFiles(seedLibrary())[1]!.content;
    const fm = content.split('---\n')[1]!;
    const title = /^title: (.*)$/m.exec(fm)![1]!;
    expect(JSON.parse(title)).toBe('Axis of outcasts: Putin and Kim’s cartoon summit');
    expect(fm).toMatch(/^authors:\n {2}- "Nina L\. Khrushcheva"$/m);
    expect(fm).toMatch(/^tags:\n {2}- "north-korea"\n {2}- "russia"$/m);
    expect(fm).toMatch(/^published: "2023-10-02T05:30:00.000Z"$/m);
  });

  it('keeps a multi-paragraph quote inside one blockquote and escapes Markdown at line starts', () => {
    const lib = seedLibrary();
    lib.highlights[0]!.quote.exact = '# Not a heading\n\n- not a list\nplain';
    const md = articleMarkdown(bundleArticles(lib).find((b) => b.article.id === lib.articles[0]!.id)!);
    expect(md).toContain('> \\# Not a heading\n>\n> \\- not a list\n> plain');
  });

  it('makes Obsidian-safe tags and file names', () => {
    expect(markdownTag('war in ukraine')).toBe('war-in-ukraine');
    expect(markdownTag('#follow up!')).toBe('follow-up');
    const a = { ...seedLibrary().articles[0]!, title: 'A/B: "what?" <test>|*' };
    expect(markdownFileName(a)).toBe('2026-11-20 A - B - what - test.md');
  });

  it('zips per-article files for one download', () => {
    const files = exportMarkdownFiles(seedLibrary());
    const unzipped = unzipSync(zipTextFiles(files, 'Backstory'));
    expect(Object.keys(unzipped).sort()).toEqual(files.map((f) => `Backstory/${f.name}`).sort());
    expect(strFromU8(unzipped[`Backstory/${files[0]!.name}`]!)).toBe(files[0]!.content);
  });
});

describe('W3C Web Annotation export', () => {
  const collection = exportW3c(seedLibrary(), NOW, 'urn:uuid:00000000-0000-4000-8000-000000000000');

  it('is an AnnotationCollection with an embedded AnnotationPage of Annotations', () => {
    expect(collection['@context']).toBe(ANNO_CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.total).toBe(collection.first.items.length);
    expect(collection.total).toBe(2 + 3 + 1);
    for (const item of collection.first.items) {
      expect(v.safeParse(W3cAnnotationSchema, item).success).toBe(true);
      expect(item.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(Date.parse(item.created)).not.toBeNaN();
    }
  });

  it('writes highlights with TextQuoteSelector + TextPositionSelector, note and tag bodies, and colour as styleClass + CssStylesheet', () => {
    const h = collection.first.items.find((i) => i.id === 'urn:uuid:a1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6')!;
    expect(h.motivation).toBe('commenting');
    expect(h.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: seedLibrary().highlights[0]!.quote.exact, prefix: 'o greet him. ', suffix: '\n\nOf course, the artillery and wea' },
      { type: 'TextPositionSelector', start: 1121, end: 1225 },
    ]);
    expect(h.body).toEqual([
      { type: 'TextualBody', value: 'The **cartoon** framing — compare with the 2019 Vladivostok summit.', purpose: 'commenting', format: 'text/markdown' },
      { type: 'TextualBody', value: 'imagery', purpose: 'tagging' },
    ]);
    expect(h.target.styleClass).toBe('backstory-yellow');
    expect(h.stylesheet!.value).toContain('.backstory-yellow {');
    const bare = collection.first.items.find((i) => i.id === 'urn:uuid:b2f3a4b5-c6d7-4e8f-9a01-b2c3d4e5f6a7')!;
    expect(bare.motivation).toBe('highlighting');
    expect(bare.body).toBeUndefined();
  });

  it('imports its own export back: highlights, notes, article titles and tags', async () => {
    const back = await w3cToLibrary(JSON.parse(JSON.stringify(collection)), noYield);
    const seed = seedLibrary();
    expect(back.highlights).toEqual(seed.highlights);
    expect(back.notes).toEqual(seed.notes);
    expect(back.articles.map((a) => [a.id, a.url, a.title, a.tags, a.createdAt, a.updatedAt])).toEqual(
      seed.articles.map((a) => [a.id, a.url, a.title, a.tags, a.createdAt, a.updatedAt]),
    );
  });
});

describe('W3C Web Annotation import', () => {
  it('imports Hypothesis JSON-LD annotations (array targets, extra selectors, untyped comment bodies)', async () => {
    const text = readFileSync(new URL('../../fixtures/library/hypothesis-annotations.jsonld.json', import.meta.url), 'utf8');
    const { kind, data } = await parseLibraryFile(text, noYield);
    expect(kind).toBe('w3c');
    expect(data.highlights).toHaveLength(1);
    const h = data.highlights[0]!;
    expect(h.quote.exact).toBe('the Vostochny Cosmodrome, where Putin showed Kim the facilities');
    expect(h.position).toEqual({ type: 'TextPositionSelector', start: 3208, end: 3320 });
    expect(h.note).toBe('Who else was at **Vostochny**?');
    expect(h.tags).toEqual(['summits']);
    expect(h.color).toBe('yellow');
    expect(h.createdAt).toBe(Date.parse('2023-10-03T11:02:45.123Z'));
    expect(h.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Stable ids: importing the same file twice merges instead of duplicating.
    expect((await parseLibraryFile(text, noYield)).data.highlights[0]!.id).toBe(h.id);
    expect(data.notes.map((n) => n.body)).toEqual(["Read the author's book on Putin next."]);
    // A placeholder article that never overwrites a saved one.
    expect(data.articles).toHaveLength(1);
    expect(data.articles[0]!.updatedAt).toBe(0);
    expect(data.articles[0]!.site).toBe('thedailystar.net');
    expect(h.articleId).toBe(data.articles[0]!.id);
  });

  it('rejects a bad annotation with its position', async () => {
    const collection = exportW3c(seedLibrary(), NOW);
    (collection.first.items[4]!.target as { source: unknown }).source = 42;
    await expect(parseLibraryFile(JSON.stringify(collection), noYield)).rejects.toThrow(/^first\.items\[4\]\.target/);
    const bad = exportW3c(seedLibrary(), NOW);
    bad.first.items[3]!.created = 'yesterday';
    await expect(parseLibraryFile(JSON.stringify(bad), noYield)).rejects.toThrow(/^first\.items\[3\]\.created: expected a date and time/);
  });

  it('refuses JSON that is neither format', async () => {
    await expect(parseLibraryFile('{"rows": []}', noYield)).rejects.toThrow(/neither a Backstory backup .* nor W3C Web Annotation JSON/);
  });
});
