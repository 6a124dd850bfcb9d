export * from './field-difference.ts';
export * from './signed-record.ts';
