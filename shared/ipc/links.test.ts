import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './links';

describe('external link allow-list', () => {
  it.each([
    'https://github.com/',
    'https://github.com/sosedi/desk/issues?q=1#x',
    'https://docs.github.com/en',
    'https://yandex.ru/maps/?text=Moscow',
    'https://GITHUB.com/',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://github.com/',
    'https://github.com.evil.example/',
    'https://evilgithub.com/',
    'https://user:pw@github.com/',
    'https://github.com:8443/',
    'https://example.com/',
    'https://127.0.0.1/',
    'https://[::1]/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://desk/index.html',
    'not a url',
    'https://.github.com/',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));

  it('uses the given list', () => {
    expect(isAllowedExternalUrl('https://example.org/a', ['example.org'])).toBe(true);
    expect(isAllowedExternalUrl('https://sub.example.org/a', ['example.org'])).toBe(false);
    expect(isAllowedExternalUrl('https://sub.example.org/a', ['*.example.org'])).toBe(true);
    expect(isAllowedExternalUrl('https://example.org/a', ['*.example.org'])).toBe(false);
  });
});
