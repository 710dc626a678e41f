import type { EntityType } from '../entities/types';
import type { KeyFact } from './types';
import { bestClaims, itemValues, type WdClaim, type WdEntity } from './wikidataEntities';
import { asTime, formatTime, timeKey, yearsBetween } from './wikidataTime';

/** Resolves an item id to its label (from the batched label look-up), or null when unknown. */
export type LabelOf = (id: string) => string | null;

const MAX_OCCUPATIONS = 3;
const MAX_CITIZENSHIPS = 2;

/**
 * The office to show: for a living person the current one (started, not ended) that started last; otherwise the one
 * that ended last (ties: the later start). Undated statements are used only when nothing is dated.
 */
export function currentOrLastOffice(entity: WdEntity): WdClaim | null {
  const offices = bestClaims(entity, 'P39').filter((c) => typeof c.value === 'string');
  const start = (c: WdClaim) => timeKey(asTime(c.qualifiers.P580?.[0]));
  const end = (c: WdClaim) => timeKey(asTime(c.qualifiers.P582?.[0]));
  const alive = !entity.claims.P570?.length;
  if (alive) {
    const current = offices.filter((c) => start(c) > -Infinity && end(c) === -Infinity).sort((a, b) => start(b) - start(a));
    if (current[0]) return current[0];
  }
  const dated = offices.filter((c) => end(c) > -Infinity || start(c) > -Infinity);
  const last = (c: WdClaim) => (end(c) > -Infinity ? end(c) : start(c));
  const pick = dated.sort((a, b) => last(b) - last(a) || start(b) - start(a))[0];
  return pick ?? offices[0] ?? null;
}

/** The latest population statement with its year. */
function latestPopulation(entity: WdEntity): { amount: number; year: string | null } | null {
  let best: { amount: number; year: string | null; key: number } | null = null;
  for (const c of bestClaims(entity, 'P1082')) {
    const amount = Number((c.value as { amount?: unknown } | null)?.amount);
    if (!Number.isFinite(amount)) continue;
    const t = asTime(c.qualifiers.P585?.[0]);
    const key = timeKey(t);
    if (!best || key > best.key) best = { amount, year: t ? (formatTime({ ...t, precision: 9 }) ?? null) : null, key };
  }
  return best ? { amount: best.amount, year: best.year } : null;
}

function coordinatesOf(entity: WdEntity): { lat: number; lon: number } | null {
  const v = bestClaims(entity, 'P625')[0]?.value as { latitude?: unknown; longitude?: unknown } | undefined;
  return v && typeof v.latitude === 'number' && typeof v.longitude === 'number' ? { lat: v.latitude, lon: v.longitude } : null;
}

/** "42.4308° N, 130.6434° E". */
export function formatCoordinates(c: { lat: number; lon: number }): string {
  const f = (n: number) => String(Math.round(Math.abs(n) * 10_000) / 10_000);
  return `${f(c.lat)}° ${c.lat >= 0 ? 'N' : 'S'}, ${f(c.lon)}° ${c.lon >= 0 ? 'E' : 'W'}`;
}

/** Item ids whose labels the facts of this entity need (one batched label request covers all entities). */
export function referencedIds(type: EntityType, entity: WdEntity): string[] {
  const ids = [...itemValues(entity, 'P31')];
  if (type === 'person') {
    const office = currentOrLastOffice(entity);
    if (office && typeof office.value === 'string') ids.push(office.value);
    ids.push(...itemValues(entity, 'P27').slice(0, MAX_CITIZENSHIPS), ...itemValues(entity, 'P106').slice(0, MAX_OCCUPATIONS));
  } else if (type === 'place') {
    ids.push(...itemValues(entity, 'P17').slice(0, 1), ...itemValues(entity, 'P131').slice(0, 1));
  } else if (type === 'organization') {
    ids.push(...itemValues(entity, 'P159').slice(0, 1), ...itemValues(entity, 'P17').slice(0, 1));
  }
  return ids.filter((id) => id !== entity.id);
}

