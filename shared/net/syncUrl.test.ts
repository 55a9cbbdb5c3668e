import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSyncUrl, isSyncOrigin, MAX_SYNC_URL_LENGTH } from './syncUrl';

const problem = (raw: string, inBuilding = false) => {
  const r = checkSyncUrl(raw, { inBuilding });
  return r.ok ? 'ok' : r.problem;
};

describe('checkSyncUrl', () => {
  it.each([
    ['https://couch.example.org', 'https://couch.example.org/', 'https://couch.example.org'],
    ['https://couch.example.org/', 'https://couch.example.org/', 'https://couch.example.org'],
    ['  HTTPS://Couch.Example.ORG:6984/ ', 'https://couch.example.org:6984/', 'https://couch.example.org:6984'],
    ['https://couch.example.org:443/', 'https://couch.example.org/', 'https://couch.example.org'],
    ['http://127.0.0.1:5984/', 'http://127.0.0.1:5984/', 'http://127.0.0.1:5984'],
    ['http://127.8.9.10:5984', 'http://127.8.9.10:5984/', 'http://127.8.9.10:5984'],
    ['http://localhost:5984', 'http://localhost:5984/', 'http://localhost:5984'],
    ['http://[::1]:5984/', 'http://[::1]:5984/', 'http://[::1]:5984'],
    ['https://[2001:db8::1]:6984', 'https://[2001:db8::1]:6984/', 'https://[2001:db8::1]:6984'],
    ['https://сервер.пример.рф/', 'https://xn--b1afb6bcb.xn--e1afmkfd.xn--p1ai/', 'https://xn--b1afb6bcb.xn--e1afmkfd.xn--p1ai'],
  ])('accepts %j as %s', (raw, url, origin) => {
    expect(checkSyncUrl(raw)).toMatchObject({ ok: true, url, origin });
  });

  it('tells https, loopback and plain http in the building apart', () => {
    expect(checkSyncUrl('https://a.org')).toMatchObject({ https: true, loopback: false });
    expect(checkSyncUrl('http://localhost')).toMatchObject({ https: false, loopback: true });
    expect(checkSyncUrl('http://192.168.1.20:5984', { inBuilding: true })).toMatchObject({ ok: true, https: false, loopback: false, origin: 'http://192.168.1.20:5984' });
  });

  it('refuses plain http to a host that is not loopback unless the server is in the building', () => {
    for (const raw of ['http://couch.example.org/', 'http://192.168.1.20:5984', 'http://[fe80::1]:5984', 'http://localhost.evil.org', 'http://127.0.0.1.evil.org', 'http://[::2]']) {
      expect(problem(raw), raw).toBe('plainHttp');
      expect(problem(raw, true), raw).toBe('ok');
    }
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['couch.example.org', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['data:text/html,<script>alert(1)</script>', 'scheme'],
    ['ftp://couch.example.org', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['https:couch.example.org', 'scheme'],
    ['https:/couch.example.org', 'scheme'],
    ['ws://couch.example.org', 'scheme'],
    ['https://user:pass@couch.example.org/', 'credentials'],
    ['https://user@couch.example.org/', 'credentials'],
    ['https://couch.example.org@evil.org/', 'credentials'],
    ['https://evil.org/@couch.example.org', 'path'],
    ['https://couch.example.org/db', 'path'],
    ['https://couch.example.org//', 'path'],
    ['https://couch.example.org/../x', 'path'],
    ['https://couch.example.org/?x=1', 'path'],
    ['https://couch.example.org?x=1', 'path'],
    ['https://couch.example.org#top', 'path'],
    ['https://couch.example.org\\evil', 'chars'],
    ['http://x;sandbox/', 'chars'],
    ["https://x; script-src 'unsafe-eval'", 'chars'],
    ["http://a'b", 'chars'],
    ['http://a"b', 'chars'],
    ['https://a`b', 'chars'],
    ['https://a b.org', 'chars'],
    ['https://a,b.org', 'chars'],
    ['https://a*.org', 'chars'],
    ['https://a<b>.org', 'chars'],
    ['https://a.org\r\nSet-Cookie: x=1', 'chars'],
    ['https://a.\norg', 'chars'],
    ['https://a.\torg', 'chars'],
    ['https://a.org\u0000', 'chars'],
    ['https://a\u00a0b.org', 'chars'],
    ['https://a\u200bb.org', 'chars'],
    ['https://a%2eorg', 'chars'],
    ['https://a_b.org', 'chars'],
    ['https://a。org', 'chars'],
    ['https://[fe80::1%25eth0]:5984', 'chars'],
    ['https://couch.example.org:0', 'port'],
    ['https://couch.example.org:65536', 'port'],
    ['https://couch.example.org:080', 'port'],
    ['https://couch.example.org:', 'port'],
    ['https://couch.example.org:http', 'port'],
    ['https://couch.example.org:1:2', 'port'],
    ['https://', 'host'],
    ['https://:5984', 'host'],
    ['https://couch.example.org.', 'host'],
    ['https://-couch.example.org', 'host'],
    ['https://couch..example.org', 'host'],
    ['https://[::1', 'host'],
    ['https://[zz::1]', 'host'],
    [`https://${'a'.repeat(64)}.org`, 'host'],
    ['https://xn--.org', 'host'],
    [`https://${'a.'.repeat(150)}org`, 'tooLong'],
  ])('refuses %j (%s)', (raw, expected) => {
    expect(problem(raw, true)).toBe(expected);
  });

  it('never returns an origin or URL a CSP could misread, whatever is typed', () => {
    const cspSafe = /^https?:\/\/([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/;
    const pieces = fc.constantFrom('http://', 'https://', 'a', 'b.', '-', ':', '1', '[', ']', ';', "'", '"', ' ', '/', '@', '\\', '\r\n', '%', 'ü', 'я', '.', '?', '#', ',', '*');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), fc.boolean(), (parts, inBuilding) => {
        const r = checkSyncUrl(parts.join(''), { inBuilding });
        if (!r.ok) return;
        expect(r.origin).toMatch(cspSafe);
        expect(r.url).toBe(`${r.origin}/`);
        expect(isSyncOrigin(r.origin)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses very long input before parsing it', () => {
    expect(problem(`https://a.org/${'x'.repeat(MAX_SYNC_URL_LENGTH)}`)).toBe('tooLong');
    expect(problem(`https://${'a'.repeat(100_000)}.org`)).toBe('tooLong');
  });
});

describe('isSyncOrigin', () => {
  it('accepts only origins exactly as checkSyncUrl writes them', () => {
    expect(isSyncOrigin('https://couch.example.org')).toBe(true);
    expect(isSyncOrigin('http://192.168.1.20:5984')).toBe(true);
    expect(isSyncOrigin('https://couch.example.org/')).toBe(false);
    expect(isSyncOrigin('https://Couch.example.org')).toBe(false);
    expect(isSyncOrigin('http://x;sandbox')).toBe(false);
    expect(isSyncOrigin("*; script-src 'unsafe-eval'")).toBe(false);
    expect(isSyncOrigin('https://couch.example.org:443')).toBe(false);
  });
});
