import { ComingSoon } from '../../app/ComingSoon';

/** Placeholder: Settings → Data → backup and restore, replaced by the reports feature. */
export default function BackupPanel() {
  return <ComingSoon section="backup" />;
}
