import { defineMessages } from '@formatjs/intl';
import {
  type ConsentStatus,
  categoriesCoveredBy,
  categoriesOpenedAt,
  consentScopeExplanation,
  consentStatusAt,
  type DisclosureCategory,
  DomainError,
  decideAccess,
  decidePatientList,
  localDateAt,
  noRelationship,
  redisclosureNotice,
  redisclosureStatement,
  resourceByDisclosureCategory,
} from '@tandem/core';
import { type NoValues, withValues } from '../i18n/error-message.ts';
import { languageRepository } from '../languages/repository.ts';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import type { AuditedChange, RecordKernel } from '../records/unit-of-work.ts';
import { programTime } from './program-time.ts';
import { renderReleasePdf } from './release-pdf.ts';
import type { ConsentForDisclosure, DisclosureRepository, NewDisclosure } from './repository.ts';
import { type SharedSection, sharedSections } from './shared-content.ts';

const errors = defineMessages<{
  noSuchPatient: NoValues;
  noSuchConsent: NoValues;
  consentNotInEffect: { status: ConsentStatus };
}>({
  noSuchPatient: { id: 'disclosures.errors.noSuchPatient', defaultMessage: 'No such patient.' },
  noSuchConsent: { id: 'disclosures.errors.noSuchConsent', defaultMessage: 'No such consent.' },
  consentNotInEffect: {
    id: 'disclosures.errors.consentNotInEffect',
    defaultMessage:
      'This consent is not in effect ({status, select, not_yet_active {not yet in effect} expired {expired} revoked {revoked} superseded {replaced by a newer consent} other {active}}): nothing may be released under it.',
  },
});

export interface SharedRecordView {
  patient: { id: string; name: string };
  sections: SharedSection[];
  /** The consents the view was made under, each with a plain explanation of its scope (42 CFR 2.32(b)). */
  consents: {
    id: string;
    recipientName: string;
    /** When the patient signed: a calendar date in the program's time zone. */
    signedOn: string;
    categories: DisclosureCategory[];
    purpose: string;
    startsOn: string;
    expiresOn: string | null;
    expiryEvent: string | null;
    scope: string;
  }[];
  redisclosureNotice: string;
  redisclosureStatement: string;
  disclosedAt: string;
}

export interface PortalPatient {
  patientId: string;
  name: string;
  relationship: 'self' | 'support_contact';
  sharedCategories: DisclosureCategory[];
}

type Refusal = { refused: DomainError };

function scopeOf(consent: ConsentForDisclosure, timeZone: string) {
  return consentScopeExplanation({
    recipientName: consent.recipientName,
    categories: consent.categories,
    purpose: consent.purpose,
    signedOn: localDateAt(consent.signedAt, timeZone),
    startsOn: consent.startsOn,
    expiresOn: consent.expiresOn,
    expiryEvent: consent.expiryEvent,
  });
}

/**
 * Disclosures outside the treating program, each checked against the consents in effect at that moment (under
 * a row lock that makes a concurrent revocation wait), recorded in the accounting of disclosures and audited in
 * the same transaction, and carrying the redisclosure notice (42 CFR 2.32).
 */
