import { describe, expect, it, vi } from 'vitest';
import type { MessageBoxSyncOptions } from 'electron';
import { createHardenedWindow } from './hardening';
import { FakeWindow, FakeWindowCtor } from './testFakes';
import { confirmCloseWithUnsent, unsentChangesDialog } from './unload';

// Fakes, not Electron: the binary cannot run here (see testFakes.ts).
function windowAsking(answer: number, language: 'ru' | 'en' = 'en') {
  const show = vi.fn((_options: MessageBoxSyncOptions) => answer);
  const confirmUnload = vi.fn(() => confirmCloseWithUnsent(language, show));
  const win = createHardenedWindow(FakeWindowCtor, { show: false }, { openExternal: vi.fn(), confirmUnload });
  return { contents: (win as unknown as FakeWindow).webContents, show, confirmUnload };
}

describe('closing the window with unsent sync changes', () => {
  it('asks natively and lets the close proceed when the person says "close anyway"', () => {
    const { contents, show } = windowAsking(0);
    expect(contents.emit('will-prevent-unload').defaultPrevented).toBe(true);
    expect(show).toHaveBeenCalledOnce();
    expect(show.mock.calls[0]![0]).toMatchObject({ message: 'There are changes not yet sent to the server. Close anyway?', buttons: ['Close anyway', "Don't close"] });
  });

  it('keeps the window open when the person says "don\'t close" or presses Esc (cancelId)', () => {
    const { contents, show } = windowAsking(1);
    expect(contents.emit('will-prevent-unload').defaultPrevented).toBe(false);
    expect(show).toHaveBeenCalledOnce();
    const options = unsentChangesDialog('en');
    expect(options.cancelId).toBe(1);
    expect(options.defaultId).toBe(1); // Enter does not lose anything either
  });

  it('asks in the menu language', () => {
    const ru = unsentChangesDialog('ru');
    expect(ru.message).toBe('Есть изменения, ещё не отправленные на сервер. Всё равно закрыть?');
    expect(ru.buttons).toEqual(['Закрыть', 'Не закрывать']);
    expect(unsentChangesDialog('en').message).not.toBe(ru.message);
  });

  it('without a question installed the page keeps its objection (Electron cancels the close)', () => {
    const win = createHardenedWindow(FakeWindowCtor, { show: false }, { openExternal: vi.fn() });
    expect((win as unknown as FakeWindow).webContents.emit('will-prevent-unload').defaultPrevented).toBe(false);
  });
});
