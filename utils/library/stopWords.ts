/**
 * English function words left out of the search index and of queries. Measured: "the ridorri" took 740 ms because
 * MiniSearch scores every document holding "the" before the AND narrows it (scripts/bench/library.ts).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i if in into is it its of on or our she so ' +
    'than that the their them then there these they this to was we were what when which who will with would you'
  ).split(' '),
);
