export * from './errors.ts';
export * from './options.ts';
export * from './marker.ts';
export * from './select.ts';
export * from './resolve.ts';
export * from './read.ts';
export * from './encoding.ts';
export * from './expand.ts';
