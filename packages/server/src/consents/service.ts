import { defineMessages } from '@formatjs/intl';
import {
  type ConsentSignedContent,
  consentRecordType,
  consentTermChanges,
  DomainError,
  type ErrorMessage,
  type FieldError,
  normalizedCategories,
  readableConsentTerms,
  signedConsentTerms,
  validateNewConsent,
} from '@tandem/core';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { Refusal } from '../records/refusal.ts';
import type { RecordKernel, UnitOfWork } from '../records/unit-of-work.ts';
import type { SignedRecordRepository } from '../signed-records/repository.ts';
import { amendmentConflicts, signedRecordSteps } from '../signed-records/steps.ts';
import { type ConsentRepository, consentSignedContent, type NewConsentRow } from './repository.ts';
import type { Consent, ConsentAmend, ConsentCreate, ConsentHistory, ConsentRevoke } from './schemas.ts';

const errors = defineMessages({
  invalidFields: {
    id: 'consents.errors.invalidFields',
    defaultMessage: 'Some fields are missing or invalid.',
  },
  notActiveContact: {
    id: 'consents.errors.notActiveContact',
    defaultMessage: 'Not an active support contact of this patient',
  },
  noSuchConsent: { id: 'consents.errors.noSuchConsent', defaultMessage: 'No such consent.' },
  noLongerInEffect: {
    id: 'consents.errors.noLongerInEffect',
    defaultMessage: 'This consent is no longer in effect and does not change again.',
  },
  changedBySomeoneElse: {
    id: 'consents.errors.changedBySomeoneElse',
    defaultMessage: 'Someone else changed this consent; review their change.',
  },
  amendedAlready: {
    id: 'consents.errors.amendedAlready',
    defaultMessage: 'This consent was amended already; review the newest version.',
  },
  amendedMeanwhile: {
    id: 'consents.errors.amendedMeanwhile',
    defaultMessage: 'Someone amended this consent at the same moment; review their amendment.',
  },
});

const invalid = (fieldErrors: FieldError<ErrorMessage>[]) =>
  new DomainError('invalid_input', errors.invalidFields, {
    fieldErrors: fieldErrors.map((error) => ({ path: `body.${error.path}`, message: error.message })),
  });

/**
 * Recording, amending and revoking a patient's written consents (42 CFR 2.31), as signed records (ADR 0005): a
 * consent is a signed version, an amendment the next version with its reason, a revocation a signed addendum. The
 * staff member who records a consent is its witness and signer; a patient may revoke their own at any time. A
 * consent is never rewritten or deleted.
 */
