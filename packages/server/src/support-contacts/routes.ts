import { defineMessages } from '@formatjs/intl';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { patientFromPath, patientParams } from '../http/patient-params.ts';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import { supportContactCreateSchema, supportContactSchema, supportContactUpdateSchema } from './schemas.ts';
import type { SupportContactService } from './service.ts';

const errors = defineMessages({
  notSupportContactId: {
    id: 'supportContacts.errors.notSupportContactId',
    defaultMessage: 'Not a support contact id',
  },
});

const supportContactParams = patientParams.extend({
  supportContactId: z.uuid(errors.notSupportContactId.id),
});

/** The patient's loved ones: listed, added and corrected by the care team (issue 4 extends this). */
export function supportContactRoutes(service: SupportContactService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/patients/:patientId/support-contacts',
      {
        config: { access: { resource: 'support_contacts', action: 'read', patient: patientFromPath } },
        schema: {
          tags: ['support contacts'],
          summary: "List a patient's support contacts (loved ones), active first",
          params: patientParams,
          response: { 200: z.object({ items: z.array(supportContactSchema) }), '4xx': problemSchema },
        },
      },
      async (request) => ({
        items: await service.list(recordContext(request), request.params.patientId),
      }),
    );

    app.post(
      '/api/patients/:patientId/support-contacts',
      {
        config: { access: { resource: 'support_contacts', action: 'create', patient: patientFromPath } },
        schema: {
          tags: ['support contacts'],
          summary: 'Add a support contact; naming one shares nothing until the patient consents in writing',
          params: patientParams,
          body: supportContactCreateSchema,
          response: { 201: supportContactSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const contact = await service.create(recordContext(request), request.params.patientId, request.body);
        return reply.status(201).send(contact);
      },
    );

    app.patch(
      '/api/patients/:patientId/support-contacts/:supportContactId',
      {
        config: { access: { resource: 'support_contacts', action: 'update', patient: patientFromPath } },
        schema: {
          tags: ['support contacts'],
          summary: 'Change a support contact; refused with 409 and the current record if stale',
          params: supportContactParams,
          body: supportContactUpdateSchema,
          response: { 200: supportContactSchema, '4xx': problemSchema },
        },
      },
      async (request) =>
        service.update(
          recordContext(request),
          request.params.patientId,
          request.params.supportContactId,
          request.body,
        ),
    );
  };
}
