import type { EntityType } from '../entities/types';
import { formatCoordinates } from './coordinates';
import type { KeyFact } from './types';
import { bestClaims, itemValues, type WdClaim, type WdEntity } from './wikidataEntities';
import { asTime, dayKey, formatTime, timeKey, yearsBetween, type WdTime } from './wikidataTime';

/** Resolves an item id to its label (from the batched label look-up), or null when unknown. */
export type LabelOf = (id: string) => string | null;

const MAX_OCCUPATIONS = 3;
const MAX_CITIZENSHIPS = 2;
/** Offices shown at once ("General Secretary of the Chinese Communist Party (since 2012); President of ..."). */
const MAX_OFFICES = 2;
/** Office items whose labels are asked for: enough for any date an article may have. */
const MAX_OFFICE_LABELS = 12;

const start = (c: WdClaim) => asTime(c.qualifiers.P580?.[0]);
const end = (c: WdClaim) => asTime(c.qualifiers.P582?.[0]);
const preferredFirst = (a: WdClaim, b: WdClaim) => Number(b.rank === 'preferred') - Number(a.rank === 'preferred');

function offices(entity: WdEntity): WdClaim[] {
  return (entity.claims.P39 ?? []).filter((c) => typeof c.value === 'string');
}

/**
 * The offices held on a day (`at`, a dayKey): started by then and not ended. Wikidata's preferred statements first,
 * then the latest start.
 */
export function officesHeld(entity: WdEntity, at: number): WdClaim[] {
  return offices(entity)
    .filter((c) => {
      const s = timeKey(start(c));
      const e = timeKey(end(c));
      return s > -Infinity && s <= at && (e === -Infinity || e > at);
    })
    .sort((a, b) => preferredFirst(a, b) || timeKey(start(b)) - timeKey(start(a)))
    .slice(0, MAX_OFFICES);
}

/** The office that ended last on or before a day (ties: the later start), or, undated, the first one. */
function lastOffice(entity: WdEntity, at: number): WdClaim | null {
  const last = (c: WdClaim) => (end(c) ? timeKey(end(c)) : timeKey(start(c)));
  const dated = offices(entity).filter((c) => last(c) > -Infinity && last(c) <= at);
  const pick = dated.sort((a, b) => last(b) - last(a) || timeKey(start(b)) - timeKey(start(a)))[0];
  if (pick) return pick;
  return offices(entity).every((c) => !start(c) && !end(c)) ? (bestClaims(entity, 'P39').find((c) => typeof c.value === 'string') ?? null) : null;
}

/**
 * The office to show today: for a living person the current one that started last (preferred first); otherwise
 * the one that ended last (ties: the later start). Undated statements are used only when nothing is dated.
 */
export function currentOrLastOffice(entity: WdEntity, now = Date.now()): WdClaim | null {
  const alive = !entity.claims.P570?.length;
  if (alive) {
    const current = officesHeld(entity, dayKey(now));
    if (current[0]) return current[0];
  }
  return lastOffice(entity, Infinity);
}

const year = (t: WdTime) => formatTime({ ...t, precision: Math.min(t.precision, 9) });

/** "President of Russia (since 2012)", "Prime Minister of Russia (2008–2012)". */
function officeText(c: WdClaim, labelOf: LabelOf, ongoing: boolean): string | null {
  const label = typeof c.value === 'string' ? labelOf(c.value) : null;
  if (!label) return null;
  const s = start(c);
  const e = end(c);
  const from = s ? year(s) : null;
  const to = e ? year(e) : null;
  const when = ongoing && from && !to ? ` (since ${from})` : from && to ? ` (${from}–${to})` : to ? ` (until ${to})` : from ? ` (from ${from})` : '';
  return `${label}${when}`;
}

/** The office fact on a day: the offices held then, or the last one held before it. */
function officeFact(entity: WdEntity, labelOf: LabelOf, at: number, diedBy: boolean): KeyFact | null {
  const held = diedBy ? [] : officesHeld(entity, at);
  if (held.length > 0) {
    const texts = held.map((c) => officeText(c, labelOf, true)).filter((t): t is string => t !== null);
    if (texts.length === 0) return null;
    return { kind: 'office', label: texts.length > 1 ? 'Offices' : 'Office', value: texts.join('; ') };
  }
  const last = lastOffice(entity, at);
  const text = last ? officeText(last, labelOf, false) : null;
  return text ? { kind: 'office', label: 'Last office', value: text } : null;
}

