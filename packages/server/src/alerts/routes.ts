import { defineMessages } from '@formatjs/intl';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import {
  alertAcknowledgementSchema,
  alertListSchema,
  alertResolutionSchema,
  alertSchema,
} from './schemas.ts';
import type { AlertService } from './service.ts';

const errors = defineMessages({
  notAlertId: { id: 'alerts.errors.notAlertId', defaultMessage: 'Not an alert id' },
});

const alertParams = z.object({ alertId: z.uuid(errors.notAlertId.id) });

/** The caller's alerts: what was routed to them, acknowledged and resolved by them. */
export function alertRoutes(service: AlertService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/alerts',
      {
        config: { access: { resource: 'alert_inbox', action: 'read' } },
        schema: {
          tags: ['alerts'],
          summary: 'The unresolved alerts routed to me, most urgent and oldest first',
          response: { 200: alertListSchema, '4xx': problemSchema },
        },
      },
      async (request) => ({ alerts: await service.listMine(recordContext(request)) }),
    );

    app.post(
      '/api/alerts/:alertId/acknowledge',
      {
        config: { access: { resource: 'alert_inbox', action: 'update' } },
        schema: {
          tags: ['alerts'],
          summary: 'Say "I have it": stops the escalation for everyone it was routed to (409 if stale)',
          params: alertParams,
          body: alertAcknowledgementSchema,
          response: { 200: alertSchema, '4xx': problemSchema },
        },
      },
      async (request) =>
        service.acknowledge(recordContext(request), request.params.alertId, request.body.version),
    );

    app.post(
      '/api/alerts/:alertId/resolve',
      {
        config: { access: { resource: 'alert_inbox', action: 'update' } },
        schema: {
          tags: ['alerts'],
          summary: 'Record what was done; the alert closes for everyone it was routed to (409 if stale)',
          params: alertParams,
          body: alertResolutionSchema,
          response: { 200: alertSchema, '4xx': problemSchema },
        },
      },
      async (request) => service.resolve(recordContext(request), request.params.alertId, request.body),
    );
  };
}
