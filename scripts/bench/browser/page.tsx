/**
 * Runs inside headless Chromium for `## browser` (scripts/bench/browser.ts bundles it with esbuild and injects it):
 * exposes `window.backstoryBench`, whose functions each measure one thing in the real page and return numbers.
 */
import { render } from 'preact';
import { EntitySections } from '../../../components/entities/EntitySections';
import type { Entity } from '../../../utils/entities/types';
import type { LinkResult } from '../../../utils/knowledge/types';
import { paintHighlights, wrapRange, type PaintEntry } from '../../../utils/highlights/paint';
import { HIGHLIGHT_COLORS } from '../../../utils/highlights/types';

/** Resolves after the next frame has been rendered: a task queued from rAF runs once that frame's paint is done. */
const nextFrame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

/** One timed render: the synchronous part (script + forced style/layout) and up to the end of the next frame. */
export interface RenderTiming {
  /** render() plus a forced layout read, ms: the work that must fit in a frame. */
  sync: number;
  /** From render() to the end of the next painted frame, ms (includes waiting for the frame's vsync). */
  frame: number;
  /** Elements rendered. */
  elements: number;
}

/** Frame-to-frame intervals of a run, ms. */
export interface FrameLog {
  intervals: number[];
}

function root(): HTMLElement {
  let el = document.getElementById('bench-root');
  if (!el) {
    el = document.createElement('div');
    el.id = 'bench-root';
    document.body.append(el);
  }
  return el;
}

async function timeRender(draw: (el: HTMLElement) => void): Promise<RenderTiming> {
  const el = root();
  render(null, el);
  el.textContent = '';
  await nextFrame();
  const t0 = performance.now();
  draw(el);
  void document.body.offsetHeight;
  const sync = performance.now() - t0;
  await nextFrame();
  const frame = performance.now() - t0;
  return { sync, frame, elements: el.querySelectorAll('*').length };
}

const noop = () => {};

/** Steps the window down by `step` px per animation frame to the bottom, logging frame-to-frame intervals. */
function scrollThrough(step: number): Promise<number[]> {
  window.scrollTo(0, 0);
  return new Promise((done) => {
    const intervals: number[] = [];
    let last = -1;
    const tick = () => {
      // performance.now(), not the rAF timestamp (the frame's scheduled start, which can hide a late frame).
      const now = performance.now();
      if (last >= 0) intervals.push(now - last);
      last = now;
      const before = window.scrollY;
      window.scrollBy(0, step);
      if (window.scrollY === before && intervals.length > 0) done(intervals);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** A word-aligned highlight as paragraph indexes and character offsets in their single text nodes. */
export interface RangeSpec {
  startPara: number;
  start: number;
  endPara: number;
  end: number;
}

function makeRanges(article: HTMLElement, specs: readonly RangeSpec[]): PaintEntry[] {
  const paras = Array.from(article.querySelectorAll('p'));
  return specs.map((spec, i) => {
    const range = document.createRange();
    range.setStart(paras[spec.startPara]!.firstChild!, spec.start);
    range.setEnd(paras[spec.endPara]!.firstChild!, spec.end);
    return { id: `h${i}`, color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length]!, range };
  });
}

/** Timings of one highlight-painting pass, ms. */
export interface PaintTiming {
  /** The synchronous call. */
  sync: number;
  /** From the call to the end of the next painted frame. */
  frame: number;
  /** Longest frame-to-frame interval seen from just before the call until two frames after it. */
  worstInterval: number;
  mode: string;
  /** Highlights the page shows afterwards (API: ranges in our registry entries; marks: distinct ids on <mark>s). */
  painted: number;
}

async function timePaint(articleHtml: string, specs: readonly RangeSpec[], how: 'api' | 'marks'): Promise<PaintTiming> {
  const article = document.getElementById('article')!;
  article.innerHTML = articleHtml;
  CSS.highlights.clear();
  const entries = makeRanges(article, specs);
  await nextFrame();
  // A rAF loop running through the pass: its longest gap is how long the page was frozen.
  let running = true;
  let last = performance.now();
  let worstInterval = 0;
  // performance.now(), not the rAF timestamp: that is the frame's scheduled start, which hides a late frame.
  const loop = () => {
    const now = performance.now();
    worstInterval = Math.max(worstInterval, now - last);
    last = now;
    if (running) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  await nextFrame();
  let mode = 'marks';
  const t0 = performance.now();
  if (how === 'api') {
    mode = paintHighlights(window, entries).mode;
  } else {
    // Reverse document order: wrapping moves a text node, which would collapse earlier ranges still inside it.
    for (let i = entries.length - 1; i >= 0; i--) wrapRange(document, entries[i]!);
  }
  void document.body.offsetHeight;
  const sync = performance.now() - t0;
  await nextFrame();
  const frame = performance.now() - t0;
  await nextFrame();
  running = false;
  let painted = 0;
  if (how === 'api') {
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('backstory-')) painted += highlight.size;
    });
  } else {
    painted = new Set(Array.from(article.querySelectorAll('mark[data-backstory]'), (m) => m.getAttribute('data-backstory'))).size;
  }
  return { sync, frame, worstInterval, mode, painted };
}

const bench = {
  /** The side panel's entity list. */
  sections: (entities: Entity[], text: string, knowledge: Record<string, LinkResult | 'loading'>) =>
    timeRender((el) =>
      render(
        <EntitySections entities={entities} text={text} knowledge={knowledge} lookupsState="on" onReveal={noop} onChooseLink={noop} />,
        el,
      ),
    ),
  /** Baseline: the least a list of the same names costs. */
  plain: (names: string[]) =>
    timeRender((el) =>
      render(
        <ul>
          {names.map((name, i) => (
            <li key={i}>
              <button type="button">{name}</button>
            </li>
          ))}
        </ul>,
        el,
      ),
    ),
  /** Scrolls through whatever is rendered now. */
  scroll: async (step: number): Promise<FrameLog> => {
    await nextFrame();
    return { intervals: await scrollThrough(step) };
  },
  clear: async () => {
    render(null, root());
    window.scrollTo(0, 0);
    await nextFrame();
  },
  paint: timePaint,
};

declare global {
  interface Window {
    backstoryBench: typeof bench;
  }
}
window.backstoryBench = bench;
