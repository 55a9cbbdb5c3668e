/**
 * The desk's sync service: one per window. Keeps the sync account (URL, centre, user in localStorage per profile;
 * the password through window.desk secrets), starts/stops the shared/sync engine and exposes its status.
 * A module-level store (not a React context) so the header, Settings and the inbox share it wherever they mount.
 */
import { useSyncExternalStore } from 'react';
import { BehaviorSubject, type Subscription } from 'rxjs';
import type { Author, DeskDatabase } from '@shared/db';
import { startSync, type CheckServerReport, type StartSyncOptions, type SyncEngine, type SyncErrorCode, type SyncMemory, type SyncStatus, type UnsentStore } from '@shared/sync';
import { currentProfile, deskId, openDeskDatabase, setDeskName } from '../../app/db';
import { unsentStore } from './unsentStore';
import { asCoordinator } from '../staff/commands';
import { getDesk } from '../../app/desk';
import { deskMembership } from './membership';
import { deskNameOf, networkUserName } from '@shared/network/accounts';

export interface SyncAccount {
  url: string;
  centre: string;
  user: string;
  /** "Server in this building, no encryption": plain http to a host that is not this computer. */
  inBuilding?: boolean;
}

/** A network coordinator's account: user `network-<slug>`, with the network's slug as the centre code. */
const isNetworkAccount = (account: SyncAccount): boolean => account.user === networkUserName(account.centre);

export interface SyncState {
  /** The saved account (null = never configured). */
  account: SyncAccount | null;
  /** False after Stop: the account stays saved but sync does not start until Start. */
  enabled: boolean;
  /** True while the engine runs (started and not stopped). */
  running: boolean;
  status: SyncStatus | null;
  /** Why the engine could not start (no password, invalid URL …) or was stopped (this desk was removed from the centre). */
  startError: SyncErrorCode | 'noPassword' | 'removed' | null;
  /** A network coordinator's account (`network-<slug>`, centre code = the network): no centre to sync, the Network page reads its figures. */
  network: string | null;
}

const accountKey = () => `sosedi.sync.${currentProfile()}`;
const passwordKey = () => `sync.password.${currentProfile()}`;
const offKey = () => `sosedi.sync.${currentProfile()}.off`;

export function loadAccount(): SyncAccount | null {
  try {
    const raw = localStorage.getItem(accountKey());
    if (!raw) return null;
    const a = JSON.parse(raw) as Partial<SyncAccount>;
    if (typeof a.url !== 'string' || typeof a.centre !== 'string' || typeof a.user !== 'string') return null;
    return { url: a.url, centre: a.centre, user: a.user, ...(a.inBuilding === true ? { inBuilding: true } : {}) };
  } catch {
    return null;
  }
}

/**
 * Optional knobs for a site or for tests: localStorage `sosedi.sync.tuning` = {"sliceMs":1000,…}. Without the bell
 * (a server set up before it), changes no desk rang for are seen within about collections / 3 × sliceMs;
 * `batchSize` is the pull's page size (documents), `pushBatchSize` the most documents one push sends.
 */
function tuning(): Pick<StartSyncOptions, 'sliceMs' | 'maxPollMs' | 'retryMs' | 'maxRetryMs' | 'batchSize' | 'pushBatchSize'> {
  try {
    const raw = JSON.parse(localStorage.getItem('sosedi.sync.tuning') ?? '{}') as Record<string, unknown>;
    const out: Record<string, number> = {};
    for (const k of ['sliceMs', 'maxPollMs', 'retryMs', 'maxRetryMs', 'batchSize', 'pushBatchSize'])
      if (typeof raw[k] === 'number' && raw[k] >= 100 && raw[k] <= 600000) out[k] = raw[k];
    return out;
  } catch {
    return {};
  }
}

/**
 * What the sync engine remembers between runs, per profile: small keys (server identities, where a pull starts again)
 * in localStorage; the list of unsent changes, which can be a year of documents, in IndexedDB (`unsentStore`).
 */
function profileMemory(): SyncMemory {
  const prefix = `sosedi.sync.${currentProfile()}.mem.`;
  return {
    get: (key) => localStorage.getItem(prefix + key),
    set: (key, value) => {
      try {
        localStorage.setItem(prefix + key, value);
      } catch {
        // storage full (filled by something else: these keys are small, and the unsent list is in IndexedDB): not kept
      }
    },
    remove: (key) => localStorage.removeItem(prefix + key),
  };
}

/** The profile's store of unsent lists (IndexedDB), opened once and used by every start of sync. */
const unsentStores = new Map<string, UnsentStore>();
function profileUnsentStore(): UnsentStore {
  const name = `sosedi-sync-unsent-${currentProfile()}`;
  let store = unsentStores.get(name);
  if (!store) unsentStores.set(name, (store = unsentStore(name)));
  return store;
}

export async function loadPassword(): Promise<string> {
  return (await getDesk().getSecret(passwordKey())) ?? '';
}

const state$ = new BehaviorSubject<SyncState>({ account: null, enabled: false, running: false, status: null, startError: null, network: null });
const set = (patch: Partial<SyncState>) => state$.next({ ...state$.value, ...patch });

