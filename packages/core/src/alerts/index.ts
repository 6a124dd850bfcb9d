export * from './alert-kinds.ts';
export * from './alert-status.ts';
export * from './route-alert.ts';
