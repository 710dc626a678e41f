/**
 * `## browser`: figures measured in real headless Chromium, each beside a baseline from the same run —
 * the side panel's entity list (issue 6: the seed within one frame, 200 entities scroll smoothly) and painting 500
 * highlights on a long page (issue 7: one pass, without freezing it). The page code is scripts/bench/browser/page.tsx,
 * bundled here with esbuild and injected into a blank page (no server, no network: image requests are answered locally).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureChromium } from '../lib/chromium';
import { findEntities } from '../../utils/entities/findEntities';
import type { Entity } from '../../utils/entities/types';
import type { LinkResult } from '../../utils/knowledge/types';
import { highlightCss } from '../../utils/highlights/highlightCss';
import type { FrameLog, PaintTiming, RangeSpec, RenderTiming } from './browser/page';
import { linkedKnowledge } from './support/seedKnowledge';
import { median } from './support/stats';
import { seededRandom } from '../../tests/support/seededRandom';

const RUNS = 9;
const FRAME_MS = 1000 / 60;

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const read = (path: string) => readFileSync(repo(path), 'utf8');


const ms = (v: number) => `${v.toFixed(1)} ms`;


/** The seed's paragraphs repeated until the article is at least `chars` long. */
function longArticle(text: string, chars: number): string[] {
  const paragraphs = text.split(/\n+/).map((p) => p.trim()).filter((p) => p.length > 0);
  const out: string[] = [];
  let total = 0;
  for (let i = 0; total < chars; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    out.push(p);
    total += p.length;
  }
  return out;
}

