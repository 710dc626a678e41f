import { describe, expect, it } from 'vitest';
import * as endpointsModule from '../../../utils/settings/endpoints';

const { DEFAULT_ENDPOINTS } = endpointsModule;
/** The check the background runs before every look-up (issue #13, finding 3): https, or http on loopback only. */
const usable = (value: unknown) => endpointsModule.usableEndpoints(value);

describe('usableEndpoints', () => {
  it.each([
    [{ wikipedia: 'https://{lang}.wikipedia.org', wikidata: 'https://www.wikidata.org' }],
    [{ wikipedia: 'http://127.0.0.1:8080/{lang}', wikidata: 'http://127.0.0.1:8080/wikidata' }],
    [{ wikipedia: 'http://localhost:9000/{lang}', wikidata: 'http://[::1]:9000/wd' }],
  ])('keeps %j', (value) => {
    expect(usable(value)).toEqual(value);
  });

  it.each([
    ['plain http to another machine', { wikipedia: 'http://evil.example/{lang}', wikidata: 'https://www.wikidata.org' }],
    ['a javascript: URL', { wikipedia: 'javascript:alert(1)', wikidata: 'https://www.wikidata.org' }],
    ['credentials in the URL', { wikipedia: 'https://user:pass@{lang}.wikipedia.org', wikidata: 'https://www.wikidata.org' }],
    ['http on a host that only starts like loopback', { wikipedia: 'http://127.0.0.1.evil.example/{lang}', wikidata: 'https://www.wikidata.org' }],
    ['not an object', 'https://{lang}.wikipedia.org'],
    ['a missing field', { wikipedia: 'https://{lang}.wikipedia.org' }],
  ])('falls back to the public Wikimedia APIs for %s', (_label, value) => {
    expect(usable(value)).toEqual(DEFAULT_ENDPOINTS);
  });
});
