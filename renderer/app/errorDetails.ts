/** Messages browsers give when a lazily loaded piece of the app (a section's JS or CSS) cannot be fetched. */
const CHUNK_FAILURE = /dynamically imported module|Importing a module script failed|Unable to preload CSS|Failed to fetch|ChunkLoadError|error loading dynamically imported module/i;

/** An address that is no section (React Router's 404 for a route that does not exist). */
export function isNotFound(error: unknown): boolean {
  return !!error && typeof error === 'object' && 'status' in error && (error as { status: unknown }).status === 404;
}

export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && CHUNK_FAILURE.test(error.message);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const head = `${error.name}: ${error.message}`;
    const stack = (error.stack ?? '').split('\n').slice(0, 12).join('\n');
    return stack.startsWith(head) ? stack : `${head}\n${stack}`.trim(); // V8's stack starts with the message already
  }
  // React Router's ErrorResponse (a loader's thrown Response) and anything else thrown.
  if (error && typeof error === 'object' && 'status' in error) {
    const e = error as { status: unknown; statusText?: unknown; data?: unknown };
    return `${String(e.status)} ${String(e.statusText ?? '')} ${typeof e.data === 'string' ? e.data : ''}`.trim();
  }
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/**
 * What the coordinator (or whoever fixes the desk) needs, as plain text to paste into a message: the version, the time,
 * the address (section), the browser and the error with the first lines of its stack. No personal data: no form
 * contents, no database documents.
 */
export function errorDetails(error: unknown, now = new Date()): string {
  const version = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '?';
  return [
    `Sosedi Desk ${version}`,
    `time: ${now.toISOString()}`,
    `address: ${window.location.hash || '#/'}`,
    `browser: ${navigator.userAgent}`,
    `error: ${describe(error)}`,
  ].join('\n');
}
