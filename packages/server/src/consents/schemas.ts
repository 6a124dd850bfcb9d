import { defineMessages } from '@formatjs/intl';
import {
  consentRecipientKinds,
  consentStatuses,
  disclosureCategories,
  signedRecordStatuses,
} from '@tandem/core';
import { z } from 'zod';

const errors = defineMessages({
  chooseSupportContact: {
    id: 'consents.errors.chooseSupportContact',
    defaultMessage: 'Choose one of the patient’s support contacts',
  },
  nameTooLong: {
    id: 'consents.errors.nameTooLong',
    defaultMessage: 'Keep the name under {maximum} characters',
  },
  notCategory: {
    id: 'consents.errors.notCategory',
    defaultMessage: 'Not a kind of information Tandem shares',
  },
  purposeTooLong: {
    id: 'consents.errors.purposeTooLong',
    defaultMessage: 'Keep the purpose under {maximum} characters',
  },
  startDateFormat: { id: 'consents.errors.startDateFormat', defaultMessage: 'Use a date like 2026-01-31' },
  expiryDateFormat: { id: 'consents.errors.expiryDateFormat', defaultMessage: 'Use a date like 2026-12-31' },
  eventTooLong: {
    id: 'consents.errors.eventTooLong',
    defaultMessage: 'Keep the event under {maximum} characters',
  },
  dateTimeFormat: {
    id: 'consents.errors.dateTimeFormat',
    defaultMessage: 'Use a date and time like 2026-01-31T14:30:00Z',
  },
  sayWhyAmended: { id: 'consents.errors.sayWhyAmended', defaultMessage: 'Say why the consent is amended' },
  amendReasonTooLong: {
    id: 'consents.errors.amendReasonTooLong',
    defaultMessage: 'Keep the reason under {maximum} characters',
  },
  reasonTooLong: {
    id: 'consents.errors.reasonTooLong',
    defaultMessage: 'Keep the reason under {maximum} characters',
  },
});

const categoryList = z.array(z.enum(disclosureCategories));

/** A written consent to disclose (42 CFR 2.31), with where it stands now. */
export const consentSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid(),
    recipient: z.object({
      kind: z.enum(consentRecipientKinds),
      /** Set when the recipient is one of the patient's support contacts. */
      supportContactId: z.uuid().nullable(),
      name: z.string(),
    }),
    categories: categoryList,
    purpose: z.string(),
    startsOn: z.iso.date(),
    expiresOn: z.iso.date().nullable(),
    expiryEvent: z.string().nullable(),
    signature: z.object({ typedName: z.string(), signedAt: z.iso.datetime({ offset: true }) }),
    witnessedBy: z.object({ userId: z.uuid(), name: z.string() }),
    supersedesConsentId: z.uuid().nullable(),
    supersededByConsentId: z.uuid().nullable(),
    revocation: z
      .object({
        revokedAt: z.iso.datetime({ offset: true }),
        revokedBy: z.object({ userId: z.uuid(), name: z.string() }),
        reason: z.string().nullable(),
      })
      .nullable(),
    /** Judged now, by the calendar date where the program is. */
    status: z.enum(consentStatuses),
    version: z.number().int(),
    /** The signed version this consent is: an amendment is the next version of the same record. */
    signedRecord: z.object({ id: z.uuid(), version: z.number().int().positive() }),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Consent' });
export type Consent = z.infer<typeof consentSchema>;

const recipientInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('support_contact'),
    supportContactId: z.uuid(errors.chooseSupportContact.id),
  }),
  z.object({
    kind: z.enum(['person', 'organization']),
    name: z.string().trim().max(200, errors.nameTooLong.id),
  }),
]);

/**
 * A new consent as the patient signed it. Required elements and dates are checked by the core rules
 * (validateNewConsent), which report every problem on its own field.
 */
export const consentCreateSchema = z
  .object({
    recipient: recipientInput,
    categories: z.array(z.enum(disclosureCategories, errors.notCategory.id)).max(20),
    purpose: z.string().trim().max(1000, errors.purposeTooLong.id),
    startsOn: z.iso.date(errors.startDateFormat.id),
    expiresOn: z.iso.date(errors.expiryDateFormat.id).nullable().default(null),
    expiryEvent: z.string().trim().max(500, errors.eventTooLong.id).nullable().default(null),
    signature: z.object({
      typedName: z.string().trim().max(200, errors.nameTooLong.id),
      /** When the patient signed; now if not given (a consent signed on paper earlier may give its time). */
      signedAt: z.iso.datetime({ offset: true, message: errors.dateTimeFormat.id }).optional(),
    }),
  })
  .meta({ id: 'ConsentCreate' });
export type ConsentCreate = z.infer<typeof consentCreateSchema>;

export const consentAmendSchema = consentCreateSchema
  .extend({
    /** The version of the consent being amended, as the person saw it. */
    version: z.number().int().positive(),
    /** Why the signed consent changes; kept with the new version and shown in its history. */
    reason: z
      .string(errors.sayWhyAmended.id)
      .trim()
      .min(3, errors.sayWhyAmended.id)
      .max(2000, errors.amendReasonTooLong.id),
  })
  .meta({ id: 'ConsentAmend' });
export type ConsentAmend = z.infer<typeof consentAmendSchema>;

const termChangeSchema = z.object({
  path: z.string(),
  /** The term's label on the consent form. */
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

/** A version's terms as signed, codes and all, for the reader to word in their own language. */
const signedTermsSchema = z.object({
  recipientName: z.string().nullable(),
  recipientKind: z.enum(consentRecipientKinds).nullable(),
  categories: z.array(z.string()).nullable(),
  purpose: z.string().nullable(),
  startsOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  expiryEvent: z.string().nullable(),
  signedName: z.string().nullable(),
  signedAt: z.string().nullable(),
});

/** A consent's signed versions, oldest first, each with what it changed from the one before, and its addenda. */
export const consentHistorySchema = z
  .object({
    signedRecordId: z.uuid(),
    versions: z.array(
      z.object({
        number: z.number().int().positive(),
        /** The consent this version is (one consent per signed version). */
        consentId: z.uuid().nullable(),
        status: z.enum(signedRecordStatuses),
        /** The terms as the consent form reads them, in English. */
        terms: z.record(z.string(), z.string().nullable()),
        /** The same terms as codes (`terms` and `changes` name them): what a reader words in their language. */
        signedTerms: signedTermsSchema,
        /** Why it was amended (none for the first version). */
        reason: z.string().nullable(),
        authorName: z.string(),
        signedAt: z.iso.datetime({ offset: true }).nullable(),
        signedByName: z.string().nullable(),
        changes: z.array(termChangeSchema),
      }),
    ),
    /** Dated, signed addenda: a revocation is one. */
    addenda: z.array(
      z.object({
        id: z.uuid(),
        versionNumber: z.number().int().positive(),
        text: z.string(),
        signedAt: z.iso.datetime({ offset: true }),
        signedByName: z.string(),
      }),
    ),
  })
  .meta({ id: 'ConsentHistory' });
export type ConsentHistory = z.infer<typeof consentHistorySchema>;

export const consentRevokeSchema = z
  .object({
    version: z.number().int().positive(),
    /** How the revocation came (in writing, at a session) or why; optional: a patient owes no reason. */
    reason: z.string().trim().max(1000, errors.reasonTooLong.id).nullable().default(null),
  })
  .meta({ id: 'ConsentRevoke' });
export type ConsentRevoke = z.infer<typeof consentRevokeSchema>;
