/**
 * The update decisions of electron/main/updates.ts against a MOCK of electron-updater's autoUpdater: there is no
 * release server here, and electron-updater only runs inside a packaged Electron app. The mock emits the events
 * the real updater emits (checking-for-update, update-available, download-progress, update-downloaded,
 * update-not-available, error) in the same order.
 */
import { describe, expect, it, vi } from 'vitest';
import { createDeskUpdates, DAY_MS, type UpdateFeed, type UpdaterLike } from './updates';

type Listener = (arg: never) => void;

class MockUpdater implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = true; // electron-updater's default: the module must turn it off
  allowPrerelease = true;
  allowDowngrade = true;
  feeds: UpdateFeed[] = [];
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  private listeners = new Map<string, Listener[]>();
  /** What the next check finds: a version (downloaded at once or held until `finishDownload`), nothing, or an error. */
  next: { version: string; hold?: boolean } | 'nothing' | 'offline' = 'nothing';
  private held: string | null = null;

  setFeedURL(options: UpdateFeed) {
    this.feeds.push(options);
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, arg?: unknown) {
    for (const l of this.listeners.get(event) ?? []) (l as (a: unknown) => void)(arg);
  }
  async checkForUpdates() {
    this.checks++;
    this.emit('checking-for-update');
    await Promise.resolve();
    const next = this.next;
    if (next === 'offline') {
      this.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
      throw new Error('net::ERR_INTERNET_DISCONNECTED');
    }
    if (next === 'nothing') {
      this.emit('update-not-available', { version: '1.0.0' });
      return null;
    }
    this.emit('update-available', { version: next.version });
    this.emit('download-progress', { percent: 41.6 });
    if (next.hold) this.held = next.version;
    else this.emit('update-downloaded', { version: next.version });
    return { updateInfo: { version: next.version } };
  }
  finishDownload() {
    if (this.held) this.emit('update-downloaded', { version: this.held });
    this.held = null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

function setUp(options: { feed?: UpdateFeed | null; bundledFeed?: boolean } = {}) {
  const updater = new MockUpdater();
  const timers: { fn: () => void; ms: number }[] = [];
  const updates = createDeskUpdates({
    updater,
    feed: options.feed === undefined ? { provider: 'generic', url: 'https://desk.example.org/releases/' } : options.feed,
    bundledFeed: options.bundledFeed ?? false,
    setInterval: (fn, ms) => timers.push({ fn, ms }),
    clearInterval: vi.fn(),
    now: () => new Date('2026-12-05T09:00:00Z'),
  });
  return { updater, updates, timers };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('desktop updates (electron-updater mocked)', () => {
  it('does nothing in a development run or without a feed', async () => {
    const dev = createDeskUpdates({ updater: null, feed: null, bundledFeed: true });
    dev.start();
    expect(dev.state()).toEqual({ phase: 'off', reason: 'dev' });
    expect(await dev.check()).toEqual({ phase: 'off', reason: 'dev' });

    const { updater, updates, timers } = setUp({ feed: null, bundledFeed: false });
    updates.start();
    expect(await updates.check()).toEqual({ phase: 'off', reason: 'no-feed' });
    expect(updater.checks).toBe(0);
    expect(timers).toEqual([]);
  });

  it('uses the centre’s feed, or the one the installer carries; downloads in the background, never installs without an OK', async () => {
    const { updater, updates } = setUp({ feed: { provider: 'github', owner: 'sosedi', repo: 'desk' } });
    updater.next = { version: '1.1.0' };
    updates.start();
    await settle();
    expect(updater.feeds).toEqual([{ provider: 'github', owner: 'sosedi', repo: 'desk' }]);
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false, allowPrerelease: false, allowDowngrade: false });
    expect(updates.state()).toEqual({ phase: 'ready', version: '1.1.0', installAtNextStart: false });
    expect(updater.installs).toEqual([]);

    const bundled = setUp({ feed: null, bundledFeed: true });
    bundled.updates.start();
    await settle();
    expect(bundled.updater.feeds).toEqual([]); // app-update.yml from the build is used as it is
    expect(bundled.updater.checks).toBe(1);
  });

  it('checks at start and then once a day, never two at once', async () => {
    const { updater, updates, timers } = setUp();
    updater.next = { version: '1.1.0', hold: true };
    updates.start();
    expect(timers.map((t) => t.ms)).toEqual([DAY_MS]);
    await settle();
    expect(updates.state()).toEqual({ phase: 'downloading', version: '1.1.0', percent: 42 });
    // the daily timer and a volunteer's "check" while it downloads: no second check
    timers[0]!.fn();
    expect(await updates.check()).toMatchObject({ phase: 'downloading' });
    expect(updater.checks).toBe(1);
    updater.finishDownload();
    expect(updates.state()).toMatchObject({ phase: 'ready', version: '1.1.0' });
    timers[0]!.fn();
    await settle();
    expect(updater.checks).toBe(1); // a ready update waits for the OK; nothing more to look for
    updates.start(); // a second start neither re-registers nor checks again
    expect(updater.checks).toBe(1);
  });

  it('keeps working offline: the error is state, the next day tries again', async () => {
    const { updater, updates, timers } = setUp();
    updater.next = 'offline';
    updates.start();
    await settle();
    expect(updates.state()).toEqual({ phase: 'error', checkedAt: '2026-12-05T09:00:00.000Z' });
    updater.next = 'nothing';
    timers[0]!.fn();
    await settle();
    expect(updates.state()).toEqual({ phase: 'idle', checkedAt: '2026-12-05T09:00:00.000Z', latest: true });
    expect(updater.checks).toBe(2);
  });

  it('installs only with the volunteer’s OK: at next start (when the desk closes) or now', async () => {
    const { updater, updates } = setUp();
    expect(updates.installAtNextStart()).toBe(false); // nothing downloaded
    expect(updates.installNow()).toBe(false);
    updater.next = { version: '1.1.0' };
    updates.start();
    await settle();
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updates.installAtNextStart()).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updates.state()).toEqual({ phase: 'ready', version: '1.1.0', installAtNextStart: true });
    expect(updater.installs).toEqual([]);
    expect(updates.installNow()).toBe(true);
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('an error after the download (a later check failing) does not lose the ready update', async () => {
    const { updater, updates } = setUp();
    updater.next = { version: '1.1.0' };
    updates.start();
    await settle();
    updater.emit('error', new Error('late'));
    expect(updates.state()).toMatchObject({ phase: 'ready', version: '1.1.0' });
  });
});
