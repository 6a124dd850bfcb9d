import { disclosureCategories } from '@tandem/core';
import { z } from 'zod';
import { disclosureChannels } from './repository.ts';

/** One entry of the accounting of disclosures (42 CFR 2.24): when, to whom, what, why, how, under which consent. */
export const accountedDisclosureSchema = z
  .object({
    id: z.uuid(),
    disclosedAt: z.iso.datetime({ offset: true }),
    recipientName: z.string(),
    categories: z.array(z.enum(disclosureCategories)),
    channel: z.enum(disclosureChannels),
    purpose: z.string(),
    consentId: z.uuid(),
    /** The staff member who made it; null when Tandem made it (a family portal view). */
    disclosedBy: z.string().nullable(),
  })
  .meta({ id: 'AccountedDisclosure' });

export const accountingQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

const sharedSectionSchema = z.object({
  category: z.enum(disclosureCategories),
  label: z.string(),
  entries: z.array(
    z.object({ date: z.string().nullable(), title: z.string(), detail: z.string().nullable() }),
  ),
  emptyMessage: z.string(),
});

export const sharedRecordSchema = z
  .object({
    patient: z.object({ id: z.uuid(), name: z.string() }),
    /** Exactly the categories the consents in effect open, each with what is recorded. */
    sections: z.array(sharedSectionSchema),
    consents: z.array(
      z.object({
        id: z.uuid(),
        recipientName: z.string(),
        /** When the patient signed, in the program's calendar. */
        signedOn: z.iso.date(),
        categories: z.array(z.enum(disclosureCategories)),
        purpose: z.string(),
        startsOn: z.iso.date(),
        expiresOn: z.iso.date().nullable(),
        expiryEvent: z.string().nullable(),
        /** A plain explanation of the consent's scope (42 CFR 2.32(b)), in English; the web words it from the fields. */
        scope: z.string(),
      }),
    ),
    /** 42 CFR 2.32(a)(2): must be shown with what was disclosed. */
    redisclosureNotice: z.string(),
    /** 42 CFR 2.32(a)(1): the full statement. */
    redisclosureStatement: z.string(),
    disclosedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'SharedRecord' });

export const portalPatientSchema = z
  .object({
    patientId: z.uuid(),
    name: z.string(),
    relationship: z.enum(['self', 'support_contact']),
    /** For a support contact: the categories shared with them today. */
    sharedCategories: z.array(z.enum(disclosureCategories)),
  })
  .meta({ id: 'PortalPatient' });
