import { useEffect } from 'react';
import { useDb } from '../../app/db';
import { localNow } from '@shared/time';
import { warmWhenQuiet } from './visitMonths';

/** The desk starts reading once this long has passed with no visit written. */
const QUIET_MS = 20_000;

/**
 * Mounted once in AppServices: once the desk has been quiet for a while, it reads the visits of the year of the last
 * complete month and the year before, a month at a time in idle moments, and keeps their figures (visitMonths.ts).
 * A year's report opened later reads only the running month: the first click on «Год» of a desk that had not read
 * them took 1.6–2.0 s (docs/performance.md). The figures stay exact: any change to a visit drops its month.
 */
export function useWarmReportMonths(): void {
  const db = useDb();
  useEffect(() => warmWhenQuiet(db, QUIET_MS, () => localNow()), [db]);
}
