export * from './program-clock.ts';
export * from './record-context.ts';
export * from './refusal.ts';
export * from './unit-of-work.ts';
