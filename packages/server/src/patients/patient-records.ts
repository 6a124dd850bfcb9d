import type { Kysely } from 'kysely';
import { careTeamRepository } from '../care-team/repository.ts';
import type { DB } from '../db/schema.generated.ts';
import { patientIdentityColumns } from './patient-columns.ts';

/** Reading patient records as a signed-in user sees them. */
export function patientRecords(db: Kysely<DB>) {
  return {
    async find(organizationId: string, patientId: string) {
      const patient = await db
        .selectFrom('patients')
        .select([...patientIdentityColumns, 'status', 'version'])
        .where('organizationId', '=', organizationId)
        .where('id', '=', patientId)
        .executeTakeFirst();
      if (patient === undefined) return undefined;
      const careTeam = await careTeamRepository(db).currentTeam(organizationId, patientId);
      return { patient, careTeam };
    },
  };
}

export type PatientRecords = ReturnType<typeof patientRecords>;
