import { roles, staffRoles } from '@tandem/core';
import { invitationKinds } from '@tandem/core/invitations/invitation';
import { z } from 'zod';
import { minimumPasswordLength } from '../auth/password-policy.ts';

const invitationStatuses = ['pending', 'expired', 'accepted', 'revoked'] as const;

const emailField = z.email('Enter an email address').max(320).toLowerCase();

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

/**
 * Invite a staff member who has no sign-in yet (staffMemberId; email defaults to theirs), or add someone to the
 * directory and invite them at once (displayName, email, jobRole).
 */
export const staffInvitationRequestSchema = z
  .object({
    staffMemberId: z.uuid('Choose a staff member').optional(),
    displayName: z.string().trim().min(1, 'Enter a name').max(200).optional(),
    email: emailField.optional(),
    jobRole: z.enum(staffRoles, 'Choose a role').optional(),
  })
  .superRefine((request, context) => {
    if (request.staffMemberId !== undefined) {
      if (request.displayName !== undefined || request.jobRole !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['staffMemberId'],
          message: 'Either choose an existing staff member or describe a new one, not both',
        });
      }
      return;
    }
    if (request.displayName === undefined)
      context.addIssue({ code: 'custom', path: ['displayName'], message: 'Enter a name' });
    if (request.email === undefined)
      context.addIssue({ code: 'custom', path: ['email'], message: 'Enter an email address' });
    if (request.jobRole === undefined)
      context.addIssue({ code: 'custom', path: ['jobRole'], message: 'Choose a role' });
  })
  .meta({ id: 'StaffInvitationRequest' });

export type StaffInvitationRequest = z.infer<typeof staffInvitationRequestSchema>;

/** A patient's or a support contact's invitation: to the email on their record unless another is given. */
export const portalInvitationRequestSchema = z
  .object({ email: emailField.optional() })
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
  patientId: z.uuid('Not a patient id').optional(),
});

export const revokeInvitationSchema = z
  .object({ version: z.number().int().positive() })
  .meta({ id: 'RevokeInvitation' });

/** A link's token: 32 random bytes, base64url. Anything else cannot be one. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not an invitation link');

/** What the link's page shows before the person accepts: who invites them, where, as what. Nothing clinical. */
export const invitationPreviewSchema = z
  .object({
    kind: z.enum(invitationKinds),
    email: z.string(),
    invitedBy: z.string(),
    /** Null where naming the program would disclose more than the patient consented to. */
    organizationName: z.string().nullable(),
    /** What a staff member will be (null for a patient or a loved one), for the page to word in its language. */
    role: z.enum(roles).nullable(),
    /** The same in English. */
    roleLabel: z.string().nullable(),
    expiresAt: z.iso.datetime(),
    minimumPasswordLength: z.number().int(),
  })
  .meta({ id: 'InvitationPreview' });

export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const acceptInvitationSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter your name').max(200),
    password: z
      .string({ error: 'Choose a password' })
      .min(minimumPasswordLength, `Use at least ${minimumPasswordLength} characters`)
      .max(256, 'Use at most 256 characters'),
  })
  .meta({ id: 'AcceptInvitation' });

export type AcceptInvitation = z.infer<typeof acceptInvitationSchema>;

export const acceptedInvitationSchema = z
  .object({
    /** The email to sign in with (the address the invitation went to). */
    email: z.string(),
  })
  .meta({ id: 'AcceptedInvitation' });
