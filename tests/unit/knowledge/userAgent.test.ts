import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiUserAgent } from '../../../utils/knowledge/userAgent';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string; homepage?: string };

describe('the Api-User-Agent', () => {
  it('names Backstory, its version and a contact URL from package.json (Wikimedia’s User-Agent policy)', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(apiUserAgent(pkg.version, pkg.homepage)).toBe(`Backstory/${pkg.version} (${pkg.homepage}; reading-companion browser extension)`);
  });
  it('leaves out a contact that is not a plain https URL rather than send something odd', () => {
    expect(apiUserAgent('1.0.0', 'javascript:alert(1)')).toBe('Backstory/1.0.0 (reading-companion browser extension)');
    expect(apiUserAgent('1.0.0', 'https://x.example/a b')).toBe('Backstory/1.0.0 (reading-companion browser extension)');
    expect(apiUserAgent('1.0.0', undefined)).toBe('Backstory/1.0.0 (reading-companion browser extension)');
  });
});
