import { defineMessages } from '@formatjs/intl';
import { DomainError } from '@tandem/core';
import type { Updateable } from 'kysely';
import type { Patients } from '../db/schema.generated.ts';
import { type NoValues, withValues } from '../i18n/error-message.ts';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { staleVersion } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
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

const errors = defineMessages<{
  invalidFields: NoValues;
  bornInTheFuture: { today: string };
  noSuchPatient: NoValues;
  possibleDuplicate: NoValues;
  changedBySomeoneElse: NoValues;
}>({
  invalidFields: {
    id: 'patients.errors.invalidFields',
    defaultMessage: 'Some fields are missing or invalid.',
  },
  bornInTheFuture: {
    id: 'patients.errors.bornInTheFuture',
    defaultMessage: 'The date of birth cannot be after today ({today})',
  },
  noSuchPatient: { id: 'patients.errors.noSuchPatient', defaultMessage: 'No such patient.' },
  possibleDuplicate: {
    id: 'patients.errors.possibleDuplicate',
    defaultMessage:
      'A patient with a similar name and the same date of birth is already registered. Open the existing record, or confirm that this is someone else.',
  },
  changedBySomeoneElse: {
    id: 'patients.errors.changedBySomeoneElse',
    defaultMessage: 'Someone else changed this record; review their change.',
  },
});

function bornInTheFuture(today: string) {
  return new DomainError('invalid_input', errors.invalidFields, {
    fieldErrors: [{ path: 'body.dateOfBirth', message: withValues(errors.bornInTheFuture, { today }) }],
  });
}

/**
 * Registering a person and correcting their demographics. Registration refuses a likely duplicate (same date of
 * birth, similar names) unless the person registering has looked at the matches and confirms it is someone else;
 * the check and the insert run under one lock per organization and birth date, so that two desks registering the
 * same person at once produce one record.
 */
export function registrationService(records: RecordKernel) {
  const { db } = records;
  const repository = registrationRepository(db);

  return {
    /** Part of registering (declared as the create it leads to); audited as such, with what it looked up. */
    duplicates(context: RecordContext, person: DuplicateCheck): Promise<PossibleDuplicate[]> {
      return records.write(context, async ({ trx, organizationId, audit }) => {
        const matches = await repository.possibleDuplicates(organizationId, person, trx);
        audit({ resourceType: 'patient_duplicate_check', resourceId: null, fieldsChanged: null });
        return matches;
      });
    },

    async demographics(context: RecordContext, patientId: string): Promise<PatientDemographics> {
      const found = await repository.findDemographics(organizationOf(context), patientId);
      if (found === undefined) throw new DomainError('not_found', errors.noSuchPatient);
      return found;
    },

    register(context: RecordContext, registration: PatientRegistration): Promise<PatientDemographics> {
      const { confirmedNotDuplicate, ...person } = registration;
      return records.write(context, async ({ trx, organizationId, today, audit }) => {
        const todayThere = await today();
        if (person.dateOfBirth > todayThere) throw bornInTheFuture(todayThere);
        await repository.lockBirthDate(trx, organizationId, person.dateOfBirth);
        if (!confirmedNotDuplicate) {
          const matches = await repository.possibleDuplicates(organizationId, person, trx);
          if (matches.length > 0) {
            throw new DomainError('conflict', errors.possibleDuplicate, {
              details: {
                reason: 'possible_duplicate',
                matches: matches.map(({ id, mrn }) => ({ id, mrn })),
              },
            });
          }
        }
        const mrnValue = await patientRepository(trx).allocateMrnValues(organizationId, 1);
        const created = await repository.insert(trx, {
          ...blankToNull(person),
          organizationId,
          mrn: formatMrn(mrnValue),
        });
        audit({
          resourceType: 'patient',
          resourceId: created.id,
          fieldsChanged: Object.keys(person),
          patientId: created.id,
        });
        return created;
      });
    },

    /** Corrects demographics at the given version; a stale version gets 409 with the record as it is now. */
    update(
      context: RecordContext,
      patientId: string,
      change: PatientDemographicsUpdate,
    ): Promise<PatientDemographics> {
      const { version, ...fields } = change;
      return records.write(context, async ({ trx, organizationId, today, audit }) => {
        if (fields.dateOfBirth !== undefined) {
          const todayThere = await today();
          if (fields.dateOfBirth > todayThere) throw bornInTheFuture(todayThere);
        }
        const row = await repository.update(
          trx,
          organizationId,
          patientId,
          version,
          blankToNull(fields) as Updateable<Patients>,
        );
        if (row === undefined) {
          const seen = await repository.findDemographics(organizationId, patientId, trx);
          if (seen === undefined) throw new DomainError('not_found', errors.noSuchPatient);
          return staleVersion(errors.changedBySomeoneElse, async () =>
            repository.findDemographics(organizationId, patientId),
          );
        }
        audit({ resourceType: 'patient', resourceId: patientId, fieldsChanged: Object.keys(fields) });
        return row;
      });
    },
  };
}
