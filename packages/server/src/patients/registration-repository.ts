import { type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { DB, Patients } from '../db/schema.generated.ts';
import { dateOfBirthColumn, patientIdentityColumns } from './patient-columns.ts';
import type { PatientDemographics, PossibleDuplicate } from './registration-schemas.ts';

type Db = Kysely<DB> | Transaction<DB>;

const demographicColumns = [
  ...patientIdentityColumns,
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'country',
  'emergencyContactName',
  'emergencyContactPhone',
  'emergencyContactRelationship',
  'preferredTherapistGender',
  'status',
  'version',
] as const;

type DemographicRow = Omit<
  PatientDemographics,
  'sexAssignedAtBirth' | 'preferredTherapistGender' | 'status'
> & { sexAssignedAtBirth: string; preferredTherapistGender: string | null; status: string };

function toDemographics(row: DemographicRow): PatientDemographics {
  return row as PatientDemographics;
}

/**
 * A person matches when they share the date of birth and both names are close: each typed name is similar to a
 * word of every name they go by (legal and preferred, lower case, accents dropped), so that "Jose Nguyen" finds
 * José Nguyễn and "Joe Nguyen" finds José "Joe" Nguyễn. Trigram word similarity tolerates a slip of a letter.
 */
const nameSimilarity = 0.5;

/** The only SQL of registration. */
export function registrationRepository(db: Kysely<DB>) {
  return {
    async findDemographics(
      organizationId: string,
      patientId: string,
      trx: Db = db,
    ): Promise<PatientDemographics | undefined> {
      const row = await trx
        .selectFrom('patients')
        .select(demographicColumns)
        .where('organizationId', '=', organizationId)
        .where('id', '=', patientId)
        .executeTakeFirst();
      return row === undefined ? undefined : toDemographics(row);
    },

    /**
     * Serializes registrations of people born on the same day in one organization until the transaction ends,
     * so that two desks registering the same person at once cannot both pass the duplicate check.
     */
    async lockBirthDate(trx: Transaction<DB>, organizationId: string, dateOfBirth: string): Promise<void> {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`registration:${organizationId}:${dateOfBirth}`}, 0))`.execute(
        trx,
      );
    },

    async possibleDuplicates(
      organizationId: string,
      person: {
        legalGivenName: string;
        legalFamilyName: string;
        preferredName?: string | null | undefined;
        dateOfBirth: string;
      },
      trx: Db = db,
    ): Promise<PossibleDuplicate[]> {
      const given = [person.legalGivenName, person.preferredName ?? '']
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name !== '');
      const family = person.legalFamilyName.trim().toLowerCase();
      const rows = await trx
        .selectFrom('patients')
        .select([
          'id',
          'mrn',
          'legalGivenName',
          'legalFamilyName',
          'preferredName',
          dateOfBirthColumn,
          'status',
        ])
        .where('organizationId', '=', organizationId)
        .where('dateOfBirth', '=', person.dateOfBirth)
        .where(sql<boolean>`word_similarity(immutable_unaccent(${family}), search_name) >= ${nameSimilarity}`)
        .where((eb) =>
          eb.or(
            given.map(
              (name) =>
                sql<boolean>`word_similarity(immutable_unaccent(${name}), search_name) >= ${nameSimilarity}`,
            ),
          ),
        )
        .orderBy('mrn')
        .limit(10)
        .execute();
      return rows.map((row) => ({ ...row, status: row.status as PossibleDuplicate['status'] }));
    },

    async insert(
      trx: Transaction<DB>,
      values: Omit<Updateable<Patients>, 'id'> & {
        organizationId: string;
        mrn: string;
        legalGivenName: string;
        legalFamilyName: string;
        dateOfBirth: string;
      },
    ): Promise<PatientDemographics> {
      const row = await trx
        .insertInto('patients')
        .values(values)
        .returning(demographicColumns)
        .executeTakeFirstOrThrow();
      return toDemographics(row);
    },

    /** Applies the change only at the given version; undefined means stale (or gone). */
    async update(
      trx: Transaction<DB>,
      organizationId: string,
      patientId: string,
      version: number,
      fields: Updateable<Patients>,
    ): Promise<PatientDemographics | undefined> {
      const row = await trx
        .updateTable('patients')
        .set({ ...fields, version: sql<number>`version + 1`, updatedAt: sql<Date>`now()` })
        .where('organizationId', '=', organizationId)
        .where('id', '=', patientId)
        .where('version', '=', version)
        .returning(demographicColumns)
        .executeTakeFirst();
      return row === undefined ? undefined : toDemographics(row);
    },
  };
}

export type RegistrationRepository = ReturnType<typeof registrationRepository>;
