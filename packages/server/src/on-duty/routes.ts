import { defineMessages } from '@formatjs/intl';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import {
  onDutyRosterSchema,
  onDutyShiftCreateSchema,
  onDutyShiftEndSchema,
  onDutyShiftSchema,
} from './schemas.ts';
import type { OnDutyService } from './service.ts';

const errors = defineMessages({
  notShiftId: { id: 'onDuty.errors.notShiftId', defaultMessage: 'Not an on-duty shift id' },
});

const shiftParams = z.object({ shiftId: z.uuid(errors.notShiftId.id) });

/** The on-duty roster: everyone at work reads it; supervisors and administrators keep it. */
export function onDutyRoutes(service: OnDutyService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/on-duty',
      {
        config: { access: { resource: 'on_duty_roster', action: 'read' } },
        schema: {
          tags: ['on-duty'],
          summary: 'Who is on duty now, then the shifts to come (risk signals reach whoever is on duty)',
          response: { 200: onDutyRosterSchema, '4xx': problemSchema },
        },
      },
      async (request) => ({ shifts: await service.current(recordContext(request)) }),
    );

    app.post(
      '/api/on-duty',
      {
        config: { access: { resource: 'on_duty_roster', action: 'create' } },
        schema: {
          tags: ['on-duty'],
          summary:
            'Put a staff member on duty for a period (at most 7 days); 409 if they already hold that duty for part of it',
          body: onDutyShiftCreateSchema,
          response: { 201: onDutyShiftSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.add(recordContext(request), request.body)),
    );

    app.post(
      '/api/on-duty/:shiftId/end',
      {
        config: { access: { resource: 'on_duty_roster', action: 'update' } },
        schema: {
          tags: ['on-duty'],
          summary: 'End a shift now, or call it off before it starts (409 if stale or already over)',
          params: shiftParams,
          body: onDutyShiftEndSchema,
          response: { 200: onDutyShiftSchema, '4xx': problemSchema },
        },
      },
      async (request) => service.end(recordContext(request), request.params.shiftId, request.body.version),
    );
  };
}
