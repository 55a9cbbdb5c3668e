/** What the counter says after a scan or a submit. */
export type CounterMessage = { kind: 'ok' | 'warn' | 'error'; text: string } | null;