export function disclosureService(records: RecordKernel, repository: DisclosureRepository) {
  /** A refused portal view, audited (and committed) although nothing is shown. */
  const refusal = (patientId: string | null, resourceType: string, error: DomainError): AuditedChange => ({
    action: 'read',
    patientId,
    resourceType,
    resourceId: null,
    fieldsChanged: null,
    outcome: 'denied',
    reason: error.message,
  });

  return {
    /**
     * The family portal: what the patient's consents naming this support contact let them see right now, one
     * accounting row per consent the view was made under. The route's policy decided the view on the consents in
     * effect when the request came in; here it is decided again on the consents as they are under the row lock
     * (a revocation at the same moment waits, or wins), and every category is put to the access policy.
     */
    async viewSharedRecord(context: RecordContext, patientId: string): Promise<SharedRecordView> {
      const { principal } = context;
      const outcome = await records.write(context, async (unit): Promise<SharedRecordView | Refusal> => {
        const { trx } = unit;
        const refuse = async (error: DomainError, knownPatient: string | null): Promise<Refusal> => {
          unit.audit(refusal(knownPatient, 'shared_record', error));
          return { refused: error };
        };
        const patient = await repository.patient(trx, principal.organizationId, patientId);
        // Another organization's patient looks exactly like one that does not exist.
        if (patient === undefined) return refuse(new DomainError('not_found', errors.noSuchPatient), null);
        const clock = await unit.clock();
        const consents = await repository.consentsNamingUser(
          trx,
          principal.organizationId,
          patientId,
          principal.userId,
        );
        const opened = categoriesOpenedAt(consents, clock.now, clock.timeZone);
        const relationship = { ...noRelationship, consentedCategories: opened.categories };
        const asked = (resource: Parameters<typeof decideAccess>[0]['request']['resource']) =>
          decideAccess({
            principal: {
              userId: principal.userId,
              organizationId: principal.organizationId,
              role: principal.role,
            },
            request: { action: 'read', resource, organizationId: principal.organizationId },
            relationship,
            now: clock.now,
          });
        const view = asked('shared_record');
        if (!view.allowed) return refuse(new DomainError('forbidden', view.message), patientId);
        const shown = opened.categories.filter(
          (category) => asked(resourceByDisclosureCategory[category]).allowed,
        );
        if (shown.length === 0) throw new Error('a shared record was allowed with nothing to show');
        const sections = await sharedSections(trx, principal.organizationId, patientId, shown);
        const accounted = await repository.record(
          trx,
          principal.organizationId,
          opened.activeConsents
            .map((consent) => ({
              patientId,
              consentId: consent.id,
              recipientName: consent.recipientName,
              recipientUserId: principal.userId,
              categories: categoriesCoveredBy(consent, shown),
              channel: 'family_portal' as const,
              purpose: consent.purpose,
              disclosedByUserId: null,
            }))
            .filter((disclosure) => disclosure.categories.length > 0),
        );
        const first = accounted[0];
        if (first === undefined) throw new Error('a disclosure was shown without being accounted');
        unit.audit({
          action: 'read',
          patientId,
          resourceType: 'shared_record',
          resourceId: first.id,
          fieldsChanged: null,
          outcome: 'allowed',
        });
        return {
          patient: { id: patient.id, name: patient.preferredName ?? patient.legalGivenName },
          sections,
          consents: opened.activeConsents.map((consent) => ({
            id: consent.id,
            recipientName: consent.recipientName,
            signedOn: localDateAt(consent.signedAt, clock.timeZone),
            categories: consent.categories,
            purpose: consent.purpose,
            startsOn: consent.startsOn,
            expiresOn: consent.expiresOn,
            expiryEvent: consent.expiryEvent,
            scope: scopeOf(consent, clock.timeZone),
          })),
          redisclosureNotice,
          redisclosureStatement,
          disclosedAt: first.disclosedAt.toISOString(),
        };
      });
      if ('refused' in outcome) throw outcome.refused;
      return outcome;
    },

    /**
     * A printout marked for release to the consent's recipient: refused unless that consent is in effect at this
     * moment; accounted as a printout by the staff member who printed it.
     */
    async printRelease(
      context: RecordContext,
      patientId: string,
      consentId: string,
    ): Promise<{ pdf: Buffer; disclosureId: string }> {
      const { principal } = context;
      const outcome = await records.write(
        context,
        async ({
          trx,
          clock: programClock,
          audit,
        }): Promise<{ pdf: Buffer; disclosureId: string } | Refusal> => {
          const consent = await repository.consent(trx, principal.organizationId, patientId, consentId);
          if (consent === undefined) return { refused: new DomainError('not_found', errors.noSuchConsent) };
          const clock = await programClock();
          const status = consentStatusAt(consent, clock.now, clock.timeZone);
          if (status !== 'active') {
            const error = new DomainError('forbidden', withValues(errors.consentNotInEffect, { status }));
            audit({
              resourceType: 'disclosure',
              resourceId: null,
              fieldsChanged: null,
              outcome: 'denied',
              reason: error.message,
            });
            return { refused: error };
          }
          const patient = await repository.patient(trx, principal.organizationId, patientId);
          if (patient === undefined) return { refused: new DomainError('not_found', errors.noSuchPatient) };
          const sections = await sharedSections(trx, principal.organizationId, patientId, consent.categories);
          const [accounted] = await repository.record(trx, principal.organizationId, [
            {
              patientId,
              consentId,
              recipientName: consent.recipientName,
              recipientUserId: consent.recipientUserId,
              categories: consent.categories,
              channel: 'printout',
              purpose: consent.purpose,
              disclosedByUserId: principal.userId,
            },
          ]);
          if (accounted === undefined) throw new Error('the release was not accounted');
          // Rendered before commit: if it fails, the accounting does not claim a release that never happened.
          // Written for its recipient: in their language when they read Tandem, else in the program's.
          const languages = languageRepository(records.db);
          const language =
            consent.recipientUserId === null
              ? ((await languages.organizationSetting(principal.organizationId, trx))?.defaultLanguage ??
                'en')
              : await languages.readerLanguage(trx, consent.recipientUserId, principal.organizationId);
          const pdf = await renderReleasePdf({
            language,
            timeZone: clock.timeZone,
            programName: patient.programName,
            patient: {
              name: `${patient.legalGivenName} ${patient.legalFamilyName}`,
              dateOfBirth: patient.dateOfBirth,
              mrn: patient.mrn,
            },
            recipientName: consent.recipientName,
            consent: {
              id: consent.id,
              categories: consent.categories,
              purpose: consent.purpose,
              signedName: consent.signedName,
              signedAt: consent.signedAt,
              signedOn: localDateAt(consent.signedAt, clock.timeZone),
              startsOn: consent.startsOn,
              expiresOn: consent.expiresOn,
              expiryEvent: consent.expiryEvent,
              witnessName: consent.witnessName,
            },
            sections,
            releasedAt: accounted.disclosedAt,
            releasedBy: principal.name,
          });
          audit({ resourceType: 'disclosure', resourceId: accounted.id, fieldsChanged: null });
          return { pdf, disclosureId: accounted.id };
        },
      );
      if ('refused' in outcome) throw outcome.refused;
      return outcome;
    },

    async accounting(context: RecordContext, patientId: string, limit: number) {
      return repository.accounting(organizationOf(context), patientId, limit);
    },

    /**
     * The portal's patients: oneself for a patient; for a support contact, the patients whose consent naming them
     * is in effect today (the policy's list scope decides which). A support contact's list names each patient
     * sharing with them: a disclosure under each consent in effect, accounted with the list's audit events.
     */
    async portalPatients(context: RecordContext): Promise<PortalPatient[]> {
      const { principal } = context;
      const list = decidePatientList(principal.role, 'shared_record');
      if (!list.allowed) throw new DomainError('forbidden', list.message);
      const scope = list.scope;
      if (scope !== 'self' && scope !== 'consenting') throw new Error(`the portal lists no ${scope} scope`);
      const rows = await repository.portalPatients(principal.organizationId, principal.userId, scope);
      const clock = await records.clock(context);
      const disclosed: NewDisclosure[] = [];
      const items = rows.flatMap((row): PortalPatient[] => {
        const name = row.preferredName ?? row.legalGivenName;
        if (scope === 'self')
          return [{ patientId: row.id, name, relationship: 'self', sharedCategories: [] }];
        const opened = categoriesOpenedAt(row.consents, clock.now, clock.timeZone);
        if (opened.categories.length === 0) return [];
        for (const consent of opened.activeConsents) {
          disclosed.push({
            patientId: row.id,
            consentId: consent.id,
            recipientName: consent.recipientName,
            recipientUserId: principal.userId,
            // The list names the patient and what the consent covers, none of the record's content.
            categories: [],
            channel: 'patient_list',
            purpose: consent.purpose,
            disclosedByUserId: null,
          });
        }
        return [
          { patientId: row.id, name, relationship: 'support_contact', sharedCategories: opened.categories },
        ];
      });
      if (items.length > 0) {
        await records.write(context, async ({ trx, audit }) => {
          await repository.record(trx, principal.organizationId, disclosed);
          for (const item of items) {
            audit({
              action: 'read',
              patientId: item.patientId,
              resourceType: 'portal_patient_list',
              resourceId: null,
              fieldsChanged: null,
              outcome: 'allowed',
            });
          }
        });
      }
      return items;
    },
  };
}

export type DisclosureService = ReturnType<typeof disclosureService>;
