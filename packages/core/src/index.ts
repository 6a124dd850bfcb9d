export * from './errors/domain-error.ts';
export * from './identity/roles.ts';
export * from './staff/approaches.ts';
