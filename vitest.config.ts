import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Four tiers, one runner: `unit` (pure logic), `integration` (Dexie on fake-indexeddb, DOM fixtures,
 * message handlers), `e2e` (the built extension in Debian's Chromium) and `e2e-firefox` (the built Firefox extension
 * in Debian's Firefox ESR). `scripts/test.mjs` runs them all.
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          // A loaded CI machine makes the browser slow, not wrong: waiting conditions get 10 s, not Vitest's 1 s.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          name: 'e2e-firefox',
          include: ['tests/e2e-firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          expect: { poll: { timeout: 10_000 } },
          // After the other tiers, not beside Chromium: two browsers at once on a 2-core machine make both slow.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
