import { DomainError } from '@tandem/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.generated.ts';
import { requirePrincipal, writeAudit } from '../http/authorization.ts';
import { problemSchema } from '../http/problem.ts';
import { supportContactRepository } from './repository.ts';
import { supportContactCreateSchema, supportContactSchema, supportContactUpdateSchema } from './schemas.ts';

const patientParams = z.object({ patientId: z.uuid('Not a patient id') });
const supportContactParams = patientParams.extend({
  supportContactId: z.uuid('Not a support contact id'),
});
const onePatient = { param: 'patientId' } as const;

/** The patient's loved ones: listed, added and corrected by the care team (issue 4 extends this). */
export function supportContactRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  const repository = supportContactRepository(db);
  return async (app) => {
    app.get(
      '/api/patients/:patientId/support-contacts',
      {
        config: { access: { resource: 'support_contacts', action: 'read', patient: onePatient } },
        schema: {
          tags: ['support contacts'],
          summary: "List a patient's support contacts (loved ones), active first",
          params: patientParams,
          response: { 200: z.object({ items: z.array(supportContactSchema) }), '4xx': problemSchema },
        },
      },
      async (request) => ({
        items: await repository.list(requirePrincipal(request).organizationId, request.params.patientId),
      }),
    );

    app.post(
      '/api/patients/:patientId/support-contacts',
      {
        config: { access: { resource: 'support_contacts', action: 'create', patient: onePatient } },
        schema: {
          tags: ['support contacts'],
          summary: 'Add a support contact; naming one shares nothing until the patient consents in writing',
          params: patientParams,
          body: supportContactCreateSchema,
          response: { 201: supportContactSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const contact = await repository.create(
          requirePrincipal(request).organizationId,
          request.params.patientId,
          request.body,
          writeAudit(request),
        );
        return reply.status(201).send(contact);
      },
    );

    app.patch(
      '/api/patients/:patientId/support-contacts/:supportContactId',
      {
        config: { access: { resource: 'support_contacts', action: 'update', patient: onePatient } },
        schema: {
          tags: ['support contacts'],
          summary: 'Change a support contact; refused with 409 and the current record if stale',
          params: supportContactParams,
          body: supportContactUpdateSchema,
          response: { 200: supportContactSchema, '4xx': problemSchema },
        },
      },
      async (request) => {
        const { organizationId } = requirePrincipal(request);
        const { patientId, supportContactId } = request.params;
        const updated = await repository.update(
          organizationId,
          patientId,
          supportContactId,
          request.body,
          writeAudit(request),
        );
        if (updated !== undefined) return updated;
        const current = await repository.find(organizationId, patientId, supportContactId);
        if (current === undefined) throw new DomainError('not_found', 'No such support contact.');
        throw new DomainError(
          'version_conflict',
          'Someone else changed this support contact; review their change.',
          {
            details: { current },
          },
        );
      },
    );
  };
}
