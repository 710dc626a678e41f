import { useState } from 'preact/hooks';
import type { Entity } from '../../utils/entities/types';
import { findEntity, otherReadsCount } from '../../utils/history/entityPage';
import { identityKey } from '../../utils/history/identity';
import { pageSharesDatabase } from '../platform/browserDifferences';
import { pageDb } from '../shared/pageDb';
import { useLiveQuery } from '../shared/useLiveQuery';

/**
 * "You have read 6 other articles about Kim Jong Un", linking to the entity's page in the library (issue 16); nothing
 * when the history has no other article. Read from Dexie in this extension page (never asked of the background, so no
 * page can learn it); a page that cannot share the database (a private window's sidebar) shows nothing.
 */
export function ReadElsewhere({ entity, qid, articleUrl }: { entity: Pick<Entity, 'type' | 'name'>; qid: string | null; articleUrl: string }) {
  const [shared] = useState(pageSharesDatabase);
  const key = identityKey({ type: entity.type, name: entity.name, qid });
  const found = useLiveQuery(async () => {
    if (!shared || entity.type === 'other') return null;
    const db = pageDb();
    const identity = (await findEntity(db, key)) ?? (qid ? await findEntity(db, identityKey({ type: entity.type, name: entity.name })) : undefined);
    if (!identity) return null;
    return { key: identity.key, name: identity.name, count: await otherReadsCount(db, identity.key, articleUrl) };
  }, [shared, key, articleUrl]);
  if (!found || found.count === 0) return null;
  return (
    <p class="read-elsewhere">
      <a href={`/library.html#entity=${encodeURIComponent(found.key)}`} target="_blank" rel="noopener">
        You have read {found.count} other {found.count === 1 ? 'article' : 'articles'} about {found.name}
      </a>
    </p>
  );
}
