import { describe, expect, it } from 'vitest';
import { buildCsp } from './csp';

const directives = (csp: string) => csp.split('; ').map((d) => d.split(' ')[0]);
const connectSrc = (csp: string) => csp.split('; ').find((d) => d.startsWith('connect-src '));

describe('buildCsp', () => {
  it('adds a checked sync origin to connect-src only', () => {
    const csp = buildCsp(['https://couch.example.org', 'http://127.0.0.1:5984']);
    expect(connectSrc(csp)).toBe("connect-src 'self' https://couch.example.org http://127.0.0.1:5984");
    expect(csp).not.toContain('unsafe-eval');
  });

  it.each([
    'http://x;sandbox',
    "*; script-src 'unsafe-eval'",
    'https://a.org; frame-src *',
    "https://a'b",
    'https://a.org/path',
    'https://a.org\r\nX: y',
    'https: data:',
    '*',
  ])('drops %j instead of letting it add a directive or a source', (origin) => {
    const csp = buildCsp([origin]);
    expect(connectSrc(csp)).toBe("connect-src 'self'");
    expect(directives(csp)).toEqual(directives(buildCsp()));
  });
});
