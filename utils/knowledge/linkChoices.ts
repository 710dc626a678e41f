import type { BackstoryDB, LinkChoiceRecord } from '../db/schema';
import { newId } from '../db/schema';

/** Choices are remembered per site and lower-cased entity name. */
export function choiceName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The reader's remembered link choices for these names on this site, by lower-cased name. */
export async function readChoices(db: BackstoryDB, site: string, names: string[]): Promise<Map<string, LinkChoiceRecord>> {
  const keys = [...new Set(names.map(choiceName))].map((n) => [site, n]);
  if (keys.length === 0) return new Map();
  const rows = await db.linkChoices.where('[site+name]').anyOf(keys).toArray();
  return new Map(rows.map((r) => [r.name, r]));
}

/** Remembers (or replaces) the reader's choice for a name on a site: a title, or null for "none". */
export async function saveChoice(db: BackstoryDB, site: string, name: string, title: string | null, lang: string, now: number): Promise<LinkChoiceRecord> {
  const key = choiceName(name);
  return db.transaction('rw', db.linkChoices, async () => {
    const existing = await db.linkChoices.where('[site+name]').equals([site, key]).first();
    const record: LinkChoiceRecord = { id: existing?.id ?? newId(), site, name: key, title, lang, updatedAt: now };
    await db.linkChoices.put(record);
    return record;
  });
}
