export * from './common.js';
export * from './errors.js';
export * from './territories.js';
export * from './reference.js';
