import { defineMessages } from '@formatjs/intl';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { patientFromPath, patientParams } from '../http/patient-params.ts';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import {
  consentAmendSchema,
  consentCreateSchema,
  consentHistorySchema,
  consentRevokeSchema,
  consentSchema,
} from './schemas.ts';
import type { ConsentService } from './service.ts';

const errors = defineMessages({
  notConsentId: { id: 'consents.errors.notConsentId', defaultMessage: 'Not a consent id' },
});

const consentParams = patientParams.extend({ consentId: z.uuid(errors.notConsentId.id) });

/** A patient's written consents to disclose (42 CFR 2.31): recorded, amended and revoked, never deleted. */
export function consentRoutes(service: ConsentService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/patients/:patientId/consents',
      {
        config: { access: { resource: 'consent_record', action: 'read', patient: patientFromPath } },
        schema: {
          tags: ['consents'],
          summary: "List a patient's consents, every version, newest first, each with its status today",
          params: patientParams,
          response: { 200: z.object({ items: z.array(consentSchema) }), '4xx': problemSchema },
        },
      },
      async (request) => ({
        items: await service.list(recordContext(request), request.params.patientId),
      }),
    );

    app.post(
      '/api/patients/:patientId/consents',
      {
        config: { access: { resource: 'consent_record', action: 'create', patient: patientFromPath } },
        schema: {
          tags: ['consents'],
          summary:
            'Record a consent the patient signed (typed name), witnessed by the caller: recipient, categories, purpose, start, expiry date or event',
          params: patientParams,
          body: consentCreateSchema,
          response: { 201: consentSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const consent = await service.create(recordContext(request), request.params.patientId, request.body);
        return reply.status(201).send(consent);
      },
    );

    app.post(
      '/api/patients/:patientId/consents/:consentId/revoke',
      {
        config: { access: { resource: 'consent_record', action: 'update', patient: patientFromPath } },
        schema: {
          tags: ['consents'],
          summary:
            'Revoke a consent (the patient may revoke their own at any time); takes effect at once; 409 if stale or already ended',
          params: consentParams,
          body: consentRevokeSchema,
          response: { 200: consentSchema, '4xx': problemSchema },
        },
      },
      async (request) =>
        service.revoke(
          recordContext(request),
          request.params.patientId,
          request.params.consentId,
          request.body,
        ),
    );

    app.post(
      '/api/patients/:patientId/consents/:consentId/amend',
      {
        config: { access: { resource: 'consent_record', action: 'create', patient: patientFromPath } },
        schema: {
          tags: ['consents'],
          summary:
            'Amend a consent with a reason: the new terms, signed again, become the next signed version and the old one is superseded and locked in the same transaction; 409 if stale or amended meanwhile',
          params: consentParams,
          body: consentAmendSchema,
          response: { 201: consentSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const consent = await service.amend(
          recordContext(request),
          request.params.patientId,
          request.params.consentId,
          request.body,
        );
        return reply.status(201).send(consent);
      },
    );

    app.get(
      '/api/patients/:patientId/consents/:consentId/history',
      {
        config: { access: { resource: 'consent_record', action: 'read', patient: patientFromPath } },
        schema: {
          tags: ['consents'],
          summary:
            "A consent's signed versions, oldest first: who signed, when, why it was amended, what each amendment changed, and its addenda (a revocation is one)",
          params: consentParams,
          response: { 200: consentHistorySchema, '4xx': problemSchema },
        },
      },
      async (request) =>
        service.history(recordContext(request), request.params.patientId, request.params.consentId),
    );
  };
}
