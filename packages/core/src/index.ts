export * from './access/policy.ts';
export * from './access/resources.ts';
export * from './errors/domain-error.ts';
export * from './identity/roles.ts';
export * from './staff/approaches.ts';
