/**
 * The sync status as a pure state machine: `reduce(state, event) → state`, nothing else writes it.
 * The header and Settings → Sync show `view(state)`; "Synced" (`view().synced`) is said only when it is true:
 * nothing pending, refused, held or invalid, no failure outstanding, and every collection's last pull and push
 * went through after the last failure.
 */
import type { SyncErrorCode } from './config';

export type SyncPhase = 'starting' | 'syncing' | 'idle' | 'paused' | 'offline' | 'error' | 'stopped';

export interface SyncFailure {
  code: SyncErrorCode;
  detail: string;
  at: string;
}

export interface SyncNotice {
  /** 'serverReset': the server's database was restored or recreated; the desk sent again what it lacked. */
  code: 'serverReset';
  collections: string[];
  at: string;
}

/** A fresh desk's first pull: documents and bytes received of what the server holds (`totalBytes` 0: not told). */
export interface FirstSyncProgress {
  done: number;
  total: number;
  bytes: number;
  totalBytes: number;
}

export interface MachineState {
  collections: string[];
  /** Collections with a pull or push run in progress. */
  active: string[];
  /** Collections whose pull and push both went through since the start or their last failure. */
  clean: string[];
  /** Outstanding failures by `failureKey` ('*' = the server as a whole: unreachable). */
  failures: Record<string, SyncFailure>;
  /** Paused by a person or by the desk (restore, import); offline = the browser says there is no network. */
  paused: boolean;
  offline: boolean;
  stopped: boolean;
  pending: number;
  refused: number;
  held: number;
  invalid: number;
  firstSync: FirstSyncProgress | null;
  lastSyncAt: string | null;
  notice: SyncNotice | null;
}

/** 'store': writing what was pulled into the desk's own database (a full disk), apart from the exchange with the server. */
export type Direction = 'pull' | 'push' | 'store';

/** Failures are kept per collection and direction: a pull that works does not hide a push that does not. */
export const failureKey = (collection: string, direction: Direction): string => (collection === '*' ? '*' : `${collection}/${direction}`);
const failsIn = (s: MachineState, collection: string) => '*' in s.failures || Object.keys(s.failures).some((k) => k.startsWith(`${collection}/`));

export type SyncEvent =
  | { t: 'active'; collection: string; active: boolean; at: string }
  /** A pull or push exchange of this collection went through (HTTP 2xx with an answer the desk could use). */
  | { t: 'ok'; collection: string; direction: Direction; at: string }
  /** The collection finished a whole pull-and-push cycle with nothing failing. */
  | { t: 'cycle'; collection: string; at: string }
  /** collection '*': the server as a whole (unreachable); cleared by any answer. */
  | { t: 'failed'; collection: string | '*'; direction: Direction; code: SyncErrorCode; detail: string; at: string }
  | { t: 'pending'; count: number }
  | { t: 'counts'; refused: number; held: number; invalid: number }
  | { t: 'firstSync'; progress: FirstSyncProgress | null }
  | { t: 'paused'; paused: boolean }
  | { t: 'offline'; offline: boolean }
  | { t: 'reset'; collections: string[]; at: string }
  | { t: 'dismissNotice' }
  | { t: 'stopped' };

export function initialState(collections: string[]): MachineState {
  return {
    collections: [...collections],
    active: [],
    clean: [],
    failures: {},
    paused: false,
    offline: false,
    stopped: false,
    pending: 0,
    refused: 0,
    held: 0,
    invalid: 0,
    firstSync: null,
    lastSyncAt: null,
    notice: null,
  };
}

const without = (list: string[], x: string) => (list.includes(x) ? list.filter((y) => y !== x) : list);
const withOne = (list: string[], x: string) => (list.includes(x) ? list : [...list, x]);

function clearFailure(failures: Record<string, SyncFailure>, key: string): Record<string, SyncFailure> {
  if (!(key in failures) && !('*' in failures)) return failures;
  const next = { ...failures };
  delete next[key];
  delete next['*']; // any answer from the server: it is reachable again
  return next;
}

