import { z } from 'zod';

/** The path of every route under /api/patients/:patientId: a malformed id is refused field by field (400). */
export const patientParams = z.object({ patientId: z.uuid('Not a patient id') });

/** A route's policy target when its patient is the one its path names. */
export const patientFromPath = { param: 'patientId' } as const;
