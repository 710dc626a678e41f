const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID string (any version), the only form a record id may take. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A UUID derived from a string (SHA-256, laid out as a version-8 UUID): the same seed always gives the same id, so
 * importing one file twice merges instead of duplicating. Used to re-key imported records whose ids are not UUIDs.
 */
export async function stableUuid(seed: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(seed)));
  const hex = [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
