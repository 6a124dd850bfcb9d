import { DomainError, localDateAt } from '@tandem/core';
import type { Kysely, Updateable } from 'kysely';
import { appendAuditEvents } from '../audit/repository.ts';
import { programClock } from '../consents/repository.ts';
import type { DB, Patients } from '../db/schema.generated.ts';
import type { WriteAudit } from '../http/authorization.ts';
import { formatMrn } from './mrn.ts';
import { registrationRepository } from './registration-repository.ts';
import type {
  DuplicateCheck,
  PatientDemographics,
  PatientDemographicsUpdate,
  PatientRegistration,
  PossibleDuplicate,
} from './registration-schemas.ts';
import { patientRepository } from './repository.ts';

/** Optional text arrives as '' or null for "none"; the table stores null. */
function blankToNull<T extends Record<string, unknown>>(fields: T): T {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, value === '' ? null : value]),
  ) as T;
}

function bornInTheFuture(today: string) {
  return new DomainError('invalid_input', 'Some fields are missing or invalid.', {
    fieldErrors: [
      { path: 'body.dateOfBirth', message: `The date of birth cannot be after today (${today})` },
    ],
  });
}

/**
 * Registering a person and correcting their demographics. Registration refuses a likely duplicate (same date of
 * birth, similar names) unless the person registering has looked at the matches and confirms it is someone else;
 * the check and the insert run under one lock per organization and birth date, so that two desks registering the
 * same person at once produce one record.
 */
export function registrationService(db: Kysely<DB>) {
  const repository = registrationRepository(db);

  return {
    /** Part of registering (declared as the create it leads to); audited as such, with what it looked up. */
    async duplicates(
      organizationId: string,
      person: DuplicateCheck,
      audit: WriteAudit,
    ): Promise<PossibleDuplicate[]> {
      const matches = await repository.possibleDuplicates(organizationId, person);
      await appendAuditEvents(db, organizationId, [
        audit({ resourceType: 'patient_duplicate_check', resourceId: null, fieldsChanged: null }),
      ]);
      return matches;
    },

    async demographics(organizationId: string, patientId: string): Promise<PatientDemographics> {
      const found = await repository.findDemographics(organizationId, patientId);
      if (found === undefined) throw new DomainError('not_found', 'No such patient.');
      return found;
    },

    async register(
      organizationId: string,
      registration: PatientRegistration,
      audit: WriteAudit,
    ): Promise<PatientDemographics> {
      const { confirmedNotDuplicate, ...person } = registration;
      return db.transaction().execute(async (trx) => {
        const clock = await programClock(trx, organizationId);
        const today = localDateAt(clock.now, clock.timeZone);
        if (person.dateOfBirth > today) throw bornInTheFuture(today);
        await repository.lockBirthDate(trx, organizationId, person.dateOfBirth);
        if (!confirmedNotDuplicate) {
          const matches = await repository.possibleDuplicates(organizationId, person, trx);
          if (matches.length > 0) {
            throw new DomainError(
              'conflict',
              'A patient with a similar name and the same date of birth is already registered. Open the existing record, or confirm that this is someone else.',
              {
                details: {
                  reason: 'possible_duplicate',
                  matches: matches.map(({ id, mrn }) => ({ id, mrn })),
                },
              },
            );
          }
        }
        const mrnValue = await patientRepository(trx).allocateMrnValues(organizationId, 1);
        const created = await repository.insert(trx, {
          ...blankToNull(person),
          organizationId,
          mrn: formatMrn(mrnValue),
        });
        await appendAuditEvents(trx, organizationId, [
          {
            ...audit({ resourceType: 'patient', resourceId: created.id, fieldsChanged: Object.keys(person) }),
            patientId: created.id,
          },
        ]);
        return created;
      });
    },

    /** Corrects demographics at the given version; a stale version gets 409 with the record as it is now. */
    async update(
      organizationId: string,
      patientId: string,
      change: PatientDemographicsUpdate,
      audit: WriteAudit,
    ): Promise<PatientDemographics> {
      const { version, ...fields } = change;
      const updated = await db.transaction().execute(async (trx) => {
        if (fields.dateOfBirth !== undefined) {
          const clock = await programClock(trx, organizationId);
          const today = localDateAt(clock.now, clock.timeZone);
          if (fields.dateOfBirth > today) throw bornInTheFuture(today);
        }
        const row = await repository.update(
          trx,
          organizationId,
          patientId,
          version,
          blankToNull(fields) as Updateable<Patients>,
        );
        if (row === undefined) return undefined;
        await appendAuditEvents(trx, organizationId, [
          audit({ resourceType: 'patient', resourceId: patientId, fieldsChanged: Object.keys(fields) }),
        ]);
        return row;
      });
      if (updated !== undefined) return updated;
      const current = await repository.findDemographics(organizationId, patientId);
      if (current === undefined) throw new DomainError('not_found', 'No such patient.');
      throw new DomainError('version_conflict', 'Someone else changed this record; review their change.', {
        details: { current },
      });
    },
  };
}
