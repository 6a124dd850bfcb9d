import { DomainError, type FieldError, normalizedCategories, validateNewConsent } from '@tandem/core';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import type { WriteAudit } from '../http/authorization.ts';
import type { Principal } from '../identity/principal.ts';
import { type ConsentRepository, type NewConsentRow, programClock } from './repository.ts';
import type { Consent, ConsentCreate, ConsentRevoke, ConsentSupersede } from './schemas.ts';

const invalid = (fieldErrors: FieldError[]) =>
  new DomainError('invalid_input', 'Some fields are missing or invalid.', {
    fieldErrors: fieldErrors.map((error) => ({ ...error, path: `body.${error.path}` })),
  });

/**
 * Recording, amending and revoking a patient's written consents (42 CFR 2.31). The staff member who records a
 * consent is its witness; a patient may revoke their own at any time. A consent is never rewritten or deleted.
 */
export function consentService(repository: ConsentRepository) {
  /** Checks the terms and resolves the recipient, inside the transaction that will insert the consent. */
  async function newConsentRow(
    trx: Transaction<DB>,
    principal: Principal,
    patientId: string,
    terms: ConsentCreate,
    supersedesConsentId: string | null,
  ): Promise<NewConsentRow> {
    const clock = await programClock(trx, principal.organizationId);
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

  async function current(principal: Principal, patientId: string, consentId: string): Promise<Consent> {
    const consent = await repository.find(principal.organizationId, patientId, consentId);
    if (consent === undefined) throw new DomainError('not_found', 'No such consent.');
    return consent;
  }

  /** Refuses a change to a consent that is revoked or was changed since the caller saw it. */
  async function refuseChange(principal: Principal, patientId: string, consentId: string): Promise<never> {
    const consent = await current(principal, patientId, consentId);
    if (consent.revocation !== null) {
      throw new DomainError('conflict', 'This consent is no longer in effect and does not change again.', {
        details: { current: consent },
      });
    }
    throw new DomainError('version_conflict', 'Someone else changed this consent; review their change.', {
      details: { current: consent },
    });
  }

  return {
    list(principal: Principal, patientId: string): Promise<Consent[]> {
      return repository.list(principal.organizationId, patientId);
    },

    async create(
      principal: Principal,
      patientId: string,
      terms: ConsentCreate,
      audit: WriteAudit,
    ): Promise<Consent> {
      const consentId = await repository.transaction(async (trx) => {
        const row = await newConsentRow(trx, principal, patientId, terms, null);
        const id = await repository.insert(trx, principal.organizationId, patientId, row);
        await repository.audit(trx, principal.organizationId, [
          audit({ resourceType: 'consent', resourceId: id, fieldsChanged: Object.keys(row) }),
        ]);
        return id;
      });
      return current(principal, patientId, consentId);
    },

    async revoke(
      principal: Principal,
      patientId: string,
      consentId: string,
      revocation: ConsentRevoke,
      audit: WriteAudit,
    ): Promise<Consent> {
      const revoked = await repository.transaction(async (trx) => {
        const done = await repository.revoke(trx, principal.organizationId, patientId, consentId, {
          version: revocation.version,
          revokedByUserId: principal.userId,
          reason: revocation.reason === '' ? null : revocation.reason,
        });
        if (done) {
          await repository.audit(trx, principal.organizationId, [
            audit({
              resourceType: 'consent',
              resourceId: consentId,
              fieldsChanged: ['revokedAt', 'revokedByUserId', 'revocationReason'],
            }),
          ]);
        }
        return done;
      });
      if (!revoked) return refuseChange(principal, patientId, consentId);
      return current(principal, patientId, consentId);
    },

    /**
     * Amends a consent: the new terms become a new consent that names the old one, and the old one is revoked in
     * the same transaction, so there is never a moment with both or neither in effect.
     */
    async supersede(
      principal: Principal,
      patientId: string,
      consentId: string,
      amendment: ConsentSupersede,
      audit: WriteAudit,
    ): Promise<Consent> {
      const { version, ...terms } = amendment;
      const outcome = await repository.transaction(async (trx) => {
        const old = await repository.lockForChange(trx, principal.organizationId, patientId, consentId);
        if (old === undefined) throw new DomainError('not_found', 'No such consent.');
        if (old.revokedAt !== null || old.version !== version) return undefined;
        const row = await newConsentRow(trx, principal, patientId, terms, consentId);
        const newId = await repository.insert(trx, principal.organizationId, patientId, row);
        await repository.revoke(trx, principal.organizationId, patientId, consentId, {
          version,
          revokedByUserId: principal.userId,
          reason: 'Replaced by an amended consent',
        });
        const created = audit({
          resourceType: 'consent',
          resourceId: newId,
          fieldsChanged: Object.keys(row),
        });
        const superseded = audit({
          resourceType: 'consent',
          resourceId: consentId,
          fieldsChanged: ['revokedAt', 'revokedByUserId', 'revocationReason'],
        });
        await repository.audit(trx, principal.organizationId, [created, { ...superseded, action: 'update' }]);
        return newId;
      });
      if (outcome === undefined) return refuseChange(principal, patientId, consentId);
      return current(principal, patientId, outcome);
    },
  };
}

export type ConsentService = ReturnType<typeof consentService>;
