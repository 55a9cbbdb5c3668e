import { describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../db';
import { normaliseServerUrl } from './config';
import { startSync } from './engine';

describe('the sync engine never sends credentials in clear outside the building', () => {
  it('normalises to the server root, plain http only to loopback or when the server is in the building', () => {
    expect(normaliseServerUrl(' https://Couch.example.org ')).toBe('https://couch.example.org/');
    expect(normaliseServerUrl('http://127.0.0.1:5984')).toBe('http://127.0.0.1:5984/');
    expect(normaliseServerUrl('http://192.168.1.20:5984/')).toBeNull();
    expect(normaliseServerUrl('http://192.168.1.20:5984/', true)).toBe('http://192.168.1.20:5984/');
    expect(normaliseServerUrl('https://admin:pw@couch.example.org/')).toBeNull();
    expect(normaliseServerUrl('http://x;sandbox/', true)).toBeNull();
  });

  it('refuses to start against a plain-http server that is not marked as in the building', async () => {
    const db = { collections: {} } as unknown as DeskDatabase;
    const config = { url: 'http://couch.example.org/', centre: 'dubki', user: 'desk', password: 'pw' };
    await expect(startSync({ db, config, author: { desk: 'd', volunteer: '' } })).rejects.toMatchObject({ code: 'invalidUrl' });
  });
});
