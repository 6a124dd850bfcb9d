import { defineMessages } from '@formatjs/intl';
import { DomainError } from '@tandem/core';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { staleVersion } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import type { SupportContactRepository } from './repository.ts';
import type { SupportContact, SupportContactCreate, SupportContactUpdate } from './schemas.ts';

const errors = defineMessages({
  noSuchSupportContact: {
    id: 'supportContacts.errors.noSuchSupportContact',
    defaultMessage: 'No such support contact.',
  },
  contactChanged: {
    id: 'supportContacts.errors.contactChanged',
    defaultMessage: 'Someone else changed this support contact; review their change.',
  },
});

/** The patient's loved ones, kept by the care team; every change is audited in its own unit of work. */
export function supportContactService(records: RecordKernel, repository: SupportContactRepository) {
  const { db } = records;

  return {
    list(context: RecordContext, patientId: string): Promise<SupportContact[]> {
      return repository.list(db, organizationOf(context), patientId);
    },

    create(
      context: RecordContext,
      patientId: string,
      contact: SupportContactCreate,
    ): Promise<SupportContact> {
      return records.write(context, async ({ trx, organizationId, audit }) => {
        const row = await repository.create(trx, organizationId, patientId, contact);
        audit({ resourceType: 'support_contact', resourceId: row.id, fieldsChanged: Object.keys(contact) });
        return row;
      });
    },

    /** Changes a contact at the version the caller saw; a stale version gets 409 with the contact as it is now. */
    update(
      context: RecordContext,
      patientId: string,
      supportContactId: string,
      change: SupportContactUpdate,
    ): Promise<SupportContact> {
      return records.write(context, async ({ trx, organizationId, audit }) => {
        const row = await repository.update(trx, organizationId, patientId, supportContactId, change);
        if (row === undefined) {
          const seen = await repository.find(trx, organizationId, patientId, supportContactId);
          if (seen === undefined) throw new DomainError('not_found', errors.noSuchSupportContact);
          return staleVersion(errors.contactChanged, async () =>
            repository.find(db, organizationId, patientId, supportContactId),
          );
        }
        const { version: _version, ...fields } = change;
        audit({
          resourceType: 'support_contact',
          resourceId: supportContactId,
          fieldsChanged: Object.keys(fields),
        });
        return row;
      });
    },
  };
}

export type SupportContactService = ReturnType<typeof supportContactService>;