interface Population {
  amount: number;
  time: WdTime | null;
}

function populations(claims: WdClaim[]): Population[] {
  const out: Population[] = [];
  for (const c of claims) {
    const amount = Number((c.value as { amount?: unknown } | null)?.amount);
    if (Number.isFinite(amount)) out.push({ amount, time: asTime(c.qualifiers.P585?.[0]) });
  }
  return out;
}

/** Today's population: the latest of Wikidata's best statements. */
function latestPopulation(entity: WdEntity): Population | null {
  return populations(bestClaims(entity, 'P1082')).sort((a, b) => timeKey(b.time) - timeKey(a.time))[0] ?? null;
}

/** The dated population figure nearest a day (ties: the earlier one, which the article could have known). */
export function populationNear(entity: WdEntity, at: number): Population | null {
  const dated = populations(entity.claims.P1082 ?? []).filter((p) => p.time !== null);
  const distance = (p: Population) => Math.abs(daysFrom(timeKey(p.time), at));
  return dated.sort((a, b) => distance(a) - distance(b) || timeKey(a.time) - timeKey(b.time))[0] ?? null;
}

/** Days between two dayKeys, roughly (month and day 0 count as the start of the period). */
function daysFrom(a: number, b: number): number {
  const toDays = (k: number) => Math.floor(k / 10_000) * 365.25 + (Math.floor(k / 100) % 100) * 30.44 + (k % 100);
  return toDays(a) - toDays(b);
}

function populationText(p: Population): string {
  const n = p.amount.toLocaleString('en-US');
  return p.time ? `${n} (${year(p.time)})` : n;
}

function coordinatesOf(entity: WdEntity): { lat: number; lon: number } | null {
  const v = bestClaims(entity, 'P625')[0]?.value as { latitude?: unknown; longitude?: unknown } | undefined;
  return v && typeof v.latitude === 'number' && typeof v.longitude === 'number' ? { lat: v.latitude, lon: v.longitude } : null;
}


/** Item ids whose labels the facts of this entity need (one batched label request covers a card, or many). */
export function referencedIds(type: EntityType, entity: WdEntity): string[] {
  const ids = [...itemValues(entity, 'P31')];
  if (type === 'person') {
    // Every office, not only today's: a card told as of an article's date may need any of them.
    const officeIds = [...new Set(offices(entity).map((c) => c.value as string))].slice(0, MAX_OFFICE_LABELS);
    ids.push(...officeIds, ...itemValues(entity, 'P27').slice(0, MAX_CITIZENSHIPS), ...itemValues(entity, 'P106').slice(0, MAX_OCCUPATIONS));
  } else if (type === 'place') {
    ids.push(...itemValues(entity, 'P17').slice(0, 1), ...itemValues(entity, 'P131').slice(0, 1));
  } else if (type === 'organization') {
    ids.push(...itemValues(entity, 'P159').slice(0, 1), ...itemValues(entity, 'P17').slice(0, 1));
  }
  return [...new Set(ids)].filter((id) => id !== entity.id);
}

/** A fact as of the article's date, with today's value beside it when that differs. */
function dated(then: KeyFact | null, today: KeyFact | null): KeyFact | null {
  // Nothing known for the article's date (an office before any dated one): say so, with today's value below.
  if (!then) return today ? { kind: today.kind, label: today.label, value: '—', now: today.value } : null;
  if (!today) return then;
  // The same value then and now (a term that had not ended yet and has since) needs no second line.
  if (today.value === then.value) return then;
  return { ...then, now: today.label !== then.label && today.label === 'Last office' ? `last office: ${today.value}` : today.value };
}

/**
 * Key facts for a card, by entity type. `now` gives today's ages and offices. With `asOf` (the article's
 * publication time, epoch ms) the facts are those that held then — offices held, age then, the population figure
 * nearest that date — with today's value in `now` where it differs. Facts whose labels are unknown are left out.
 */
