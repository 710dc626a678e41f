import { entityKey } from '../db/articles';
import type { BackstoryDB } from '../db/schema';
import type { EntityType } from '../entities/types';
import { findEntity, mentionsOf } from './entityPage';
import { unlinkedKey } from './identity';

/**
 * The library's entity filter by identity, not by name string (issue 16): the saved articles' entity keys
 * (ArticleRecord.entityKeys, one per spelling) of every spelling the reading history has seen for the picked
 * entity's identity, so picking "Kim Jong-un" also finds the articles that call him "Kim Jong Un" or "Kim Jong-eun".
 * A pick the history does not know keeps just its own key.
 */
export async function sameIdentityKeys(db: BackstoryDB, picked: ReadonlyArray<{ key: string; name: string; type: string }>): Promise<string[]> {
  const out = new Set(picked.map((p) => p.key));
  for (const p of picked) {
    if (p.type !== 'person' && p.type !== 'place' && p.type !== 'organization') continue;
    const identity = await findEntity(db, unlinkedKey(p.type as EntityType, p.name));
    if (!identity) continue;
    await mentionsOf(db, identity.key).each((m) => void out.add(entityKey(m.name)));
  }
  return [...out];
}
