/**
 * What RxDB keeps of a query nobody watches any more. Its default policy keeps up to 100 such queries per
 * collection with their results: a year's report leaves 60,000–120,000 visits behind until a hundred other
 * queries of the visits have run (ten years of data: the heap after the busy sections went 99 → 165 MB,
 * docs/performance.md). Queries whose result is larger than a month's are let go as soon as the policy runs (after
 * the next query of the collection, when the CPU is idle); the others stay cached as before, for a quick return to
 * a section. A threshold of 1,000 was tried: the heap stayed at 70 MB, but every return to a section re-read its
 * people (3,000–8,400) and its month of visits (month report 118 → 213 ms, visitor sign-in 37 → 103 ms). At 20,000
 * the page metrics are those of a policy that never lets go, and the heap at ten years stays at 73 MB (re-measured:
 * docs/performance.md, "Ten years of data", run C and the policy A/B).
 */
import { countRxQuerySubscribers, defaultCacheReplacementPolicy, uncacheRxQuery, type RxCacheReplacementPolicy } from 'rxdb';

/** Documents from which an unwatched query's result is not kept: more than the people or a month of visits. */
export const LARGE_QUERY_RESULT = 20_000;

export function dropLargeIdleQueries(threshold = LARGE_QUERY_RESULT): RxCacheReplacementPolicy {
  return (collection, queryCache) => {
    for (const query of Array.from(queryCache._map.values())) {
      if (countRxQuerySubscribers(query) === 0 && (query._result?.count ?? 0) >= threshold) uncacheRxQuery(queryCache, query);
    }
    defaultCacheReplacementPolicy(collection, queryCache);
  };
}

/** The policy of every collection of a desk database (shared/db/database.ts). */
export const IDLE_QUERY_POLICY = dropLargeIdleQueries();
