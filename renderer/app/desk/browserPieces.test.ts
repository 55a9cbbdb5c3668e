import { describe, expect, it } from 'vitest';
import { SECRET_PREFIX, acceptFromFilters, browserSecrets, withPageRule } from './browserPieces';

describe('browser desk pieces', () => {
  it('turns dialog filters into an accept attribute', () => {
    expect(acceptFromFilters(undefined)).toBe('');
    expect(acceptFromFilters([{ name: 'Tables', extensions: ['csv', 'XLSX'] }, { name: 'CSV', extensions: ['csv'] }])).toBe('.csv,.xlsx');
    expect(acceptFromFilters([{ name: 'All', extensions: ['*'] }])).toBe('');
  });

  it('puts the page size and orientation into the printed document', () => {
    expect(withPageRule('<html><head><title>x</title></head><body/></html>', 'A3', true)).toBe(
      '<html><head><style>@page { size: A3 landscape; }</style><title>x</title></head><body/></html>',
    );
    expect(withPageRule('<p>bare</p>', 'A4', false)).toBe('<style>@page { size: A4 portrait; }</style><p>bare</p>');
  });

  it('keeps secrets in the given storage under one prefix', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
    const secrets = browserSecrets(storage);
    expect(secrets.set('sync.password', 'pw')).toEqual({ ok: true });
    expect([...map.keys()]).toEqual([`${SECRET_PREFIX}sync.password`]);
    expect(secrets.get('sync.password')).toBe('pw');
    secrets.delete('sync.password');
    expect(secrets.get('sync.password')).toBeNull();
    const full = { ...storage, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(browserSecrets(full).set('k', 'v')).toEqual({ ok: false, reason: 'unavailable' });
  });
});
