import { describe, expect, it, vi } from 'vitest';
import { errorDetails, isChunkLoadError, isNotFound } from './errorDetails';

describe('details for the coordinator', () => {
  vi.stubGlobal('window', { location: { hash: '#/calendar?date=2030-03-05' } });
  vi.stubGlobal('navigator', { userAgent: 'TestBrowser/1.0' });

  it('names the time, the address, the browser and the error once, with the first lines of its stack', () => {
    const error = new TypeError('x is undefined');
    const text = errorDetails(error, new Date('2026-12-05T10:00:00Z'));
    expect(text).toContain('time: 2026-12-05T10:00:00.000Z');
    expect(text).toContain('address: #/calendar?date=2030-03-05');
    expect(text).toContain('browser: TestBrowser/1.0');
    expect(text.match(/TypeError: x is undefined/g)).toHaveLength(1);
    expect(text.split('\n').length).toBeLessThanOrEqual(4 + 12);
  });

  it("says a route's 404 in short, and tells a chunk that failed to load from other errors", () => {
    const notFound = { status: 404, statusText: 'Not Found', data: null };
    expect(errorDetails(notFound)).toMatch(/error: 404 Not Found$/);
    expect(isNotFound(notFound)).toBe(true);
    expect(isChunkLoadError(new TypeError('Failed to fetch dynamically imported module: http://x/assets/Page-1.js'))).toBe(true);
    expect(isChunkLoadError(new Error('Unable to preload CSS for http://x/assets/Page-1.css'))).toBe(true);
    expect(isChunkLoadError(new Error('x is undefined'))).toBe(false);
  });
});
