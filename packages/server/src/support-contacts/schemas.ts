import { defineMessages } from '@formatjs/intl';
import { z } from 'zod';

const errors = defineMessages({
  enterName: { id: 'supportContacts.errors.enterName', defaultMessage: 'Enter their name' },
  nameTooLong: {
    id: 'supportContacts.errors.nameTooLong',
    defaultMessage: 'Keep the name under {maximum} characters',
  },
  sayRelationship: {
    id: 'supportContacts.errors.sayRelationship',
    defaultMessage: 'Say how they relate to the patient (partner, mother, friend)',
  },
  relationshipTooLong: {
    id: 'supportContacts.errors.relationshipTooLong',
    defaultMessage: 'Keep this under {maximum} characters',
  },
  phoneTooLong: {
    id: 'supportContacts.errors.phoneTooLong',
    defaultMessage: 'Keep the phone number under {maximum} characters',
  },
  phoneCharacters: {
    id: 'supportContacts.errors.phoneCharacters',
    defaultMessage: 'Use digits, spaces and + ( ) - only',
  },
  enterEmail: { id: 'supportContacts.errors.enterEmail', defaultMessage: 'Enter an email address' },
});

/** A loved one the patient names. Being one opens nothing: what they may see is what an active consent names. */
export const supportContactSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid(),
    name: z.string(),
    relationship: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    tookPartInAdmission: z.boolean(),
    mayJoinFamilySessions: z.boolean(),
    active: z.boolean(),
    /** They sign in to the family portal (an accepted invitation). */
    hasPortalAccount: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'SupportContact' });
export type SupportContact = z.infer<typeof supportContactSchema>;

const name = z.string().trim().min(1, errors.enterName.id).max(200, errors.nameTooLong.id);
const relationship = z
  .string()
  .trim()
  .min(1, errors.sayRelationship.id)
  .max(100, errors.relationshipTooLong.id);
// Empty phone and email mean "none": the repository stores them as null (no transform here, so that the
// OpenAPI document keeps their input type).
const phone = z
  .string()
  .trim()
  .max(40, errors.phoneTooLong.id)
  .regex(/^[0-9+()\-.\s]*$/, errors.phoneCharacters.id)
  .nullable();
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .pipe(z.union([z.literal(''), z.email(errors.enterEmail.id)]))
  .nullable();

export const supportContactCreateSchema = z
  .object({
    name,
    relationship,
    phone: phone.optional(),
    email: email.optional(),
    tookPartInAdmission: z.boolean().default(false),
    mayJoinFamilySessions: z.boolean().default(false),
  })
  .meta({ id: 'SupportContactCreate' });
export type SupportContactCreate = z.infer<typeof supportContactCreateSchema>;

export const supportContactUpdateSchema = z
  .object({
    version: z.number().int().positive(),
    name: name.optional(),
    relationship: relationship.optional(),
    phone: phone.optional(),
    email: email.optional(),
    tookPartInAdmission: z.boolean().optional(),
    mayJoinFamilySessions: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'SupportContactUpdate' });
export type SupportContactUpdate = z.infer<typeof supportContactUpdateSchema>;
