/** The visitor log: sign-in/out, headcount, retention, erasure and export (pure; see each module). */
export * from './time';
export * from './signIn';
export * from './headcount';
export * from './retention';
export * from './privacy';
