import { defineMessages } from '@formatjs/intl';
import { DomainError } from '@tandem/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../http/authorization.ts';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { breakGlassGrant, reviewBreakGlassGrant } from './break-glass-review.ts';
import { auditEventsCsv, auditExportFileName } from './csv.ts';
import { auditLogRepository, breakGlassGrantRepository } from './repository.ts';
import {
  type AuditEventFilter,
  accessLogPageSchema,
  accessLogQuerySchema,
  auditEventFilterSchema,
  auditEventListQuerySchema,
  auditLogPageSchema,
  breakGlassGrantEntrySchema,
  breakGlassGrantListQuerySchema,
  breakGlassGrantPageSchema,
  breakGlassReviewSchema,
  organizationMemberSchema,
} from './schemas.ts';

const auditLogRead = { resource: 'audit_log', action: 'read' } as const;
const errors = defineMessages({
  notGrantId: { id: 'auditLog.errors.notGrantId', defaultMessage: 'Not a break-the-glass access id' },
  notPatientId: { id: 'auditLog.errors.notPatientId', defaultMessage: 'Not a patient id' },
  invalidFields: {
    id: 'auditLog.errors.invalidFields',
    defaultMessage: 'Some fields are missing or invalid.',
  },
  endBeforeStart: {
    id: 'auditLog.errors.endBeforeStart',
    defaultMessage: 'The end date is before the start date',
  },
});

const grantParams = z.object({ grantId: z.uuid(errors.notGrantId.id) });

/** A filter whose date range runs backwards is the caller's mistake, said per field. */
function checkDateRange(filter: AuditEventFilter): AuditEventFilter {
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
    throw new DomainError('invalid_input', errors.invalidFields, {
      fieldErrors: [{ path: 'querystring.to', message: errors.endBeforeStart }],
    });
  }
  return filter;
}

const cursorNumber = (cursor: string | undefined) => (cursor === undefined ? {} : { cursor: Number(cursor) });

export function auditLogRoutes(records: RecordKernel): FastifyPluginAsyncZod {
  const { db } = records;
  const events = auditLogRepository(db);
  const grants = breakGlassGrantRepository(db);
  return async (app) => {
    app.get(
      '/api/audit-events',
      {
        config: { access: auditLogRead },
        schema: {
          tags: ['audit'],
          summary:
            "The organization's audit trail, newest first, filtered by person, patient, dates (inclusive, in the organization's time zone), action, outcome and resource",
          querystring: auditEventListQuerySchema,
          response: { 200: auditLogPageSchema, '4xx': problemSchema },
        },
      },
      async (request) => {
        const { cursor, limit, ...filter } = request.query;
        return events.listEvents(requirePrincipal(request).organizationId, checkDateRange(filter), {
          limit,
          ...cursorNumber(cursor),
        });
      },
    );

    app.get(
      '/api/audit-events.csv',
      {
        config: { access: auditLogRead },
        schema: {
          tags: ['audit'],
          summary:
            'The same audit trail as CSV (RFC 4180, formula-safe), every matching event, as a download',
          querystring: auditEventFilterSchema,
          produces: ['text/csv'],
          response: {
            200: z.string().meta({ description: 'CSV with a header row' }),
            '4xx': problemSchema,
          },
        },
      },
      async (request, reply) => {
        const filter = checkDateRange(request.query);
        const organizationId = requirePrincipal(request).organizationId;
        return (
          reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${auditExportFileName(new Date())}"`)
            .header('cache-control', 'no-store')
            // A stream is sent as it is (no serializer); the schema's string describes the body for OpenAPI.
            .send(auditEventsCsv(events.eachEvent(organizationId, filter)) as unknown as string)
        );
      },
    );

    app.get(
      '/api/audit-events/members',
      {
        config: { access: auditLogRead },
        schema: {
          tags: ['audit'],
          summary: "The organization's people, to filter the audit trail by",
          response: { 200: z.object({ items: z.array(organizationMemberSchema) }), '4xx': problemSchema },
        },
      },
      async (request) => ({ items: await events.members(requirePrincipal(request).organizationId) }),
    );

    app.get(
      '/api/patients/:patientId/access-log',
      {
        config: { access: { resource: 'access_log', action: 'read', patient: { param: 'patientId' } } },
        schema: {
          tags: ['audit'],
          summary: 'Who accessed this patient’s record: every audited read, change and refusal, newest first',
          params: z.object({ patientId: z.uuid(errors.notPatientId.id) }),
          querystring: accessLogQuerySchema,
          response: { 200: accessLogPageSchema, '4xx': problemSchema },
        },
      },
      async (request) =>
        events.accessLog(requirePrincipal(request).organizationId, request.params.patientId, {
          limit: request.query.limit,
          ...cursorNumber(request.query.cursor),
        }),
    );

    app.get(
      '/api/break-glass-grants',
      {
        config: { access: auditLogRead },
        schema: {
          tags: ['audit'],
          summary: 'Break-the-glass accesses, newest first; reviewed=false is the supervisors’ review queue',
          querystring: breakGlassGrantListQuerySchema,
          response: { 200: breakGlassGrantPageSchema, '4xx': problemSchema },
        },
      },
      async (request) => {
        const { reviewed, cursor, limit } = request.query;
        return grants.list(requirePrincipal(request).organizationId, {
          limit,
          ...(reviewed === undefined ? {} : { reviewed: reviewed === 'true' }),
          ...(cursor === undefined ? {} : { cursor }),
        });
      },
    );

    app.get(
      '/api/break-glass-grants/:grantId',
      {
        config: { access: { resource: 'break_glass_review', action: 'read' } },
        schema: {
          tags: ['audit'],
          summary:
            'One break-the-glass access: who, on whose record, why, until when, how many reads, and its review (the break_glass_review alert links here)',
          params: grantParams,
          response: { 200: breakGlassGrantEntrySchema, '4xx': problemSchema },
        },
      },
      async (request) => breakGlassGrant(records, recordContext(request), request.params.grantId),
    );

    app.post(
      '/api/break-glass-grants/:grantId/review',
      {
        config: { access: { resource: 'break_glass_review', action: 'update' } },
        schema: {
          tags: ['audit'],
          summary:
            'Record a supervisor’s review of a break-the-glass access (once; not one’s own), resolving its review alert; 409 with the current grant if stale',
          params: grantParams,
          body: breakGlassReviewSchema,
          response: { 200: breakGlassGrantEntrySchema, '4xx': problemSchema },
        },
      },
      async (request) =>
        reviewBreakGlassGrant(records, recordContext(request), request.params.grantId, request.body),
    );
  };
}
