/** What reading order needs to know of a highlight. */
export interface InReadingOrder {
  id: string;
  position: { start: number; end: number };
  createdAt: number;
}

/**
 * Comparator putting highlights in reading order: by where they start in the text, then the shorter first (a
 * highlight inside another one is met first when reading on), then the older, then by id so equal rows never swap
 * between renders or exports. The one owner of the order: the panel, the library, the exports and the database
 * list all sort with it.
 */
export function byReadingOrder(a: InReadingOrder, b: InReadingOrder): number {
  return (
    a.position.start - b.position.start ||
    a.position.end - b.position.end ||
    a.createdAt - b.createdAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
