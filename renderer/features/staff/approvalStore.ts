/** The one coordinator-PIN request on screen (ApprovalDialog shows it; useCoordinator opens it). */
import type { CoordinatorAction } from '@shared/staff/roles';

export interface ApprovalRequest {
  /** What it is for (the first names it in the prompt). */
  actions: readonly CoordinatorAction[];
  /** Runs the action with this coordinator's PIN: null when it ran (or failed otherwise), else the PIN's refusal. */
  attempt: (staffId: string, pin: string) => Promise<{ code: 'pin.wrong' | 'pin.locked'; waitMs: number } | null>;
  cancel: () => void;
}

let current: ApprovalRequest | null = null;
const listeners = new Set<() => void>();
const set = (next: ApprovalRequest | null) => {
  current = next;
  for (const fn of listeners) fn();
};

export const approvalRequests = {
  get: () => current,
  subscribe(fn: () => void): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
  open(request: ApprovalRequest): void {
    current?.cancel();
    set(request);
  },
  close(): void {
    set(null);
  },
};
