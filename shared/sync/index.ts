export * from './config';
export * from './validate';
export * from './merge';
export * from './couch';
export * from './status';
export * from './protocol';
export * from './engine';
