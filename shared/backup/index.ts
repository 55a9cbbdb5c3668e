export * from './canonical';
export * from './sha256';
export * from './format';
export * from './rotation';
export * from './database';
