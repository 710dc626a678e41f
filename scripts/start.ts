// `npm start`: builds Backstory, serves the sample article on 127.0.0.1 and opens Chromium with the extension loaded
// on it. Without a display (a server, CI) it runs headless instead: prints the analysis of the sample page and saves
// a screenshot of the side panel to a file it names.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeInput, printHuman, toJson } from './analyze';
import { ensureChromium } from './lib/chromium';
import { launchExtension } from './lib/launch';
import { startStaticServer } from './lib/staticServer';

const ROOT = resolve(import.meta.dirname, '..');
const PAGES = resolve(ROOT, 'tests/fixtures/pages');
const SAMPLE = '/seed/';

function hasDisplay(): boolean {
  if (process.env.CI || process.env.BACKSTORY_HEADLESS) return false;
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function main(): Promise<void> {
  console.log('Building Backstory (wxt build)…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('The build failed; run `npx wxt build` to see why.');

  ensureChromium();
  const server = await startStaticServer(PAGES);
  const sampleUrl = `${server.url}${SAMPLE}`;

  if (hasDisplay()) {
    const profile = resolve(ROOT, '.tmp/chromium-profile');
    mkdirSync(profile, { recursive: true });
    // The reader's own session: Wikipedia look-ups go out as they would in their browser.
    const browser = await launchExtension({ headless: false, userDataDir: profile, localOnly: false });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(sampleUrl);
    console.log(`\nChromium is open on the sample article: ${sampleUrl}`);
    console.log('Click the Backstory button in the toolbar (puzzle piece → Backstory), or press Alt+Shift+B, to open the side panel.');
    console.log('Your highlights and notes are kept in .tmp/chromium-profile. Close the browser to stop.');
    await new Promise<void>((done) => browser.context.on('close', () => done()));
    await server.close();
    return;
  }

  console.log('No display: running headless.\n');
  const html = readFileSync(resolve(PAGES, 'seed/index.html'), 'utf8');
  printHuman(toJson(analyzeInput(html, sampleUrl, false)));

  const browser = await launchExtension({ headless: true });
  try {
    const page = await browser.context.newPage();
    await page.goto(sampleUrl);
    const panel = await browser.openPanel(await browser.tabIdOf(page));
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.locator('h1.article-title').waitFor({ timeout: 30_000 });
    const title = await panel.locator('h1.article-title').textContent();
    const byline = await panel.locator('.article-byline').textContent();
    const dir = resolve(ROOT, 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    const shot = resolve(dir, 'start-sidepanel.png');
    await panel.screenshot({ path: shot, fullPage: true });
    console.log(`\nThe side panel in Chromium shows: "${title}" — ${byline}`);
    console.log(`Screenshot of the side panel: ${shot}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
