import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** True on Debian or a derivative where apt-get can install packages. */
export function isDebianLike(): boolean {
  return existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
}

/** True when this process may install Debian packages itself (root on Debian). */
export function canAptInstall(): boolean {
  return isDebianLike() && process.getuid?.() === 0;
}

/** Installs a Debian package non-interactively (root on Debian only; check canAptInstall() first). */
export function aptInstall(pkg: string): void {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
