import { existsSync } from 'node:fs';
import { aptInstall, canAptInstall, isDebianLike } from './debian';

/** Where Chromium or Chrome is usually installed; CHROME_PATH overrides them all. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The Chromium/Chrome executable to use, or null when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROME_PATH) return existsSync(env.CHROME_PATH) ? env.CHROME_PATH : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * Finds Chromium, installing Debian's package when running as root on Debian; otherwise explains what to install.
 * Throws an Error whose message is the instruction for the reader.
 */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROME_PATH) throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but there is no such file.`);
  if (canAptInstall()) {
    log('Chromium is not installed: installing Debian\'s "chromium" package (about 2 minutes)…');
    aptInstall('chromium');
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    isDebianLike()
      ? 'Chromium is not installed. Install it with:  sudo apt-get install -y chromium   (or set CHROME_PATH to a Chrome or Chromium binary).'
      : 'No Chromium or Chrome found. Install Google Chrome or Chromium, or set CHROME_PATH to its executable.',
  );
}
