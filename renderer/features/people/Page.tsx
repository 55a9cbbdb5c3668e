import { ComingSoon } from '../../app/ComingSoon';

/** Placeholder until the people feature lands. */
export default function Page() {
  return <ComingSoon section="people" />;
}
