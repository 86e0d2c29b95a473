export * from './common.js';
export * from './errors.js';
export * from './territories.js';
export * from './reference.js';
export * from './permissions.js';
export * from './auth.js';
export * from './organisations.js';
export * from './audit.js';
