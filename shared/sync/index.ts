export * from './config';
export * from './validate';
export * from './merge';
export * from './fetch';
export * from './engine';