export function reduce(s: MachineState, e: SyncEvent): MachineState {
  if (s.stopped) return s;
  switch (e.t) {
    case 'active': {
      const active = e.active ? withOne(s.active, e.collection) : without(s.active, e.collection);
      return { ...s, active };
    }
    case 'ok':
      return { ...s, failures: clearFailure(s.failures, failureKey(e.collection, e.direction)) };
    case 'cycle': {
      if (failsIn(s, e.collection)) return s;
      const next = { ...s, clean: withOne(s.clean, e.collection) };
      return isInStep(next) ? { ...next, lastSyncAt: e.at } : next;
    }
    case 'failed': {
      const failures = { ...s.failures, [failureKey(e.collection, e.direction)]: { code: e.code, detail: e.detail, at: e.at } };
      const clean = e.collection === '*' ? [] : without(s.clean, e.collection);
      return { ...s, failures, clean };
    }
    case 'pending':
      return { ...s, pending: e.count };
    case 'counts':
      return { ...s, refused: e.refused, held: e.held, invalid: e.invalid };
    case 'firstSync':
      return { ...s, firstSync: e.progress };
    case 'paused':
      return { ...s, paused: e.paused, clean: e.paused ? [] : s.clean };
    case 'offline':
      return { ...s, offline: e.offline, clean: e.offline ? [] : s.clean };
    case 'reset':
      return { ...s, clean: s.clean.filter((c) => !e.collections.includes(c)), notice: { code: 'serverReset', collections: e.collections, at: e.at } };
    case 'dismissNotice':
      return { ...s, notice: null };
    case 'stopped':
      return { ...s, stopped: true, active: [] };
  }
}

/** Every collection went through a whole cycle since its last failure and nothing fails now. */
function isInStep(s: MachineState): boolean {
  return Object.keys(s.failures).length === 0 && s.collections.every((c) => s.clean.includes(c));
}

/** The newest outstanding failure. */
function lastFailure(s: MachineState): SyncFailure | null {
  let last: SyncFailure | null = null;
  for (const f of Object.values(s.failures)) if (!last || f.at >= last.at) last = f;
  return last;
}

export interface SyncStatus {
  phase: SyncPhase;
  /** The server answered the last time the desk asked (false: unreachable or the browser is offline). */
  online: boolean;
  /** True only when every collection is in step with the server and nothing waits, is refused or held. */
  synced: boolean;
  /** Documents done / total (and bytes received) while a first sync runs; null afterwards. */
  firstSync: FirstSyncProgress | null;
  /** ISO instant of the last moment every collection was in step with the server. */
  lastSyncAt: string | null;
  /** Local changes not yet on the server. */
  pending: number;
  lastError: SyncFailure | null;
  /** Documents the server refused (listed under "could not sync"). */
  refused: number;
  /** Documents from a newer app version held back. */
  held: number;
  /** Documents on the server that fail this desk's checks (wrong types, missing fields). */
  invalid: number;
  notice: SyncNotice | null;
}

export function view(s: MachineState): SyncStatus {
  const failure = lastFailure(s);
  const unreachable = '*' in s.failures;
  const phase: SyncPhase = s.stopped
    ? 'stopped'
    : s.offline
      ? 'offline'
      : s.paused
        ? 'paused'
        : unreachable
          ? 'offline'
          : failure
            ? 'error'
            : s.active.length > 0
              ? 'syncing'
              : s.collections.every((c) => s.clean.includes(c))
                ? 'idle'
                : 'starting';
  const synced = phase === 'idle' && s.pending === 0 && s.refused === 0 && s.held === 0 && s.invalid === 0 && s.firstSync === null;
  return {
    phase,
    online: !s.offline && !unreachable && !s.stopped,
    synced,
    firstSync: s.firstSync,
    lastSyncAt: s.lastSyncAt,
    pending: s.pending,
    lastError: failure,
    refused: s.refused,
    held: s.held,
    invalid: s.invalid,
    notice: s.notice,
  };
}
