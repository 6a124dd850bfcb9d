export * from './catalog.ts';
export * from './search.ts';
