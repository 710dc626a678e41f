import { afterEach, describe, expect, it } from 'vitest';
import type { Entity } from '../../../utils/entities/types';
import { createMentions, MENTION } from '../../../utils/page/mentions';
import { articleContextOf, pageCssCount, fakeSend, installHighlightApi, loadPage } from './pageFixture';

const pages: Array<{ close(): void }> = [];
afterEach(() => {
  while (pages.length) pages.pop()!.close();
});

/** An entity mentioned wherever `name` occurs in the article text. */
function entityNamed(text: string, name: string, extra: Partial<Entity> = {}): Entity {
  const mentions = [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({ start: m.index, end: m.index + name.length, text: name }));
  return { id: `person:${name}`, type: 'person', name, aliases: [], mentions, ...extra };
}

function setup(opts: { api?: boolean; underline?: boolean } = {}) {
  const page = loadPage();
  pages.push(page);
  const registry = opts.api === false ? undefined : installHighlightApi(page.win);
  const context = articleContextOf(page);
  const putin = entityNamed(context.article.text, 'Putin');
  const cartoon = entityNamed(context.article.text, 'Kim', { fictional: true });
  context.entities = [putin, cartoon];
  const send = fakeSend({ 'settings/underline': () => ({ visible: opts.underline ?? true }) });
  const mentions = createMentions(page, { send, current: () => context });
  return { page, registry, context, putin, cartoon, send, mentions };
}

describe('mention underlines', () => {
  it('underlines every mention of a real entity as one Highlight, and none of a fictional one', () => {
    const { registry, putin, cartoon, mentions } = setup();
    expect(putin.mentions.length).toBeGreaterThan(1);
    expect(cartoon.mentions.length).toBeGreaterThan(0);
    expect(mentions.paint(true)).toBe(putin.mentions.length);
    const underline = registry!.get(MENTION)!;
    expect(underline.ranges.map((r) => (r as Range).toString())).toEqual(putin.mentions.map(() => 'Putin'));
  });

  it('takes the underline away when the reader turns it off, and has nothing to hit then', () => {
    const { registry, mentions } = setup();
    mentions.paint(true);
    expect(mentions.paint(false)).toBe(0);
    expect(registry!.has(MENTION)).toBe(false);
    expect(mentions.at(10, 10)).toBeUndefined();
  });

  it('asks the background whether underlines are on', async () => {
    const on = setup({ underline: true });
    expect(await on.mentions.refresh()).toBe(on.putin.mentions.length);
    expect(on.send.calls).toEqual([{ type: 'settings/underline', payload: {} }]);
    const off = setup({ underline: false });
    expect(await off.mentions.refresh()).toBe(0);
    expect(off.registry!.has(MENTION)).toBe(false);
  });

  it('paints nothing without the Highlight API (no DOM change for underlines)', () => {
    const { page, mentions } = setup({ api: false });
    const before = page.doc.body.innerHTML;
    expect(mentions.paint(true)).toBe(0);
    expect(page.doc.body.innerHTML).toBe(before);
  });

  it('takes the underline and its CSS away when the signal aborts', () => {
    const { page, registry, mentions } = setup();
    mentions.paint(true);
    expect(pageCssCount(page.doc)).toBe(1);
    page.controller.abort();
    expect(registry!.has(MENTION)).toBe(false);
    expect(pageCssCount(page.doc)).toBe(0);
    expect(mentions.paint(true)).toBe(0);
  });
});