export function keyFacts(type: EntityType, entity: WdEntity, labelOf: LabelOf, now: number, asOf: number | null = null): KeyFact[] {
  const facts: KeyFact[] = [];
  const push = (f: KeyFact | null) => f && facts.push(f);
  const labels = (ids: string[]) => ids.map(labelOf).filter((l): l is string => l !== null);
  const time = (p: string) => asTime(bestClaims(entity, p)[0]?.value);
  const today = dayKey(now);
  const then = asOf === null ? null : dayKey(asOf);

  if (type === 'person') {
    const born = time('P569');
    const died = time('P570');
    const bornText = born ? formatTime(born) : null;
    const diedBy = (at: number) => died !== null && timeKey(died) <= at;
    if (born && bornText) {
      const ageNow = !died ? yearsBetween(born, now) : null;
      const nowValue = ageNow !== null ? `${bornText} (age ${ageNow})` : bornText;
      const ageThen = then !== null && asOf !== null && !diedBy(then) && timeKey(born) <= then ? yearsBetween(born, asOf) : null;
      if (ageThen !== null) {
        facts.push({ kind: 'born', label: 'Born', value: `${bornText} (${ageThen} at the time)`, ...(ageNow !== null ? { now: `age ${ageNow}` } : {}) });
      } else facts.push({ kind: 'born', label: 'Born', value: nowValue });
    }
    const diedText = died ? formatTime(died) : null;
    if (died && diedText) {
      const aged = born ? yearsBetween(born, died) : null;
      facts.push({ kind: 'died', label: 'Died', value: aged !== null ? `${diedText} (aged ${aged})` : diedText });
    }
    const todayOffice = officeFact(entity, labelOf, today, diedBy(today));
    push(then === null ? todayOffice : dated(officeFact(entity, labelOf, then, diedBy(then)), todayOffice));
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
    const latest = latestPopulation(entity);
    const todayFact = latest ? { kind: 'population', label: 'Population', value: populationText(latest) } : null;
    const near = then !== null ? populationNear(entity, then) : null;
    push(then === null || !near ? todayFact : dated({ kind: 'population', label: 'Population', value: populationText(near) }, todayFact));
    const coords = coordinatesOf(entity);
    if (coords) facts.push({ kind: 'coordinates', label: 'Coordinates', value: formatCoordinates(coords, 4) });
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

/** The properties and qualifiers facts and type checks read; a card keeps only these. */
const FACT_PROPERTIES = ['P31', 'P569', 'P570', 'P39', 'P27', 'P106', 'P17', 'P131', 'P1082', 'P625', 'P571', 'P159'] as const;
const FACT_QUALIFIERS = ['P580', 'P582', 'P585'] as const;
/** A bound on statements kept per property (Neihu District has 196 population figures). */
const MAX_STATEMENTS = 400;

function compactValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const t = asTime(value);
  if (t) return { time: t.time, precision: t.precision };
  const o = value as { amount?: unknown; latitude?: unknown; longitude?: unknown };
  if (o.amount !== undefined) return { amount: Number(o.amount) };
  if (typeof o.latitude === 'number' && typeof o.longitude === 'number') return { latitude: o.latitude, longitude: o.longitude };
  return null;
}

/** The part of an item a card keeps, so its facts can be told again for any date without asking Wikidata. */
export function compactItem(entity: WdEntity): WdEntity {
  const claims: Record<string, WdClaim[]> = {};
  for (const p of FACT_PROPERTIES) {
    const list = entity.claims[p];
    if (!list?.length) continue;
    claims[p] = list.slice(0, MAX_STATEMENTS).map((c) => {
      const qualifiers: Record<string, unknown[]> = {};
      for (const q of FACT_QUALIFIERS) if (c.qualifiers[q]?.length) qualifiers[q] = c.qualifiers[q]!.slice(0, 1).map(compactValue);
      return { value: compactValue(c.value), qualifiers, ...(c.rank === 'preferred' ? { rank: 'preferred' as const } : {}) };
    });
  }
  return { id: entity.id, label: entity.label, description: entity.description, claims };
}
