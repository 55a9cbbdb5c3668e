import { ComingSoon } from '../../app/ComingSoon';

/** Placeholder until the visitors feature lands. */
export default function Page() {
  return <ComingSoon section="visitors" />;
}