export function consentService(
  records: RecordKernel,
  repository: ConsentRepository,
  signedRecords: SignedRecordRepository,
) {
  const { db } = records;
  const steps = signedRecordSteps(signedRecords);

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
    const problems: FieldError<ErrorMessage>[] = validateNewConsent(
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
        problems.push({ path: 'recipient.supportContactId', message: errors.notActiveContact });
      } else {
        recipientName = contact.name;
        supportContactId = contact.id;
      }
    }
    if (problems.length > 0) throw invalid(problems);
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
    if (consent === undefined) throw new DomainError('not_found', errors.noSuchConsent);
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
    if (seen === undefined) throw new DomainError('not_found', errors.noSuchConsent);
    const load = () => current(unit.context, patientId, consentId);
    if (seen.revocation !== null) {
      throw new Refusal('conflict', errors.noLongerInEffect, {
        current: load,
      });
    }
    throw new Refusal('version_conflict', errors.changedBySomeoneElse, {
      current: load,
    });
  }

  /** The signed version a change applies to: the consent's own, which must be its record's latest. */
  function refuseUnlessLatest(amended: number, consentVersion: number, load: () => Promise<unknown>): void {
    if (amended !== consentVersion) {
      throw new Refusal('conflict', errors.amendedAlready, {
        current: load,
      });
    }
  }

  return {
    async list(context: RecordContext, patientId: string): Promise<Consent[]> {
      return repository.list(db, organizationOf(context), patientId, await records.clock(context));
    },

    /** Records a consent: the first version of a signed consent record, signed by the witness at once. */
    async create(context: RecordContext, patientId: string, terms: ConsentCreate): Promise<Consent> {
      const consentId = await records.write(context, async (unit) => {
        const row = await newConsentRow(unit, patientId, terms, null);
        const signedRecordId = await steps.startDraft(unit, {
          patientId,
          recordType: consentRecordType,
          content: { ...consentSignedContent(row) },
        });
        // A consent is in effect when witnessed: no supervisor co-signature holds it back (ADR 0005).
        await steps.signDraft(unit, signedRecordId, 1, 1, { cosignatureRequired: false });
        const id = await repository.insert(unit.trx, unit.organizationId, patientId, {
          ...row,
          signedRecordId,
          signedRecordVersion: 1,
        });
        unit.audit({ resourceType: 'consent', resourceId: id, fieldsChanged: Object.keys(row) });
        unit.audit({ action: 'sign', resourceType: 'consent', resourceId: id, fieldsChanged: null });
        return id;
      });
      return current(context, patientId, consentId);
    },

    /**
     * Revokes a consent at once (disclosures stop with it) and records the revocation as a dated addendum to its
     * signed version, signed by whoever revoked it.
     */
    async revoke(
      context: RecordContext,
      patientId: string,
      consentId: string,
      revocation: ConsentRevoke,
    ): Promise<Consent> {
      await records.write(context, async (unit) => {
        const reason = revocation.reason === '' ? null : revocation.reason;
        const revoked = await repository.revoke(unit.trx, unit.organizationId, patientId, consentId, {
          version: revocation.version,
          revokedByUserId: context.principal.userId,
          reason,
        });
        if (revoked === undefined) return refuseChange(unit, patientId, consentId);
        const addendum = await steps.addAddendum(
          unit,
          revoked.signedRecordId,
          revoked.signedRecordVersion,
          reason === null ? 'Consent revoked.' : `Consent revoked: ${reason}`,
        );
        unit.audit({
          resourceType: 'consent',
          resourceId: consentId,
          fieldsChanged: ['revokedAt', 'revokedByUserId', 'revocationReason'],
        });
        unit.audit({
          action: 'sign',
          resourceType: 'consent',
          resourceId: consentId,
          fieldsChanged: ['addendum'],
          reason: `revocation addendum ${addendum.id}`,
        });
      });
      return current(context, patientId, consentId);
    },

    /**
     * Amends a consent: the new terms, signed by the patient again, become the next version of its signed record
     * with the reason; the version before is superseded and locked, and its consent is revoked in the same
     * transaction, so there is never a moment with both or neither in effect. Two amending the same version at
     * once: one succeeds, the other is answered 409 with the consent as it is.
     */
    async amend(
      context: RecordContext,
      patientId: string,
      consentId: string,
      amendment: ConsentAmend,
    ): Promise<Consent> {
      const { version, reason, ...terms } = amendment;
      const load = () => current(context, patientId, consentId);
      const newId = await records.write(
        context,
        async (unit) => {
          const { trx, organizationId } = unit;
          const old = await repository.lockForChange(trx, organizationId, patientId, consentId);
          if (old === undefined) throw new DomainError('not_found', errors.noSuchConsent);
          if (old.revokedAt !== null || old.version !== version)
            return refuseChange(unit, patientId, consentId);
          const row = await newConsentRow(unit, patientId, terms, consentId);
          const content = consentSignedContent(row);
          const opened = await steps.openAmendment(unit, old.signedRecordId, reason, { ...content });
          refuseUnlessLatest(opened.version.number, old.signedRecordVersion, load);
          await steps.signDraft(unit, old.signedRecordId, opened.number, 1, { cosignatureRequired: false });
          const id = await repository.insert(trx, organizationId, patientId, {
            ...row,
            signedRecordId: old.signedRecordId,
            signedRecordVersion: opened.number,
          });
          await repository.revoke(trx, organizationId, patientId, consentId, {
            version,
            revokedByUserId: context.principal.userId,
            reason: 'Replaced by an amended consent',
          });
          const changed = consentTermChanges(
            opened.version.content as Partial<ConsentSignedContent>,
            content,
          ).map((change) => change.path);
          unit.audit({
            resourceType: 'consent',
            resourceId: consentId,
            fieldsChanged: ['revokedAt', 'revokedByUserId', 'revocationReason'],
            action: 'update',
            reason: 'amended',
          });
          unit.audit({ resourceType: 'consent', resourceId: id, fieldsChanged: changed, action: 'create' });
          unit.audit({ resourceType: 'consent', resourceId: id, fieldsChanged: null, action: 'sign' });
          return id;
        },
        {
          conflicts: {
            ...amendmentConflicts(load),
            consents_signed_record_version: {
              message: errors.amendedMeanwhile,
              current: load,
            },
          },
        },
      );
      return current(context, patientId, newId);
    },

    /** Every signed version of the consent's record, oldest first, with who signed, when, why and what changed. */
    async history(context: RecordContext, patientId: string, consentId: string): Promise<ConsentHistory> {
      const organizationId = organizationOf(context);
      const consent = await current(context, patientId, consentId);
      const recordId = consent.signedRecord.id;
      const consentOf = new Map(
        (await repository.ofSignedRecord(db, organizationId, patientId, recordId)).map((row) => [
          row.signedRecordVersion,
          row.id,
        ]),
      );
      const versions = await signedRecords.versions(db, organizationId, recordId);
      const addenda = await signedRecords.addenda(db, organizationId, recordId);
      return {
        signedRecordId: recordId,
        versions: versions.map((version, index) => {
          const content = version.content as Partial<ConsentSignedContent>;
          const previous = versions[index - 1]?.content as Partial<ConsentSignedContent> | undefined;
          return {
            number: version.number,
            consentId: consentOf.get(version.number) ?? null,
            status: version.status,
            terms: readableConsentTerms(content),
            signedTerms: signedConsentTerms(content),
            reason: version.reason,
            authorName: version.authorName,
            signedAt: version.signedAt === null ? null : new Date(version.signedAt).toISOString(),
            signedByName: version.signedByName,
            changes:
              previous === undefined
                ? []
                : consentTermChanges(previous, content).map((change) => ({
                    ...change,
                    before: change.before === null ? null : String(change.before),
                    after: change.after === null ? null : String(change.after),
                  })),
          };
        }),
        addenda: addenda.map((addendum) => ({
          ...addendum,
          signedAt: new Date(addendum.signedAt).toISOString(),
        })),
      };
    },
  };
}

export type ConsentService = ReturnType<typeof consentService>;
