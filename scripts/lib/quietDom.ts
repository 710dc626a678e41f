import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * A page parsed by jsdom with no scripts, no resources and a silent console: a stylesheet jsdom cannot parse is the
 * page's business, not the reader's, and would otherwise print "Could not parse CSS stylesheet" for every page.
 * Close its window when done (`dom.window.close()`) on long runs.
 */
export function quietDom(html: string, url: string): JSDOM {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
}
