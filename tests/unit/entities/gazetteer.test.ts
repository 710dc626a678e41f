import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../../utils/entities/data/build-gazetteer';
import { isFirstName, isKnownOrganization, lookupDemonym, lookupPlace } from '../../../utils/entities/gazetteer';

describe('gazetteer', () => {
  it('shipped gazetteer.json is what the generator makes from the installed packages', () => {
    const shipped: unknown = JSON.parse(readFileSync(new URL('../../../utils/entities/data/gazetteer.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(buildGazetteer());
  });

  it('stays small enough to ship in the extension', () => {
    const bytes = readFileSync(new URL('../../../utils/entities/data/gazetteer.json', import.meta.url)).length;
    expect(bytes).toBeLessThan(100_000);
  });

  it('looks up countries, aliases, capitals, cities and regions by name, ignoring case and accents', () => {
    expect(lookupPlace('north korea')).toEqual({ name: 'North Korea', kind: 'country' });
    expect(lookupPlace('Britain')?.name).toBe('United Kingdom');
    expect(lookupPlace('Pyongyang')?.kind).toBe('capital');
    expect(lookupPlace('Sao Paulo')?.kind).toBe('city');
    expect(lookupPlace('São Paulo')?.kind).toBe('city');
    expect(lookupPlace('Primorsky Krai')).toBeDefined();
    expect(lookupPlace('President')).toBeUndefined();
  });

  it('maps demonyms to their country, including the irregular ones', () => {
    expect(lookupDemonym('Russian')).toBe('Russia');
    expect(lookupDemonym('North Korean')).toBe('North Korea');
    expect(lookupDemonym('French')).toBe('France');
    expect(lookupDemonym('Greek')).toBe('Greece');
    expect(lookupDemonym('Ukrainians')).toBe('Ukraine');
    expect(lookupDemonym('Moscow')).toBeUndefined();
  });

  it('knows common first names and organisations', () => {
    expect(isFirstName('Vladimir')).toBe(true);
    expect(isFirstName('Khasan')).toBe(false);
    expect(isKnownOrganization('JPMorgan Chase')).toBe(true);
  });
});
