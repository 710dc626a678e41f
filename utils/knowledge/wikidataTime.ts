/** A Wikidata time value as wikibase-sdk's rich simplification gives it ("1952-10-07T00:00:00.000Z", precision 11). */
export interface WdTime {
  time: string;
  precision: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Narrows an unknown claim value to a time. */
export function asTime(value: unknown): WdTime | null {
  if (typeof value !== 'object' || value === null) return null;
  const { time, precision } = value as { time?: unknown; precision?: unknown };
  return typeof time === 'string' && typeof precision === 'number' ? { time, precision } : null;
}

function parts(t: WdTime): { year: number; month: number; day: number } | null {
  const m = /^([+-]?\d+)-(\d\d)-(\d\d)/.exec(t.time);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** "7 October 1952", "October 1952", "1952", "1950s", "20th century", honouring the value's precision. */
export function formatTime(t: WdTime): string | null {
  const p = parts(t);
  if (!p) return null;
  const year = p.year < 0 ? `${-p.year} BC` : String(p.year);
  if (t.precision >= 11 && p.month > 0 && p.day > 0) return `${p.day} ${MONTHS[p.month - 1]} ${year}`;
  if (t.precision === 10 && p.month > 0) return `${MONTHS[p.month - 1]} ${year}`;
  if (t.precision === 9) return year;
  if (t.precision === 8) return `${Math.floor(p.year / 10) * 10}s`;
  if (t.precision === 7) {
    const c = Math.ceil(p.year / 100);
    const suffix = c % 10 === 1 && c !== 11 ? 'st' : c % 10 === 2 && c !== 12 ? 'nd' : c % 10 === 3 && c !== 13 ? 'rd' : 'th';
    return `${c}${suffix} century`;
  }
  return year;
}

/** Whole years between two times (or a time and an epoch), or null when the precision is coarser than a year. */
export function yearsBetween(from: WdTime, to: WdTime | number): number | null {
  const a = parts(from);
  if (!a || from.precision < 9) return null;
  let b: { year: number; month: number; day: number } | null;
  if (typeof to === 'number') {
    const d = new Date(to);
    b = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  } else {
    if (to.precision < 9) return null;
    b = parts(to);
  }
  if (!b) return null;
  let years = b.year - a.year;
  // Without month/day precision we cannot tell whether the birthday has passed; report the lower bound.
  if (from.precision < 11 || (typeof to !== 'number' && to.precision < 11)) return years - 1 >= 0 ? years - 1 : years;
  if (b.month < a.month || (b.month === a.month && b.day < a.day)) years--;
  return years;
}

/** Sort key for a time (larger is later), or -Infinity. */
export function timeKey(t: WdTime | null): number {
  if (!t) return -Infinity;
  const p = parts(t);
  return p ? p.year * 10_000 + p.month * 100 + p.day : -Infinity;
}

/** The sort key of a day given as epoch ms (UTC), comparable with timeKey(). */
export function dayKey(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 10_000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}