/** Key facts for a card, by entity type; `now` gives ages. Facts whose labels are unknown are left out. */
export function keyFacts(type: EntityType, entity: WdEntity, labelOf: LabelOf, now: number): KeyFact[] {
  const facts: KeyFact[] = [];
  const labels = (ids: string[]) => ids.map(labelOf).filter((l): l is string => l !== null);
  const time = (p: string) => asTime(bestClaims(entity, p)[0]?.value);

  if (type === 'person') {
    const born = time('P569');
    const died = time('P570');
    const bornText = born ? formatTime(born) : null;
    if (bornText) {
      const age = born && !died ? yearsBetween(born, now) : null;
      facts.push({ kind: 'born', label: 'Born', value: age !== null ? `${bornText} (age ${age})` : bornText });
    }
    const diedText = died ? formatTime(died) : null;
    if (died && diedText) {
      const aged = born ? yearsBetween(born, died) : null;
      facts.push({ kind: 'died', label: 'Died', value: aged !== null ? `${diedText} (aged ${aged})` : diedText });
    }
    const office = currentOrLastOffice(entity);
    const officeLabel = office && typeof office.value === 'string' ? labelOf(office.value) : null;
    if (office && officeLabel) {
      const start = asTime(office.qualifiers.P580?.[0]);
      const end = asTime(office.qualifiers.P582?.[0]);
      const from = start ? formatTime(start) : null;
      const to = end ? formatTime({ ...end, precision: Math.min(end.precision, 9) }) : null;
      const fromYear = start ? formatTime({ ...start, precision: Math.min(start.precision, 9) }) : null;
      // A current office needs a start date and a living holder; anything else is shown as the last one.
      const current = !end && !died && start !== null;
      const when = current
        ? ` (since ${from})`
        : fromYear && to
          ? ` (${fromYear}–${to})`
          : to
            ? ` (until ${to})`
            : fromYear
              ? ` (from ${fromYear})`
              : '';
      facts.push({ kind: 'office', label: current ? 'Office' : 'Last office', value: `${officeLabel}${when}` });
    }
    const citizenship = labels(itemValues(entity, 'P27').slice(0, MAX_CITIZENSHIPS));
    if (citizenship.length) facts.push({ kind: 'citizenship', label: 'Citizenship', value: citizenship.join(', ') });
    const occupation = labels(itemValues(entity, 'P106').slice(0, MAX_OCCUPATIONS));
    if (occupation.length) facts.push({ kind: 'occupation', label: 'Occupation', value: occupation.join(', ') });
  } else if (type === 'place') {
    const country = itemValues(entity, 'P17').filter((id) => id !== entity.id)[0];
    const countryLabel = country ? labelOf(country) : null;
    if (countryLabel) facts.push({ kind: 'country', label: 'Country', value: countryLabel });
    const region = itemValues(entity, 'P131').filter((id) => id !== country && id !== entity.id)[0];
    const regionLabel = region ? labelOf(region) : null;
    if (regionLabel) facts.push({ kind: 'region', label: 'Region', value: regionLabel });
    const population = latestPopulation(entity);
    if (population) {
      const n = population.amount.toLocaleString('en-US');
      facts.push({ kind: 'population', label: 'Population', value: population.year ? `${n} (${population.year})` : n });
    }
    const coords = coordinatesOf(entity);
    if (coords) facts.push({ kind: 'coordinates', label: 'Coordinates', value: formatCoordinates(coords) });
  } else if (type === 'organization') {
    const founded = time('P571');
    const foundedText = founded ? formatTime(founded) : null;
    if (foundedText) facts.push({ kind: 'founded', label: 'Founded', value: foundedText });
    const hq = itemValues(entity, 'P159')[0];
    const hqLabel = hq ? labelOf(hq) : null;
    if (hqLabel) facts.push({ kind: 'headquarters', label: 'Headquarters', value: hqLabel });
  }
  return facts;
}

/** Coordinates from Wikidata's P625, for the card (Wikipedia's own coordinates are the fallback). */
export function wikidataCoordinates(entity: WdEntity): { lat: number; lon: number } | null {
  return coordinatesOf(entity);
}
