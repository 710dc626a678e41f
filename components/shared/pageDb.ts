import { BackstoryDB } from '../../utils/db/schema';

let instance: BackstoryDB | undefined;

/**
 * The database as an extension page (side panel, library) opens it: same origin as the background, so liveQuery
 * sees every change the background makes. Never imported by a content script.
 */
export function pageDb(): BackstoryDB {
  instance ??= new BackstoryDB();
  return instance;
}
