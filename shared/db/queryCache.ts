/**
 * What RxDB keeps of a query nobody watches any more. Its default policy keeps up to 100 such queries per
 * collection with their results: a year's report leaves 60,000–120,000 visits behind until a hundred other
 * queries of the visits have run (ten years of data: the heap after the busy sections went 99 → 165 MB,
 * docs/performance.md). Queries whose result is large are let go as soon as the policy runs (after the next query
 * of the collection, when the CPU is idle); small ones stay cached as before, for a quick return to a section.
 */
import { countRxQuerySubscribers, defaultCacheReplacementPolicy, uncacheRxQuery, type RxCacheReplacementPolicy } from 'rxdb';

/** Documents from which an unwatched query's result is not kept. */
export const LARGE_QUERY_RESULT = 1000;

export function dropLargeIdleQueries(threshold = LARGE_QUERY_RESULT): RxCacheReplacementPolicy {
  return (collection, queryCache) => {
    for (const query of Array.from(queryCache._map.values())) {
      if (countRxQuerySubscribers(query) === 0 && (query._result?.count ?? 0) >= threshold) uncacheRxQuery(queryCache, query);
    }
    defaultCacheReplacementPolicy(collection, queryCache);
  };
}