/** `count` non-overlapping word-aligned ranges of 1–12 words; about one in ten runs on into the next paragraph. */
function wordRanges(paragraphs: readonly string[], count: number, random: () => number): RangeSpec[] {
  const words = paragraphs.map((p) => Array.from(p.matchAll(/\S+/g), (m) => ({ start: m.index, end: m.index + m[0].length })));
  const taken = paragraphs.map(() => [] as Array<[number, number]>);
  const free = (para: number, start: number, end: number) => taken[para]!.every(([s, e]) => end <= s || start >= e);
  const specs: RangeSpec[] = [];
  while (specs.length < count) {
    const para = Math.floor(random() * paragraphs.length);
    const list = words[para]!;
    if (list.length === 0) continue;
    const first = Math.floor(random() * list.length);
    const length = 1 + Math.floor(random() * 12);
    const start = list[first]!.start;
    const crosses = random() < 0.1 && para + 1 < paragraphs.length && (words[para + 1]?.length ?? 0) > 0;
    if (crosses) {
      const next = words[para + 1]!;
      const end = next[Math.min(next.length - 1, Math.floor(random() * 4))]!.end;
      if (!free(para, start, paragraphs[para]!.length) || !free(para + 1, 0, end)) continue;
      taken[para]!.push([start, paragraphs[para]!.length]);
      taken[para + 1]!.push([0, end]);
      specs.push({ startPara: para, start, endPara: para + 1, end });
    } else {
      const end = list[Math.min(list.length - 1, first + length - 1)]!.end;
      if (!free(para, start, end)) continue;
      taken[para]!.push([start, end]);
      specs.push({ startPara: para, start, endPara: para, end });
    }
  }
  return specs;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');


/** A 1×1 PNG served for every image the cards ask for (thumbnails point at upload.wikimedia.org). */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./browser/page.tsx', import.meta.url))],
    bundle: true,
    format: 'iife',
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    target: 'chrome120',
    // The stylesheets are injected as <style> below, as the side panel's page links them.
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

async function openPage(browser: Browser, html: string, script: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
  // Nothing leaves the machine: images get a local pixel, anything else is refused.
  await page.route('**/*', (route) =>
    route.request().resourceType() === 'image' ? route.fulfill({ body: PIXEL, contentType: 'image/png' }) : route.abort(),
  );
  await page.setContent(html);
  await page.addScriptTag({ content: script });
  return page;
}

/**
 * Runs each measurement once to warm up, then `RUNS` rounds taking them in turn, so a busy moment on the shared
 * machine hits every figure alike rather than one whole series.
 */
async function interleaved<T>(fns: ReadonlyArray<() => Promise<T>>): Promise<T[][]> {
  for (const fn of fns) await fn();
  const out = fns.map(() => [] as T[]);
  for (let i = 0; i < RUNS; i++) for (const [k, fn] of fns.entries()) out[k]!.push(await fn());
  return out;
}

interface RenderFigure {
  sync: number;
  /** Fastest run: the least contended estimate on a shared machine. */
  best: number;
  frame: number;
  elements: number;
}
const renderFigure = (runs: readonly RenderTiming[]): RenderFigure => ({
  sync: median(runs.map((r) => r.sync)),
  best: Math.min(...runs.map((r) => r.sync)),
  frame: median(runs.map((r) => r.frame)),
  elements: runs[0]!.elements,
});

async function panelFigures(browser: Browser, script: string): Promise<string[]> {
  const text = read('tests/fixtures/entities/axis-of-outcasts.txt');
  const seed = findEntities({ text });
  const many: Entity[] = Array.from({ length: 200 }, (_, i) => {
    const base = seed[i % seed.length]!;
    return { ...base, id: `${base.id}#${i}`, name: `${base.name} ${i}` };
  });
  const loading = (list: readonly Entity[]) => Object.fromEntries(list.map((e) => [e.id, 'loading' as const]));
  const css = read('components/shared/theme.css') + '\n' + read('components/entities/entities.css');
  const page = await openPage(
    browser,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><style>${css}</style></head><body></body></html>`,
    script,
  );
  try {
    type K = Record<string, LinkResult | 'loading'>;
    const sections = (entities: Entity[], knowledge: K) => () =>
      page.evaluate(([e, t, k]) => window.backstoryBench.sections(e, t, k), [entities, text, knowledge] as const);
    const plain = (entities: Entity[]) => () => page.evaluate((names) => window.backstoryBench.plain(names), entities.map((e) => e.name));

    const [seedPlain, seedLoading, seedLinked, manyPlain, manyLinked] = (
      await interleaved([
        plain(seed),
        sections(seed, loading(seed)),
        sections(seed, linkedKnowledge(seed)),
        plain(many),
        sections(many, linkedKnowledge(many)),
      ])
    ).map(renderFigure) as [RenderFigure, RenderFigure, RenderFigure, RenderFigure, RenderFigure];

    const scroll = async (draw: () => Promise<unknown>): Promise<FrameLog & { height: number }> => {
      await draw();
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const log = await page.evaluate(() => window.backstoryBench.scroll(120));
      await page.evaluate(() => window.backstoryBench.clear());
      return { ...log, height };
    };
    const scrollPlain = await scroll(() => page.evaluate((names) => window.backstoryBench.plain(names), many.map((e) => e.name)));
    const manyKnowledge = linkedKnowledge(many);
    const scrollPanel = await scroll(() =>
      page.evaluate(([e, t, k]) => window.backstoryBench.sections(e, t, k), [many, text, manyKnowledge] as const),
    );
    const describeScroll = (log: FrameLog & { height: number }) =>
      `${log.intervals.length} frames over ${log.height} px: median ${ms(median(log.intervals))}, worst ${ms(Math.max(...log.intervals))}, ` +
      `${log.intervals.filter((v) => v > 50).length} frames > 50 ms`;

    const line = (label: string, r: RenderFigure, base: RenderFigure) =>
      `${label}: render+layout ${ms(r.sync)}, best ${ms(r.best)} (baseline ${ms(base.sync)}, best ${ms(base.best)}), to end of next frame ${ms(r.frame)} (baseline ${ms(base.frame)}), ${r.elements} elements — target render+layout ≤ ${ms(FRAME_MS)}`;
    return [
      `side panel entity list (EntitySections + theme.css + entities.css, 360×900 viewport), median of ${RUNS}; baseline: a plain <ul> of <li><button>name for the same entities`,
      line(`seed, ${seed.length} entities, cards loading (as the analysis arrives)`, seedLoading, seedPlain),
      line(`seed, ${seed.length} entities, linked cards`, seedLinked, seedPlain),
      line('200 entities, linked cards', manyLinked, manyPlain),
      `  ("to end of next frame" includes waiting for the frame's vsync: even the baseline pays up to ${ms(FRAME_MS)})`,
      `scroll 200 entities (linked cards) by 120 px per frame: ${describeScroll(scrollPanel)}`,
      `  baseline plain list: ${describeScroll(scrollPlain)} — target: median ≈ ${ms(FRAME_MS)}, no frame > 50 ms`,
    ];
  } finally {
    await page.close();
  }
}

async function highlightFigures(browser: Browser, script: string): Promise<string[]> {
  const text = read('tests/fixtures/entities/axis-of-outcasts.txt');
  const paragraphs = longArticle(text, 100_000);
  const chars = paragraphs.reduce((n, p) => n + p.length, 0);
  const specs = wordRanges(paragraphs, 500, seededRandom(7));
  const articleHtml = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const page = await openPage(
    browser,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>body{font:18px/1.6 Georgia,serif;margin:0 auto;max-width:40em;padding:1em}\n${highlightCss()}</style></head>` +
      `<body><article id="article"></article></body></html>`,
    script,
  );
  await page.setViewportSize({ width: 1280, height: 900 });
  try {
    const pass = (how: 'api' | 'marks') =>
      page.evaluate(([html, s, h]) => window.backstoryBench.paint(html, s, h), [articleHtml, specs, how] as const);
    const [api, marks] = (await interleaved([() => pass('api'), () => pass('marks')])) as [PaintTiming[], PaintTiming[]];
    const summary = (runs: PaintTiming[]) => {
      const longest = Math.max(...runs.map((r) => r.worstInterval));
      return (
        `call ${ms(median(runs.map((r) => r.sync)))}, to end of next frame ${ms(median(runs.map((r) => r.frame)))}, ` +
        `longest gap between frames median ${ms(median(runs.map((r) => r.worstInterval)))} (worst of ${RUNS}: ${ms(longest)}); ` +
        `mode ${runs[0]!.mode}, ${Math.min(...runs.map((r) => r.painted))}/${specs.length} highlights shown`
      );
    };
    return [
      `500 word-aligned highlights (seed 7, 5 colours) on a ${chars}-character article of ${paragraphs.length} <p>, median of ${RUNS}:`,
      `paintHighlights (CSS Custom Highlight API): ${summary(api)}`,
      `  baseline: wrapping the same ranges in <mark> (wrapRange): ${summary(marks)}`,
      `  target: one pass, no frame > 200 ms`,
    ];
  } finally {
    await page.close();
  }
}

/** Prints the section. */
export async function run(): Promise<void> {
  const executablePath = ensureChromium();
  const [script, browser] = await Promise.all([
    bundlePage(),
    chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }),
  ]);
  try {
    const lines = [...(await panelFigures(browser, script)), ...(await highlightFigures(browser, script))];
    console.log('## browser');
    console.log(`headless Chromium ${browser.version()}, software rendering (--disable-gpu), shared 2-core machine: compare each figure with its baseline`);
    for (const line of lines) console.log(line);
  } finally {
    await browser.close();
  }
}
