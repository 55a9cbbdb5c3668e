/** Placeholder: the sync feature replaces this with the always-visible sync status. */
export default function SyncStatus() {
  return null;
}
