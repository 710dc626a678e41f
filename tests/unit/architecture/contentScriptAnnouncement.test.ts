import { describe, expect, it } from 'vitest';
import analyzer from '../../../entrypoints/analyzer.content/index';
import content from '../../../entrypoints/content';

/*
 * Issue #13, finding 8: WXT's `wxt:content-script-started` window.postMessage announced Backstory (and its id) on
 * every page, and gave the page the name of the event that shuts a content script down. Both scripts opt out.
 */
describe('content scripts announce nothing to the page', () => {
  it.each([
    ['content.ts', content],
    ['analyzer.content', analyzer],
  ])('%s sets noScriptStartedPostMessage', (_name, definition) => {
    expect((definition as { noScriptStartedPostMessage?: boolean }).noScriptStartedPostMessage).toBe(true);
  });
});
