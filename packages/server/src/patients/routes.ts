import { DomainError, patientListScope } from '@tandem/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.generated.ts';
import { requireAccess, requirePrincipal, writeAudit } from '../http/authorization.ts';
import { problemSchema } from '../http/problem.ts';
import { breakTheGlass } from './break-glass.ts';
import { patientRecords } from './patient-records.ts';
import {
  breakGlassGrantSchema,
  breakGlassRequestSchema,
  patientListQuerySchema,
  patientRecordSchema,
  patientSummarySchema,
} from './schemas.ts';

const patientParams = z.object({ patientId: z.uuid('Not a patient id') });
const onePatient = { param: 'patientId' } as const;

export function patientRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  const records = patientRecords(db);
  return async (app) => {
    app.get(
      '/api/patients',
      {
        config: { access: { resource: 'patient_demographics', action: 'read', patient: 'list' } },
        schema: {
          tags: ['patients'],
          summary: 'List the patients the caller may see (their caseload first); search by name or MRN',
          querystring: patientListQuerySchema,
          response: { 200: z.object({ items: z.array(patientSummarySchema) }), '4xx': problemSchema },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        const items = await records.list({
          organizationId: principal.organizationId,
          userId: principal.userId,
          scope: patientListScope(principal.role),
          search: request.query.q,
          limit: request.query.limit,
        });
        return { items };
      },
    );

    app.get(
      '/api/patients/:patientId',
      {
        config: { access: { resource: 'patient_demographics', action: 'read', patient: onePatient } },
        schema: {
          tags: ['patients'],
          summary: "Read a patient's record: demographics, care team, and the basis of the caller's access",
          params: patientParams,
          response: { 200: patientRecordSchema, '4xx': problemSchema },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        const access = requireAccess(request);
        const found = await records.find(principal.organizationId, request.params.patientId);
        if (found === undefined) throw new DomainError('not_found', 'No such patient.');
        return {
          ...found.patient,
          status: found.patient.status as 'active',
          careTeam: found.careTeam.map((member) => ({
            ...member,
            role: member.role as 'primary_therapist',
            startedAt: member.startedAt.toISOString(),
          })),
          access: {
            basis: access.basis,
            breakGlassExpiresAt: access.breakGlassExpiresAt?.toISOString() ?? null,
          },
        };
      },
    );

    app.post(
      '/api/patients/:patientId/break-glass',
      {
        // Declared as a write on the record (every staff role passes the hook; mayBreakGlass then decides), so
        // that the grant's own audit event is the request's only one.
        config: { access: { resource: 'patient_demographics', action: 'create', patient: onePatient } },
        schema: {
          tags: ['patients'],
          summary:
            'Emergency access to a record outside your care team, for a stated reason: time-limited, flagged and reported to supervisors',
          params: patientParams,
          body: breakGlassRequestSchema,
          response: { 201: breakGlassGrantSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const grant = await breakTheGlass(
          db,
          requirePrincipal(request),
          request.params.patientId,
          request.body.reason,
          writeAudit(request),
        );
        return reply.status(201).send(grant);
      },
    );
  };
}
