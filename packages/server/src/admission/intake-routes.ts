import { defineMessages } from '@formatjs/intl';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccess, requirePrincipal } from '../http/authorization.ts';
import { patientFromPath } from '../http/patient-params.ts';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import {
  episodeIntakeItemSchema,
  intakeChecklistItemCreateSchema,
  intakeChecklistItemSchema,
  intakeChecklistItemUpdateSchema,
  intakeCompletionSchema,
  overdueIntakeItemSchema,
} from './intake-schemas.ts';
import type { IntakeService } from './intake-service.ts';

const errors = defineMessages({
  notPatientId: { id: 'intake.errors.notPatientId', defaultMessage: 'Not a patient id' },
  notEpisodeId: { id: 'intake.errors.notEpisodeId', defaultMessage: 'Not an episode id' },
  notItemId: { id: 'intake.errors.notItemId', defaultMessage: 'Not a checklist item id' },
});

const episodeParams = z.object({
  patientId: z.uuid(errors.notPatientId.id),
  episodeId: z.uuid(errors.notEpisodeId.id),
});
const itemParams = episodeParams.extend({ itemId: z.uuid(errors.notItemId.id) });
const checklist = z.object({ items: z.array(episodeIntakeItemSchema) });

/**
 * The intake checklist: the organization's items (administrators set what and within how many days), each
 * episode's ticks (the front office and every staff role), and what is overdue across the program.
 */
export function intakeRoutes(service: IntakeService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/settings/intake-checklist',
      {
        config: { access: { resource: 'organization_settings', action: 'read' } },
        schema: {
          tags: ['intake'],
          summary: "The organization's intake checklist (the defaults, the first time)",
          response: { 200: z.object({ items: z.array(intakeChecklistItemSchema) }), '4xx': problemSchema },
        },
      },
      async (request) => ({ items: await service.items(requirePrincipal(request).organizationId) }),
    );

    app.post(
      '/api/settings/intake-checklist',
      {
        config: { access: { resource: 'organization_settings', action: 'update' } },
        schema: {
          tags: ['intake'],
          summary: 'Add an item to the intake checklist, due within N days of admission',
          body: intakeChecklistItemCreateSchema,
          response: { 201: intakeChecklistItemSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const item = await service.addItem(recordContext(request), request.body);
        return reply.status(201).send(item);
      },
    );

    app.patch(
      '/api/settings/intake-checklist/:itemId',
      {
        config: { access: { resource: 'organization_settings', action: 'update' } },
        schema: {
          tags: ['intake'],
          summary: 'Rename an item, change its days or order, or retire it (active: false); 409 if stale',
          params: z.object({ itemId: z.uuid(errors.notItemId.id) }),
          body: intakeChecklistItemUpdateSchema,
          response: { 200: intakeChecklistItemSchema, '4xx': problemSchema },
        },
      },
      async (request) => service.updateItem(recordContext(request), request.params.itemId, request.body),
    );

    app.get(
      '/api/patients/:patientId/episodes/:episodeId/intake',
      {
        config: { access: { resource: 'intake_checklist', action: 'read', patient: patientFromPath } },
        schema: {
          tags: ['intake'],
          summary: "An episode's intake checklist: each item's due date, whether it is done, days overdue",
          params: episodeParams,
          response: { 200: checklist, '4xx': problemSchema },
        },
      },
      async (request) => ({
        items: await service.episodeChecklist(
          requirePrincipal(request).organizationId,
          request.params.patientId,
          request.params.episodeId,
        ),
      }),
    );

    app.post(
      '/api/patients/:patientId/episodes/:episodeId/intake/:itemId',
      {
        config: { access: { resource: 'intake_checklist', action: 'update', patient: patientFromPath } },
        schema: {
          tags: ['intake'],
          summary: 'Tick an intake item as done on a date (again: change the date or note)',
          params: itemParams,
          body: intakeCompletionSchema,
          response: { 200: checklist, '4xx': problemSchema },
        },
      },
      async (request) => ({
        items: await service.tick(
          recordContext(request),
          request.params.patientId,
          request.params.episodeId,
          request.params.itemId,
          request.body,
        ),
      }),
    );

    app.delete(
      '/api/patients/:patientId/episodes/:episodeId/intake/:itemId',
      {
        config: { access: { resource: 'intake_checklist', action: 'update', patient: patientFromPath } },
        schema: {
          tags: ['intake'],
          summary: 'Untick an intake item ticked by mistake',
          params: itemParams,
          response: { 200: checklist, '4xx': problemSchema },
        },
      },
      async (request) => ({
        items: await service.tick(
          recordContext(request),
          request.params.patientId,
          request.params.episodeId,
          request.params.itemId,
          null,
        ),
      }),
    );

    app.get(
      '/api/intake/overdue',
      {
        // Every staff role keeps the intake checklist, so the list is the organization's active episodes.
        config: { access: { resource: 'intake_checklist', action: 'read', patient: 'list' } },
        schema: {
          tags: ['intake'],
          summary:
            'Intake items overdue across active episodes, the caller’s caseload first, most overdue first',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: { 200: z.object({ items: z.array(overdueIntakeItemSchema) }), '4xx': problemSchema },
        },
      },
      async (request) => {
        const items = await service.overdue(recordContext(request), request.query.limit);
        // Audited once per patient it names (their name and MRN, their checklist), not as a read of nobody.
        const access = requireAccess(request);
        access.listed = [...new Set(items.map((item) => item.patientId))].map((patientId) => ({
          patientId,
          reads: [
            { resource: 'patient_demographics', basis: access.basis },
            { resource: 'intake_checklist', basis: access.basis },
          ],
        }));
        return { items };
      },
    );
  };
}
