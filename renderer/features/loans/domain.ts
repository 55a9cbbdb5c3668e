/** The loans feature's view of the pure rules in shared/loans. */
export * from '@shared/loans';
export type { LocalDateTime } from '@shared/db';
