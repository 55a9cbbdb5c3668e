import { ComingSoon } from '../../app/ComingSoon';

/** Placeholder until the loans feature lands. */
export default function Page() {
  return <ComingSoon section="loans" />;
}
