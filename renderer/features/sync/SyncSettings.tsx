import { ComingSoon } from '../../app/ComingSoon';

/** Placeholder: Settings → Sync, replaced by the sync feature. */
export default function SyncSettings() {
  return <ComingSoon section="sync" />;
}
