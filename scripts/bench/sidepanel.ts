/**
 * `## sidepanel`: how long the entity list takes to render in a DOM (jsdom, so slower than a browser: an upper bound),
 * beside the bare minimum the same DOM costs (a plain list of 200 buttons) measured in the same run:
 * the seed's entities (target: within one 16 ms frame), 200 entities, one card arriving (memoised rows), opening the
 * card with the most mentions, and the snippet function's throughput.
 */
import { register } from 'node:module';
import { JSDOM } from 'jsdom';
import type { ComponentChild } from 'preact';
import type { Entity } from '../../utils/entities/types';
import type { LinkResult } from '../../utils/knowledge/types';
import { linkedKnowledge } from './support/seedKnowledge';
import { median, medianMs, timedSync } from './support/measure';
import { SEED_TEXT } from '../lib/seed';

// The components import their stylesheet; in Node a .css import must resolve to an empty module.
register(
  'data:text/javascript,' +
    encodeURIComponent(
      `export async function load(url, context, next) { if (url.endsWith('.css')) return { format: 'module', source: '', shortCircuit: true }; return next(url, context); }`,
    ),
);


const ms = (v: number) => `${v.toFixed(2)} ms`;

/** Prints the section. */
export async function run(): Promise<void> {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  const g = globalThis as Record<string, unknown>;
  for (const key of ['window', 'document', 'HTMLElement', 'Node', 'Event', 'MouseEvent', 'KeyboardEvent']) {
    g[key] = (dom.window as unknown as Record<string, unknown>)[key];
  }
  // The cards read extension APIs (ReadElsewhere asks whether the page shares the database): WXT's fake browser.
  g.browser = (await import('wxt/testing/fake-browser')).fakeBrowser;
  const { h, render } = await import('preact');
  const { act } = await import('preact/test-utils');
  const { EntitySections } = await import('../../components/entities/EntitySections');
  const { findEntities } = await import('../../utils/entities/findEntities');
  const { mentionSnippet } = await import('../../utils/entities/snippets');

  const text = SEED_TEXT;

  const seed = findEntities({ text });
  // 200 entities with real mentions: the seed's, cloned under new names.
  const many: Entity[] = Array.from({ length: 200 }, (_, i) => {
    const base = seed[i % seed.length]!;
    return { ...base, id: `${base.id}#${i}`, name: `${base.name} ${i}` };
  });
  const noop = () => {};
  const root = document.createElement('div');
  document.body.append(root);

  const sections = (entities: Entity[], knowledge: Record<string, LinkResult | 'loading'>) =>
    h(EntitySections, { entities, text, knowledge, lookupsState: 'on', onReveal: noop, onChooseLink: noop });
  const mount = (vnode: ComponentChild) => {
    render(vnode, root);
  };
  const unmount = () => render(null, root);

  const baseline = await medianMs(15, () => {
    mount(h('ul', null, many.map((e) => h('li', { key: e.id }, h('button', { type: 'button' }, e.name)))));
    unmount();
  });
  const seedKnowledge = linkedKnowledge(seed);
  const seedRender = await medianMs(15, () => {
    mount(sections(seed, seedKnowledge));
    unmount();
  });
  const manyKnowledge = linkedKnowledge(many);
  const manyRender = await medianMs(15, () => {
    mount(sections(many, manyKnowledge));
    unmount();
  });

  // One card arriving: only that row re-renders (memoised rows), beside every row changing.
  const loading: Record<string, LinkResult | 'loading'> = Object.fromEntries(many.map((e) => [e.id, 'loading']));
  mount(sections(many, loading));
  let state = loading;
  let k = 0;
  const oneArrives = await medianMs(15, () => {
    const entity = many[k++ % many.length]!;
    state = { ...state, [entity.id]: manyKnowledge[entity.id]! };
    mount(sections(many, state));
  });
  // The same, with every entity and card re-sent as fresh copies (extension messaging clones its payloads).
  const freshArrives = await medianMs(15, () => {
    const entity = many[k++ % many.length]!;
    state = { ...state, [entity.id]: manyKnowledge[entity.id]! };
    mount(sections(structuredClone(many), structuredClone(state)));
  });
  let flip = false;
  const allChange = await medianMs(15, () => {
    flip = !flip;
    mount(sections(many, flip ? loading : manyKnowledge));
  });
  unmount();

  // Opening the card of the most-mentioned entity (snippets for every mention): only the click is timed.
  const top = [...seed].sort((a, b) => b.mentions.length - a.mentions.length)[0]!;
  const openTimes: number[] = [];
  for (let i = 0; i < 16; i++) {
    mount(sections(seed, seedKnowledge));
    const row = Array.from(root.querySelectorAll<HTMLElement>('li.entity')).find((li) => li.dataset.entityId === top.id)!;
    const toggle = row.querySelector<HTMLElement>('.entity-toggle')!;
    const [, opening] = timedSync(() => act(() => toggle.click()));
    if (i > 0) openTimes.push(opening.wall);
    if (toggle.getAttribute('aria-expanded') !== 'true') throw new Error('card did not open');
    unmount();
  }
  const open = median(openTimes);

  // Snippets: ours beside Intl.Segmenter (the library way: segment the paragraph, pick the sentence holding the mention).
  const allMentions = seed.flatMap((e) => e.mentions);
  const snippetRuns = 100;
  let t0 = performance.now();
  for (let i = 0; i < snippetRuns; i++) for (const m of allMentions) mentionSnippet(text, m);
  const perSnippetUs = ((performance.now() - t0) * 1000) / (snippetRuns * allMentions.length);
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  t0 = performance.now();
  for (let i = 0; i < snippetRuns; i++) {
    for (const m of allMentions) {
      const paraStart = text.lastIndexOf('\n', m.start) + 1;
      const paraEnd = text.indexOf('\n', m.end);
      const para = text.slice(paraStart, paraEnd === -1 ? text.length : paraEnd);
      segmenter.segment(para).containing(m.start - paraStart);
    }
  }
  const perSegmenterUs = ((performance.now() - t0) * 1000) / (snippetRuns * allMentions.length);

  // Element counts, to compare per-element cost with the baseline (jsdom's DOM calls dominate).
  mount(sections(many, manyKnowledge));
  const manyElements = root.querySelectorAll('*').length;
  unmount();
  const baselineElements = 400;

  const perEl = (total: number, n: number) => `${((total * 1000) / n).toFixed(0)} µs/element`;
  console.log('## sidepanel');
  console.log('jsdom, median of 15 runs: absolute times are an upper bound (jsdom DOM calls are far slower than a browser\'s,');
  console.log('and the machine is shared); compare each figure with its baseline. The one-frame target is checked in Chromium (e2e).');
  console.log(`baseline: plain <ul> of 200 <li><button>name: ${ms(baseline)} (${perEl(baseline, baselineElements)})`);
  console.log(`200 entities, linked cards: first render ${ms(manyRender)}, ${manyElements} elements (${perEl(manyRender, manyElements)}) — target: per-element cost ≈ baseline's (no work beyond building the DOM)`);
  console.log(`seed (${seed.length} entities, linked cards): first render ${ms(seedRender)} = ${(seedRender / baseline).toFixed(2)}× the 200-button baseline — target ≤ 16 ms in Chromium`);
  console.log(`200 entities: one card arrives ${ms(oneArrives)}, the same re-sent as fresh copies ${ms(freshArrives)}, vs every card changes ${ms(allChange)} — target: one ≪ all (rows memoised by value)`);
  console.log(`open ${top.name}'s card (${top.mentions.length} mention snippets): ${ms(open)} — target ≤ 16 ms in Chromium`);
  console.log(`mentionSnippet: ${perSnippetUs.toFixed(1)} µs per mention vs Intl.Segmenter on the paragraph ${perSegmenterUs.toFixed(1)} µs (${allMentions.length} seed mentions × ${snippetRuns}) — target: ≤ Segmenter`);
  dom.window.close();
}
