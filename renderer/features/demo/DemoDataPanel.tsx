import { ComingSoon } from '../../app/ComingSoon';

/** Placeholder: Settings → Data → demo data, replaced by the benchmark/demo feature. */
export default function DemoDataPanel() {
  return <ComingSoon section="demo" />;
}
