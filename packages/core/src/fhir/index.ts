export * from './care-team.ts';
export * from './condition.ts';
export * from './episode-of-care.ts';
export * from './patient.ts';
export * from './practitioner.ts';
export * from './related-person.ts';
export * from './relationship.ts';
export * from './systems.ts';
