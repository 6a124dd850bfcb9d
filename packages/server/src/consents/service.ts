import { DomainError, type FieldError, normalizedCategories, validateNewConsent } from '@tandem/core';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { Refusal } from '../records/refusal.ts';
import type { RecordKernel, UnitOfWork } from '../records/unit-of-work.ts';
import type { ConsentRepository, NewConsentRow } from './repository.ts';
import type { Consent, ConsentCreate, ConsentRevoke, ConsentSupersede } from './schemas.ts';

const invalid = (fieldErrors: FieldError[]) =>
  new DomainError('invalid_input', 'Some fields are missing or invalid.', {
    fieldErrors: fieldErrors.map((error) => ({ ...error, path: `body.${error.path}` })),
  });

/**
 * Recording, amending and revoking a patient's written consents (42 CFR 2.31). The staff member who records a
 * consent is its witness; a patient may revoke their own at any time. A consent is never rewritten or deleted.
 */
export function consentService(records: RecordKernel, repository: ConsentRepository) {
  const { db } = records;

  /** Checks the terms and resolves the recipient, inside the unit of work that will insert the consent. */
  async function newConsentRow(
    { trx, context, clock: programClock }: UnitOfWork,
    patientId: string,
    terms: ConsentCreate,
    supersedesConsentId: string | null,
  ): Promise<NewConsentRow> {
    const { principal } = context;
    const clock = await programClock();
    const signedAt = terms.signature.signedAt === undefined ? clock.now : new Date(terms.signature.signedAt);
    const errors = validateNewConsent(
      {
        recipient: terms.recipient,
        categories: terms.categories,
        purpose: terms.purpose,
        startsOn: terms.startsOn,
        expiresOn: terms.expiresOn,
        expiryEvent: terms.expiryEvent,
        signature: { typedName: terms.signature.typedName, signedAt },
      },
      clock,
    );
    let recipientName = terms.recipient.kind === 'support_contact' ? '' : terms.recipient.name;
    let supportContactId: string | null = null;
    if (terms.recipient.kind === 'support_contact') {
      const contact = await repository.activeSupportContact(
        trx,
        principal.organizationId,
        patientId,
        terms.recipient.supportContactId,
      );
      if (contact === undefined) {
        errors.push({
          path: 'recipient.supportContactId',
          message: 'Not an active support contact of this patient',
        });
      } else {
        recipientName = contact.name;
        supportContactId = contact.id;
      }
    }
    if (errors.length > 0) throw invalid(errors);
    return {
      recipientKind: terms.recipient.kind,
      supportContactId,
      recipientName,
      categories: normalizedCategories(terms.categories),
      purpose: terms.purpose,
      startsOn: terms.startsOn,
      expiresOn: terms.expiresOn,
      expiryEvent: terms.expiryEvent,
      signedName: terms.signature.typedName,
      signedAt,
      witnessedByUserId: principal.userId,
      supersedesConsentId,
    };
  }

  /** The consent as it is now, with its status by the program clock (read after the change commits). */
  async function current(context: RecordContext, patientId: string, consentId: string): Promise<Consent> {
    const clock = await records.clock(context);
    const consent = await repository.find(db, organizationOf(context), patientId, consentId, clock);
    if (consent === undefined) throw new DomainError('not_found', 'No such consent.');
    return consent;
  }

  /**
   * Refuses a change to a consent that is revoked or was changed since the caller saw it, told apart by the
   * consent as the unit of work sees it; answered with the consent as it is once the change is rolled back.
   */
  async function refuseChange(unit: UnitOfWork, patientId: string, consentId: string): Promise<never> {
    const seen = await repository.find(
      unit.trx,
      unit.organizationId,
      patientId,
      consentId,
      await unit.clock(),
    );
    if (seen === undefined) throw new DomainError('not_found', 'No such consent.');
    const load = () => current(unit.context, patientId, consentId);
    if (seen.revocation !== null) {
      throw new Refusal('conflict', 'This consent is no longer in effect and does not change again.', {
        current: load,
      });
    }
    throw new Refusal('version_conflict', 'Someone else changed this consent; review their change.', {
      current: load,
    });
  }

  return {
    async list(context: RecordContext, patientId: string): Promise<Consent[]> {
      return repository.list(db, organizationOf(context), patientId, await records.clock(context));
    },

    async create(context: RecordContext, patientId: string, terms: ConsentCreate): Promise<Consent> {
      const consentId = await records.write(context, async (unit) => {
        const row = await newConsentRow(unit, patientId, terms, null);
        const id = await repository.insert(unit.trx, unit.organizationId, patientId, row);
        unit.audit({ resourceType: 'consent', resourceId: id, fieldsChanged: Object.keys(row) });
        return id;
      });
      return current(context, patientId, consentId);
    },

    async revoke(
      context: RecordContext,
      patientId: string,
      consentId: string,
      revocation: ConsentRevoke,
    ): Promise<Consent> {
      await records.write(context, async (unit) => {
        const done = await repository.revoke(unit.trx, unit.organizationId, patientId, consentId, {
          version: revocation.version,
          revokedByUserId: context.principal.userId,
          reason: revocation.reason === '' ? null : revocation.reason,
        });
        if (!done) return refuseChange(unit, patientId, consentId);
        unit.audit({
          resourceType: 'consent',
          resourceId: consentId,
          fieldsChanged: ['revokedAt', 'revokedByUserId', 'revocationReason'],
        });
      });
      return current(context, patientId, consentId);
    },

    /**
     * Amends a consent: the new terms become a new consent that names the old one, and the old one is revoked in
     * the same transaction, so there is never a moment with both or neither in effect.
     */
    async supersede(
      context: RecordContext,
      patientId: string,
      consentId: string,
      amendment: ConsentSupersede,
    ): Promise<Consent> {
      const { version, ...terms } = amendment;
      const newId = await records.write(context, async (unit) => {
        const { trx, organizationId } = unit;
        const old = await repository.lockForChange(trx, organizationId, patientId, consentId);
        if (old === undefined) throw new DomainError('not_found', 'No such consent.');
        if (old.revokedAt !== null || old.version !== version)
          return refuseChange(unit, patientId, consentId);
        const row = await newConsentRow(unit, patientId, terms, consentId);
        const id = await repository.insert(trx, organizationId, patientId, row);
        await repository.revoke(trx, organizationId, patientId, consentId, {
          version,
          revokedByUserId: context.principal.userId,
          reason: 'Replaced by an amended consent',
        });
        unit.audit({ resourceType: 'consent', resourceId: id, fieldsChanged: Object.keys(row) });
        unit.audit({
          resourceType: 'consent',
          resourceId: consentId,
          fieldsChanged: ['revokedAt', 'revokedByUserId', 'revocationReason'],
          action: 'update',
        });
        return id;
      });
      return current(context, patientId, newId);
    },
  };
}

export type ConsentService = ReturnType<typeof consentService>;
