export * from './local-date.ts';
export * from './program-clock.ts';
