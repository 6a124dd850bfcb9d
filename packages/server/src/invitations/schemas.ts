import { defineMessages } from '@formatjs/intl';
import { roles, staffRoles, uiLanguages } from '@tandem/core';
import { invitationKinds } from '@tandem/core/invitations/invitation';
import { z } from 'zod';
import { minimumPasswordLength } from '../auth/password-policy.ts';

const invitationStatuses = ['pending', 'expired', 'accepted', 'revoked'] as const;

const errors = defineMessages({
  enterEmail: { id: 'invitations.errors.enterEmail', defaultMessage: 'Enter an email address' },
  chooseLanguage: { id: 'invitations.errors.chooseLanguage', defaultMessage: 'Choose one of: {values}' },
  chooseStaffMember: { id: 'invitations.errors.chooseStaffMember', defaultMessage: 'Choose a staff member' },
  enterName: { id: 'invitations.errors.enterName', defaultMessage: 'Enter a name' },
  chooseRole: { id: 'invitations.errors.chooseRole', defaultMessage: 'Choose a role' },
  existingOrNew: {
    id: 'invitations.errors.existingOrNew',
    defaultMessage: 'Either choose an existing staff member or describe a new one, not both',
  },
  notInvitationLink: { id: 'invitations.errors.notInvitationLink', defaultMessage: 'Not an invitation link' },
  notPatientId: { id: 'invitations.errors.notPatientId', defaultMessage: 'Not a patient id' },
  enterYourName: { id: 'invitations.errors.enterYourName', defaultMessage: 'Enter your name' },
  choosePassword: { id: 'invitations.errors.choosePassword', defaultMessage: 'Choose a password' },
  passwordTooShort: {
    id: 'invitations.errors.passwordTooShort',
    defaultMessage: 'Use at least {minimum} characters',
  },
  passwordTooLong: {
    id: 'invitations.errors.passwordTooLong',
    defaultMessage: 'Use at most {maximum} characters',
  },
});

const emailField = z.email(errors.enterEmail.id).max(320).toLowerCase();

export const invitationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(invitationKinds),
    email: z.string(),
    role: z.enum(roles),
    status: z.enum(invitationStatuses),
    /** Who is invited: the staff member's, the patient's or the support contact's name. */
    inviteeName: z.string(),
    staffMemberId: z.uuid().nullable(),
    patientId: z.uuid().nullable(),
    supportContactId: z.uuid().nullable(),
    createdByName: z.string(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    version: z.number().int(),
  })
  .meta({ id: 'Invitation' });

export type Invitation = z.infer<typeof invitationSchema>;

export const createdInvitationSchema = z
  .object({
    invitation: invitationSchema,
    /** The one-time link. Shown once here and written to the outbox; Tandem keeps only its hash. */
    link: z.url(),
  })
  .meta({ id: 'CreatedInvitation' });

export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

/** The language the invitation is written in; by default the invitee's (a patient's preferred language), else the program's. */
const invitationLanguageField = z.enum(uiLanguages, { error: errors.chooseLanguage.id }).optional().meta({
  description: "The invitation's language; by default the patient's preferred language, else the program's",
});

/**
 * Invite a staff member who has no sign-in yet (staffMemberId; email defaults to theirs), or add someone to the
 * directory and invite them at once (displayName, email, jobRole).
 */
export const staffInvitationRequestSchema = z
  .object({
    staffMemberId: z.uuid(errors.chooseStaffMember.id).optional(),
    displayName: z.string().trim().min(1, errors.enterName.id).max(200).optional(),
    email: emailField.optional(),
    jobRole: z.enum(staffRoles, errors.chooseRole.id).optional(),
    language: invitationLanguageField,
  })
  .superRefine((request, context) => {
    if (request.staffMemberId !== undefined) {
      if (request.displayName !== undefined || request.jobRole !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['staffMemberId'],
          message: errors.existingOrNew.id,
        });
      }
      return;
    }
    if (request.displayName === undefined)
      context.addIssue({ code: 'custom', path: ['displayName'], message: errors.enterName.id });
    if (request.email === undefined)
      context.addIssue({ code: 'custom', path: ['email'], message: errors.enterEmail.id });
    if (request.jobRole === undefined)
      context.addIssue({ code: 'custom', path: ['jobRole'], message: errors.chooseRole.id });
  })
  .meta({ id: 'StaffInvitationRequest' });

export type StaffInvitationRequest = z.infer<typeof staffInvitationRequestSchema>;

/** A patient's or a support contact's invitation: to the email on their record unless another is given. */
export const portalInvitationRequestSchema = z
  .object({ email: emailField.optional(), language: invitationLanguageField })
  .meta({ id: 'PortalInvitationRequest' });

export const staffCandidateSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    email: z.string().nullable(),
    role: z.enum(staffRoles),
    hasOpenInvitation: z.boolean(),
  })
  .meta({ id: 'StaffInvitationCandidate' });

export type StaffCandidate = z.infer<typeof staffCandidateSchema>;

export const invitationListQuerySchema = z.object({
  patientId: z.uuid(errors.notPatientId.id).optional(),
});

export const revokeInvitationSchema = z
  .object({ version: z.number().int().positive() })
  .meta({ id: 'RevokeInvitation' });

/** A link's token: 32 random bytes, base64url. Anything else cannot be one. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, errors.notInvitationLink.id);

/** What the link's page shows before the person accepts: who invites them, where, as what. Nothing clinical. */
export const invitationPreviewSchema = z
  .object({
    kind: z.enum(invitationKinds),
    email: z.string(),
    invitedBy: z.string(),
    /** Null where naming the program would disclose more than the patient consented to. */
    organizationName: z.string().nullable(),
    /** A staff invitation's role; null for patients and loved ones. */
    role: z.enum(staffRoles).nullable(),
    /** The role in the reader's language (the request's Accept-Language). */
    roleLabel: z.string().nullable(),
    /** What the invitation was written in: the new sign-in starts in it. */
    language: z.enum(uiLanguages),
    expiresAt: z.iso.datetime(),
    minimumPasswordLength: z.number().int(),
  })
  .meta({ id: 'InvitationPreview' });

export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const acceptInvitationSchema = z
  .object({
    name: z.string().trim().min(1, errors.enterYourName.id).max(200),
    password: z
      .string({ error: errors.choosePassword.id })
      .min(minimumPasswordLength, errors.passwordTooShort.id)
      .max(256, errors.passwordTooLong.id),
  })
  .meta({ id: 'AcceptInvitation' });

export type AcceptInvitation = z.infer<typeof acceptInvitationSchema>;

export const acceptedInvitationSchema = z
  .object({
    /** The email to sign in with (the address the invitation went to). */
    email: z.string(),
  })
  .meta({ id: 'AcceptedInvitation' });
