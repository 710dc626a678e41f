// ESLint: the import boundaries between Backstory's contexts (issue #19), as Dark Reader keeps its own, plus the
// rules of hooks. Style is left to the formatter; the type rules to `tsc` (npm run typecheck).
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Extension APIs and their WXT wrappers: only entry points and components/platform/ may touch them. */
const EXTENSION_APIS = [
  { group: ['wxt', 'wxt/*', '#imports', 'webextension-polyfill', '@webext-core/*'], message: 'utils/ is plain logic that runs in Node, the CLI and the browser alike: take what the function needs as a parameter, or put the binding in components/platform/.' },
];
const PREACT = [{ group: ['preact', 'preact/*', '@preact/*'], message: 'utils/ holds no UI: render in components/.' }];
const NO_ENTRYPOINTS = [{ group: ['**/entrypoints/*', '**/entrypoints/**'], message: 'Entry points wire the contexts together; shared code lives in components/ or utils/.' }];
const NO_UI_LAYERS = [{ group: ['**/components/*', '**/components/**'], message: 'utils/ never depends on the UI layer.' }];
const NO_DATABASE = [
  { group: ['dexie', '**/utils/db/*', '**/utils/db/**'], message: 'The database lives in the extension origin: a content script asks the background (one typed message) instead.' },
];
const EXTENSION_GLOBALS = [
  { name: 'browser', message: 'utils/ never reaches the extension APIs: take what it needs as a parameter.' },
  { name: 'chrome', message: 'utils/ never reaches the extension APIs: take what it needs as a parameter.' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-artifacts/**', 'scripts/analyze-cli.mjs', '**/*.min.js'] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // exhaustive-deps stays off: several hooks key their effects on a derived key on purpose (an entity list's ids,
    // a highlight's updatedAt), which the rule cannot express; each such list says why beside it.
    rules: { 'react-hooks/rules-of-hooks': 'error' },
  },
  {
    files: ['utils/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...EXTENSION_APIS, ...PREACT, ...NO_ENTRYPOINTS, ...NO_UI_LAYERS] }],
      'no-restricted-globals': ['error', ...EXTENSION_GLOBALS],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: NO_ENTRYPOINTS }] },
  },
  {
    // Content scripts run in the page's origin: no database there (only `import type` would be harmless, and even
    // that invites the next import to be a value).
    files: ['entrypoints/content.ts', 'entrypoints/*.content.ts', 'entrypoints/*.content/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: NO_DATABASE }] },
  },
);
