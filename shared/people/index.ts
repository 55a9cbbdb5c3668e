/** People and groups: search, validation, merging (pure; see each module). */
export * from './normalise';
export * from './search';
export * from './validate';
export * from './patches';
export * from './merge';
