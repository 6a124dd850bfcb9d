import { redisclosureNotice } from '@tandem/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { patientParams } from '../http/patient-params.ts';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import { redisclosureNoticeHeader } from './routes.ts';
import { portalPatientSchema, sharedRecordSchema } from './schemas.ts';
import type { DisclosureService } from './service.ts';

/**
 * The patient and family portal, on the policy's `shared_record`: the list of the portal's patients (oneself, or
 * those sharing with a support contact: decidePatientList), and a support contact's view of what one patient
 * shares with them, the union of the categories of the consents in effect. The service decides the view again
 * under the consents' row lock, per category, at the moment of each view (no decision is cached), and audits it
 * together with its accounting of disclosures.
 */
export function portalRoutes(service: DisclosureService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/portal/patients',
      {
        config: { access: { resource: 'shared_record', action: 'read', patient: 'list' } },
        schema: {
          tags: ['portal'],
          summary:
            'The patients the portal user may open: themselves (a patient), or those sharing with them under a consent in effect (a support contact)',
          response: { 200: z.object({ items: z.array(portalPatientSchema) }), '4xx': problemSchema },
        },
      },
      async (request) => ({
        items: await service.portalPatients(recordContext(request)),
      }),
    );

    app.get(
      '/api/portal/patients/:patientId/shared',
      {
        config: {
          access: {
            resource: 'shared_record',
            action: 'read',
            patient: { param: 'patientId' },
            // Audited with the disclosure it accounts, in the view's unit of work.
            audit: 'unit-of-work',
          },
        },
        schema: {
          tags: ['portal'],
          summary:
            'What the patient shared with the signed-in support contact, checked against the consents in effect now, accounted as a disclosure, with the redisclosure notice (body and header)',
          params: patientParams,
          response: { 200: sharedRecordSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const view = await service.viewSharedRecord(recordContext(request), request.params.patientId);
        return reply
          .header('cache-control', 'no-store')
          .header(redisclosureNoticeHeader, redisclosureNotice)
          .send(view);
      },
    );
  };
}
