export * from './types';
export * from './schemas';
export * from './database';
export * from './meta';
export { readableDocs, readableJson } from './readable';
export { collectionChanges, databaseChanges } from './changes';
