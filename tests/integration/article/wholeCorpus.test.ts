// Every page of WCXB dev (1,497 real pages) and of ../shared/pages goes through the extension's extraction on a
// linkedom document without an exception, and comes back as an article with text or a refusal with a message.
// linkedom, not jsdom: jsdom's parse alone is ~300 ms a page here, which would put this test past ten minutes.
import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../utils/article/extractArticle';
import { sharedPageFile, sharedPageNames } from '../../../scripts/lib/sharedPages';
import { hasWcxb, WCXB_DIR, wcxbHtml, wcxbPages } from '../../../scripts/lib/wcxb';


/** Pages whose gzipped HTML is larger than this are left out, and counted aloud (the slow tail: ~1% of pages). */
const MAX_GZ_BYTES = 300_000;

interface Case {
  name: string;
  url: string;
  html: () => string;
}

function cases(): { run: Case[]; skipped: string[] } {
  const run: Case[] = [];
  const skipped: string[] = [];
  if (hasWcxb()) {
    for (const p of wcxbPages()) {
      const size = fs.statSync(path.join(WCXB_DIR, 'html', `${p.id}.html.gz`)).size;
      if (size > MAX_GZ_BYTES) skipped.push(p.id);
      else run.push({ name: `wcxb ${p.id}`, url: p.url, html: () => wcxbHtml(p.id) });
    }
  }
  for (const name of sharedPageNames()) {
    run.push({ name: `pages ${name}`, url: `https://example.org/${name}/`, html: () => fs.readFileSync(sharedPageFile(name), 'utf8') });
  }
  return { run, skipped };
}

describe('the whole corpus through the extraction', () => {
  it.skipIf(!hasWcxb())('analyses every page without an exception', () => {
    const { run, skipped } = cases();
    console.log(`whole corpus: ${run.length} pages analysed, ${skipped.length} skipped as the slow tail (gzipped HTML > ${MAX_GZ_BYTES} bytes: ${skipped.join(', ')})`);
    const failures: string[] = [];
    const started = performance.now();
    let articles = 0;
    for (const c of run) {
      try {
        const { document } = parseHTML(c.html()) as unknown as { document: Document };
        const r = extractArticle(document, c.url);
        if (r.kind === 'article') {
          articles++;
          if (r.article.text.trim() === '') failures.push(`${c.name}: an article with no text`);
        } else if (r.message.trim() === '') failures.push(`${c.name}: a refusal with no message`);
        // extractArticle catches everything: an exception inside it surfaces as reason 'error'.
        else if (r.reason === 'error') failures.push(`${c.name}: ${r.message}`);
      } catch (e) {
        failures.push(`${c.name}: threw ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    console.log(`whole corpus: ${articles} articles, ${run.length - articles} refusals, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    expect(failures).toEqual([]);
    // Most of the corpus is articles; a gate that refused everything would "never crash" too.
    expect(articles).toBeGreaterThan(run.length / 2);
  // ~130 s of CPU on this machine (2 cores); the wall-clock limit is generous because the machine is shared.
  }, 1_200_000);
});
