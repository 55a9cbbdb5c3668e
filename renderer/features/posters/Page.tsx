import { ComingSoon } from '../../app/ComingSoon';

/** Placeholder until the posters feature lands. */
export default function Page() {
  return <ComingSoon section="posters" />;
}
