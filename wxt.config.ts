import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * Build configuration for every browser target.
 * Auto-imports are off on purpose: every dependency is an explicit import (STYLE.md).
 */
export default defineConfig({
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'A reading companion for the news: who and where, in the margin, with your highlights and notes kept on your machine.',
    // storage: reader settings; contextMenus: "Open Backstory" / "Highlight with Backstory";
    // scripting: the analysis code is injected only on tabs where the reader opens Backstory.
    permissions: [
      'storage',
      'contextMenus',
      'scripting',
      'activeTab',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // http/https: the small content script and on-demand analysis run on any news site;
    // Wikipedia and Wikidata: the entity look-ups, the only traffic that leaves the machine.
    host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      [browser === 'firefox' ? '_execute_sidebar_action' : 'open-backstory']: {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Open Backstory',
      },
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text',
      },
    },
    action: { default_title: 'Open Backstory' },
    // The note editor is an extension page framed into the article (issue #13): the page can neither read it nor
    // see its keystrokes. Only that one page is web-accessible; WXT writes the MV2 form for Firefox.
    web_accessible_resources: [{ resources: ['note-frame.html'], matches: ['http://*/*', 'https://*/*'] }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
