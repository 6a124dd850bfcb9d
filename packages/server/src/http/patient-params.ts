import { defineMessages } from '@formatjs/intl';
import { z } from 'zod';

const errors = defineMessages({
  notPatientId: { id: 'http.errors.notPatientId', defaultMessage: 'Not a patient id' },
});

/** The path of every route under /api/patients/:patientId: a malformed id is refused field by field (400). */
export const patientParams = z.object({ patientId: z.uuid(errors.notPatientId.id) });

/** A route's policy target when its patient is the one its path names. */
export const patientFromPath = { param: 'patientId' } as const;
