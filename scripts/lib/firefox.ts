import { existsSync } from 'node:fs';
import { aptInstall, canAptInstall, isDebianLike } from './debian';

/** Where Firefox is usually installed (Debian's ESR first: it is what the Firefox tier runs on); FIREFOX_PATH overrides them all. */
const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

/** The Firefox executable to use, or null when none is installed. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.FIREFOX_PATH) return existsSync(env.FIREFOX_PATH) ? env.FIREFOX_PATH : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * Finds Firefox, installing Debian's `firefox-esr` when running as root on Debian; otherwise explains what to install.
 * Throws an Error whose message is the instruction for the reader.
 */
export function ensureFirefox(log: (line: string) => void = console.log): string {
  const found = findFirefox();
  if (found) return found;
  if (process.env.FIREFOX_PATH) throw new Error(`FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, but there is no such file.`);
  if (canAptInstall()) {
    log('Firefox is not installed: installing Debian\'s "firefox-esr" package…');
    aptInstall('firefox-esr');
    const installed = findFirefox();
    if (installed) return installed;
  }
  throw new Error(
    isDebianLike()
      ? 'Firefox is not installed. Install it with:  sudo apt-get install -y firefox-esr   (or set FIREFOX_PATH to a Firefox binary).'
      : 'No Firefox found. Install Firefox (ESR 140 or newer), or set FIREFOX_PATH to its executable.',
  );
}
