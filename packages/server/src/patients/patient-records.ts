import type { Kysely } from 'kysely';
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
      const careTeam = await db
        .selectFrom('careTeamMembers as ctm')
        .innerJoin('staffMembers as sm', (join) =>
          join.onRef('sm.organizationId', '=', 'ctm.organizationId').onRef('sm.id', '=', 'ctm.staffMemberId'),
        )
        .select(['ctm.staffMemberId', 'sm.displayName', 'ctm.role', 'ctm.startedAt'])
        .where('ctm.organizationId', '=', organizationId)
        .where('ctm.patientId', '=', patientId)
        .where('ctm.endedAt', 'is', null)
        .orderBy('ctm.startedAt')
        .execute();
      return { patient, careTeam };
    },
  };
}

export type PatientRecords = ReturnType<typeof patientRecords>;
