// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { startMentionPreview } from '../../../entrypoints/analyzer.content/mentionPreview';
import { siteOf } from '../../../utils/article/siteOf';
import type { Entity } from '../../../utils/entities/types';
import { send } from '../../../components/platform/messaging';
import type { Mentions } from '../../../utils/page/mentions';
import { fakeBackground, seedDocument, watchInPageUi, useSeededPage } from './inPageUi';
import { articleContextOf } from './pageFixture';
import { fireTrusted } from './trustedEvents';

let ui: ReturnType<typeof watchInPageUi>;
let env: ReturnType<typeof seedDocument>;
useSeededPage((u, e) => {
  ui = u;
  env = e;
});

const PUTIN: Entity = { id: 'person:putin', type: 'person', name: 'Vladimir Putin', aliases: ['Putin'], mentions: [{ start: 0, end: 5, text: 'Putin' }] };

function setup(opts: { onHighlight?: boolean; lookup?: () => unknown } = {}) {
  const context = articleContextOf(env);
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('p')!);
  const mentions: Mentions = { refresh: async () => 1, paint: () => 1, at: () => ({ entity: PUTIN, range }) };
  const received = fakeBackground({ 'knowledge/lookup': opts.lookup ?? (() => ({})) });
  startMentionPreview(env, { send, current: () => context, mentions, isOnHighlight: () => opts.onHighlight ?? false });
  const card = () => ui.roots[0]?.querySelector('[role="dialog"]') ?? null;
  return { context, received, card };
}

describe('mention preview', () => {
  it("opens on the reader's click on an underlined mention and shows what the background found", async () => {
    const { context, received, card } = setup();
    fireTrusted(document.body, 'click', { clientX: 5, clientY: 5 }, 'MouseEvent');
    expect(card()?.getAttribute('aria-label')).toBe('About Vladimir Putin');
    await expect.poll(() => card()?.textContent).toContain('No confident match on Wikipedia.');
    expect(received).toEqual([
      {
        type: 'knowledge/lookup',
        payload: {
          entities: [{ id: PUTIN.id, type: PUTIN.type, name: PUTIN.name, aliases: PUTIN.aliases }],
          lang: context.article.lang,
          site: siteOf(context.article.canonicalUrl),
          context: context.article.text,
        },
      },
    ]);
    fireTrusted(document, 'keydown', { key: 'Escape' }, 'KeyboardEvent');
    expect(card()).toBeNull();
  });

  it('says so when the background cannot be reached', async () => {
    const { card } = setup({ lookup: () => ({ error: { code: 'unavailable', message: 'down' } }) });
    fireTrusted(document.body, 'click', { clientX: 5, clientY: 5 }, 'MouseEvent');
    await expect.poll(() => card()?.textContent).toContain('Background could not be loaded.');
  });

  it("stays shut for a page script's click and for a click on a highlight (that opens the note)", async () => {
    const page = setup();
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 5, clientY: 5 }));
    expect(page.card()).toBeNull();
    env.controller.abort();
    env = seedDocument();
    const onHighlight = setup({ onHighlight: true });
    fireTrusted(document.body, 'click', { clientX: 5, clientY: 5 }, 'MouseEvent');
    expect(onHighlight.card()).toBeNull();
    expect([...page.received, ...onHighlight.received]).toEqual([]);
  });
});
