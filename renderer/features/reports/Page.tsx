import { ComingSoon } from '../../app/ComingSoon';

/** Placeholder until the reports feature lands. */
export default function Page() {
  return <ComingSoon section="reports" />;
}
