import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageAnalysis } from '../../../utils/analysis/analyzePage';
import { send } from '../../../components/platform/messaging';
import { createAnalysisSession } from '../../../utils/page/analysisSession';
import { fakeSend, loadPage, SEED_URL } from './pageFixture';

const SECTION_URL = 'https://www.northernledger.example/uk';
const sectionHtml = readFileSync(resolve(import.meta.dirname, '../../fixtures/pages/section-front/index.html'), 'utf8');

const pages: Array<{ close(): void }> = [];
afterEach(() => {
  while (pages.length) pages.pop()!.close();
  fakeBrowser.reset();
});

function open(html?: string, url?: string) {
  const page = loadPage(html, url);
  pages.push(page);
  return page;
}

describe('analysis session', () => {
  it('analyses the article once, hands the context out and tells the features to paint', async () => {
    const page = open();
    let adopted = 0;
    const session = createAnalysisSession(page, { send: fakeSend({}), onAdopt: () => adopted++ });
    expect(session.current()).toBeUndefined();
    const [first, again] = [session.analyze(false), session.analyze(false)];
    expect(again).toBe(first);
    const analysis = await first;
    expect(analysis.url).toBe(SEED_URL);
    expect(analysis.extraction.kind).toBe('article');
    expect(session.current()?.article.text.length).toBeGreaterThan(1000);
    expect(session.current()?.entities).toBe(analysis.entities);
    // Asked again for the same URL: the analysis it has.
    expect(await session.analyze(false)).toBe(analysis);
    expect(adopted).toBe(1);
  });

  it('sends a re-analysis to the background as page/analysis, through the typed client, when the article changes', async () => {
    const page = open();
    // The background's side of the round trip, as the real router answers.
    const received = new Promise<{ type: string; payload: { analysis: PageAnalysis } }>((resolveMessage) => {
      fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
        resolveMessage(message as { type: string; payload: { analysis: PageAnalysis } });
        sendResponse({ ok: true, data: { stored: true } });
        return true;
      });
    });
    const session = createAnalysisSession(page, { send, onAdopt: () => {} });
    const before = await session.analyze(false);
    const p = page.doc.createElement('p');
    p.textContent = 'A correction was appended to the story after publication, naming the minister who resigned. '.repeat(4);
    // After the article's last paragraph, where a publisher's update lands.
    const text = before.extraction.kind === 'article' ? before.extraction.article.text : '';
    const last = [...page.doc.querySelectorAll('p')].filter((el) => text.includes((el.textContent ?? '').trim().slice(0, 60))).pop()!;
    last.after(p);
    const message = await received;
    expect(message.type).toBe('page/analysis');
    expect(Object.keys(message.payload)).toEqual(['analysis']);
    const after = message.payload.analysis;
    expect(after.extraction.kind).toBe('article');
    expect(after.analyzedAt).toBeGreaterThanOrEqual(before.analyzedAt);
    if (after.extraction.kind === 'article') expect(after.extraction.article.text).toContain('naming the minister who resigned');
  });

  it('extracts a page the gate refuses when the reader saved highlights on it, and reports that analysis', async () => {
    const page = open(sectionHtml, SECTION_URL);
    let reported: PageAnalysis | undefined;
    const fake = fakeSend({
      'highlights/list': () => [{ id: 'h1' }],
      'page/analysis': ({ analysis }: { analysis: PageAnalysis }) => {
        reported = analysis;
        return { stored: true };
      },
    });
    let adopted = 0;
    let bothAdopted: () => void = () => {};
    const done = new Promise<void>((resolveAdopt) => (bothAdopted = resolveAdopt));
    const session = createAnalysisSession(page, {
      send: fake,
      onAdopt: () => {
        if (++adopted === 2) bothAdopted();
      },
    });
    expect((await session.analyze(false)).extraction.kind).not.toBe('article');
    await done;
    expect(session.current()?.article).toBeDefined();
    expect(fake.calls.map((c) => c.type)).toEqual(['highlights/list', 'page/analysis']);
    expect(fake.calls[0]!.payload).toEqual({ url: SECTION_URL });
    expect(reported?.extraction.kind).toBe('article');
  });

  it('leaves a refused page alone when nothing was saved on it', async () => {
    const page = open(sectionHtml, SECTION_URL);
    const fake = fakeSend({ 'highlights/list': () => [] });
    const session = createAnalysisSession(page, { send: fake, onAdopt: () => {} });
    expect((await session.analyze(false)).extraction.kind).not.toBe('article');
    await expect.poll(() => fake.calls.length).toBe(1);
    expect(session.current()).toBeUndefined();
  });
});
