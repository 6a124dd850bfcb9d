import { defineMessages } from '@formatjs/intl';
import { acceptLanguagePreferences, matchUiLanguage } from '@tandem/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Auth } from '../auth/auth.ts';
import type { DB } from '../db/schema.generated.ts';
import { patientParams } from '../http/patient-params.ts';
import { problemSchema } from '../http/problem.ts';
import { auditActor, recordContext } from '../http/record-context.ts';
import { recordKernel } from '../records/unit-of-work.ts';
import {
  acceptedInvitationSchema,
  acceptInvitationSchema,
  createdInvitationSchema,
  invitationListQuerySchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationTokenSchema,
  portalInvitationRequestSchema,
  revokeInvitationSchema,
  staffCandidateSchema,
  staffInvitationRequestSchema,
} from './schemas.ts';
import { invitationService } from './service.ts';

const errors = defineMessages({
  notInvitationId: { id: 'invitations.errors.notInvitationId', defaultMessage: 'Not an invitation id' },
  notPatientId: { id: 'invitations.errors.notPatientId', defaultMessage: 'Not a patient id' },
  notSupportContactId: {
    id: 'invitations.errors.notSupportContactId',
    defaultMessage: 'Not a support contact id',
  },
});

export interface InvitationRouteOptions {
  db: Kysely<DB>;
  auth: Auth;
  publicUrl: string;
}

const tokenParams = z.object({ token: invitationTokenSchema });
const invitationParams = z.object({ invitationId: z.uuid(errors.notInvitationId.id) });
const supportContactParams = z.object({
  patientId: z.uuid(errors.notPatientId.id),
  supportContactId: z.uuid(errors.notSupportContactId.id),
});

/**
 * Invitations by one-time link. Creating and withdrawing them is for administrators (staff) and the patient's
 * care team (patients, support contacts), as the access policy decides for the resource each kind of invitation
 * stands for (core: invitationAccessResource); opening and accepting a link is public, the link's token being the
 * credential. The token travels in the path: http/logging.ts keeps it out of the log.
 */
export function invitationRoutes(options: InvitationRouteOptions): FastifyPluginAsyncZod {
  const service = invitationService({
    records: recordKernel(options.db),
    publicUrl: options.publicUrl,
    hashPassword: async (password) => (await options.auth.$context).password.hash(password),
  });
  return async (app) => {
    app.get(
      '/api/invitations/staff-candidates',
      {
        config: { access: { resource: 'staff_directory', action: 'create' } },
        schema: {
          tags: ['invitations'],
          summary: 'Active staff members without a sign-in, whom an administrator can invite',
          response: { 200: z.object({ items: z.array(staffCandidateSchema) }), '4xx': problemSchema },
        },
      },
      async (request) => ({ items: await service.staffCandidates(recordContext(request)) }),
    );

    app.post(
      '/api/invitations/staff',
      {
        config: { access: { resource: 'staff_directory', action: 'create' } },
        schema: {
          tags: ['invitations'],
          summary:
            'Invite a staff member (administrators): an existing one without a sign-in, or a new one added to the directory',
          body: staffInvitationRequestSchema,
          response: { 201: createdInvitationSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.inviteStaff(recordContext(request), request.body)),
    );

    app.post(
      '/api/patients/:patientId/invitation',
      {
        // invitationAccessResource('patient', 'create'), on the patient's record.
        config: {
          access: { resource: 'portal_invitation', action: 'create', patient: { param: 'patientId' } },
        },
        schema: {
          tags: ['invitations'],
          summary: "Invite a patient to the portal (the patient's care team)",
          params: patientParams,
          body: portalInvitationRequestSchema,
          response: { 201: createdInvitationSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const created = await service.invitePatient(
          recordContext(request),
          request.params.patientId,
          request.body,
        );
        return reply.status(201).send(created);
      },
    );

    app.post(
      '/api/patients/:patientId/support-contacts/:supportContactId/invitation',
      {
        // invitationAccessResource('family_member', 'create'), on the patient's record.
        config: {
          access: { resource: 'support_contacts', action: 'update', patient: { param: 'patientId' } },
        },
        schema: {
          tags: ['invitations'],
          summary:
            "Invite a patient's support contact (primary therapist or case manager), only while the patient's active written consent names them",
          params: supportContactParams,
          body: portalInvitationRequestSchema,
          response: { 201: createdInvitationSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const created = await service.inviteFamilyMember(
          recordContext(request),
          request.params.patientId,
          request.params.supportContactId,
          request.body,
        );
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/api/invitations',
      {
        // Filtered in SQL to what the caller may see: staff invitations for administrators, patients' for their
        // care team (decidePatientList's care_team scope); the service audits the read.
        config: { access: { resource: 'portal_invitation', action: 'read', patient: 'list' } },
        schema: {
          tags: ['invitations'],
          summary: 'Open invitations (not accepted, not withdrawn) the caller may see, newest first',
          querystring: invitationListQuerySchema,
          response: { 200: z.object({ items: z.array(invitationSchema) }), '4xx': problemSchema },
        },
      },
      async (request) => ({ items: await service.list(recordContext(request), request.query) }),
    );

    app.post(
      '/api/invitations/:invitationId/revoke',
      {
        // Decided on what the invitation is: the staff directory's, or the patient's portal invitation or support
        // contacts (invitationAccessResource), found from its id in the caller's organization.
        config: { access: { action: 'update', record: { param: 'invitationId', kind: 'invitation' } } },
        schema: {
          tags: ['invitations'],
          summary: 'Withdraw an open invitation; its link stops working at once',
          params: invitationParams,
          body: revokeInvitationSchema,
          response: { 200: invitationSchema, '4xx': problemSchema },
        },
      },
      async (request) =>
        service.revoke(recordContext(request), request.params.invitationId, request.body.version),
    );

    app.get(
      '/api/invitations/:token',
      {
        config: { access: 'public' },
        schema: {
          tags: ['invitations'],
          summary:
            'What an invitation link offers: who invites, where, as what (nothing clinical); 410 once used, withdrawn or expired',
          security: [],
          params: tokenParams,
          response: { 200: invitationPreviewSchema, '4xx': problemSchema },
        },
      },
      async (request) =>
        service.preview(
          request.params.token,
          auditActor(request),
          matchUiLanguage(acceptLanguagePreferences(request.headers['accept-language'])),
        ),
    );

    app.post(
      '/api/invitations/:token/accept',
      {
        config: { access: 'public' },
        schema: {
          tags: ['invitations'],
          summary:
            'Accept an invitation: choose a name and password; creates the sign-in. Works once (then 410), until it expires or is withdrawn (410); refused (409) while the browser is signed in as anyone',
          security: [],
          params: tokenParams,
          body: acceptInvitationSchema,
          response: { 201: acceptedInvitationSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const accepted = await service.accept(
          request.params.token,
          auditActor(request),
          request.body,
          request.principal !== null,
        );
        return reply.status(201).send(accepted);
      },
    );
  };
}
