import { ComingSoon } from '../../app/ComingSoon';

/** Placeholder until the calendar feature lands. */
export default function Page() {
  return <ComingSoon section="calendar" />;
}
