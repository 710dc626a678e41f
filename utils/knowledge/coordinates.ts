/** A point on Earth as the knowledge layer keeps it (Wikidata's P625, Wikipedia's page coordinates). */
export interface Coordinates {
  lat: number;
  lon: number;
}

/**
 * "42.4308° N, 130.6434° E": degrees rounded to `decimals` places (trailing zeros dropped), hemisphere as a letter.
 * The one owner of the format; callers choose the precision (4 places ≈ 11 m for a key fact, 2 places ≈ 1 km for
 * the card's "Location" line).
 */
export function formatCoordinates(c: Coordinates, decimals: number): string {
  const scale = 10 ** decimals;
  const f = (n: number) => String(Math.round(Math.abs(n) * scale) / scale);
  return `${f(c.lat)}° ${c.lat >= 0 ? 'N' : 'S'}, ${f(c.lon)}° ${c.lon >= 0 ? 'E' : 'W'}`;
}