let db: DeskDatabase | null = null;
let author: Author = { desk: '', volunteer: '' };
let engine: SyncEngine | null = null;
let statusSub: Subscription | null = null;
/** Serialises start/stop so a quick Save → Stop never leaves two engines running. */
let queue: Promise<unknown> = Promise.resolve();
const serial = <T>(fn: () => Promise<T>): Promise<T> => {
  const next = queue.then(fn, fn);
  queue = next.catch(() => undefined);
  return next;
};

async function stopEngine(): Promise<void> {
  statusSub?.unsubscribe();
  statusSub = null;
  const e = engine;
  engine = null;
  if (e) await e.stop();
  set({ running: false, status: null });
}

async function startEngine(account: SyncAccount): Promise<void> {
  await stopEngine();
  if (!db) return;
  const network = isNetworkAccount(account) ? account.centre : null;
  set({ network });
  const password = await loadPassword();
  if (!password) {
    set({ startError: 'noPassword' });
    return;
  }
  // Electron: the server's origin joins the CSP's connect-src; a change of origin needs a reload.
  const csp = await getDesk().setSyncServer(account.url, account.inBuilding ?? false);
  if (!csp.ok) {
    set({ startError: 'invalidUrl' });
    return;
  }
  if (csp.reloadRequired) {
    window.location.reload();
    return;
  }
  // a network coordinator's account opens no centre's databases: nothing to sync, the Network page reads figures
  // (from the server the CSP now allows)
  if (network) {
    set({ startError: null });
    return;
  }
  try {
    const e = await startSync({ db, config: { ...account, password }, author: { ...author }, memory: profileMemory(), unsentStore: profileUnsentStore(), ...tuning() });
    engine = e;
    let asked = false;
    statusSub = e.status$.subscribe((status) => {
      set({ status });
      // refused every database (403): removed from the centre (server:setup --revoke-desk)? Then stop, and say so.
      // The local data stays readable and exportable; sync starts again on the next launch or Save.
      if (status.lastError?.code !== 'forbidden' || asked) return;
      asked = true;
      void serial(async () => {
        if (engine !== e) return;
        const membership = await deskMembership({ ...account, password });
        if (membership === null) asked = false; // no answer: ask again at the next refusal
        if (membership !== 'removed') return;
        await stopEngine();
        set({ startError: 'removed' });
      });
    });
    set({ running: true, startError: null });
  } catch (err) {
    set({ startError: ((err as { code?: SyncErrorCode }).code ?? 'server') as SyncErrorCode });
  }
}

export const syncService = {
  state$,
  /** Called once by the app's services with the local database; starts sync when an account is saved. */
  attach(database: DeskDatabase, who: Author): Promise<void> {
    db = database;
    author = who;
    const account = loadAccount();
    const enabled = account !== null && localStorage.getItem(offKey()) !== '1';
    set({ account, enabled });
    return serial(() => (account && enabled ? startEngine(account) : Promise.resolve()));
  },
  setAuthor(who: Author) {
    author = who;
  },
  detach(): Promise<void> {
    db = null;
    return serial(stopEngine);
  },
  /** Saves the account and password and (re)starts sync with them. Coordinator only (logged). */
  async save(account: SyncAccount, password: string): Promise<void> {
    const desk = { db: db ?? (await openDeskDatabase()), author };
    return asCoordinator(desk, 'sync.settings', '', () => serial(async () => {
      localStorage.setItem(accountKey(), JSON.stringify(account));
      localStorage.removeItem(offKey());
      // a desk's own account (<centre>.<desk>) names this desk in what it writes from now on
      setDeskName(deskNameOf(account.user, account.centre) !== null ? account.user : null);
      author = { ...author, desk: deskId() };
      if (password) await getDesk().setSecret(passwordKey(), password);
      set({ account, enabled: true, startError: null });
      await startEngine(account);
    }));
  },
  /** Stops syncing (the account stays saved but is not started on launch until Start). Coordinator only (logged). */
  async stop(): Promise<void> {
    const desk = { db: db ?? (await openDeskDatabase()), author };
    return asCoordinator(desk, 'sync.settings', 'stop', () => serial(async () => {
      localStorage.setItem(offKey(), '1');
      set({ enabled: false, startError: null, network: null });
      await stopEngine();
    }));
  },
  checkServer(): Promise<CheckServerReport> {
    if (!engine) return Promise.reject(Object.assign(new Error('sync is not running'), { code: 'unreachable' }));
    return engine.checkServer();
  },
  /**
   * Runs a local operation that may be undone on failure (restore, import) with sync paused, so that nothing
   * written and taken back in between reaches the server; sync resumes afterwards whatever the outcome.
   */
  async withSyncPaused<T>(fn: () => Promise<T>): Promise<T> {
    const e = engine;
    if (e) await e.pause();
    try {
      return await fn();
    } finally {
      if (e && engine === e) await e.resume();
    }
  },
  dismissNotice(): void {
    engine?.dismissNotice();
  },
  /** Local changes not yet on the server (0 when sync is off). */
  pending(): number {
    return state$.value.status?.pending ?? 0;
  },
};

function subscribe(fn: () => void): () => void {
  const sub = state$.subscribe(fn);
  return () => sub.unsubscribe();
}

/** The sync state for components (re-renders on every status change). */
export function useSync(): SyncState {
  return useSyncExternalStore(subscribe, () => state$.value);
}
