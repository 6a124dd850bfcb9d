import { defineMessages } from '@formatjs/intl';
import { DomainError, type PatientStatus } from '@tandem/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import { disclosureRepository } from '../disclosures/repository.ts';
import { requireAccess, requirePrincipal } from '../http/authorization.ts';
import { patientFromPath, patientParams } from '../http/patient-params.ts';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import { recordKernel } from '../records/unit-of-work.ts';
import { breakGlassService } from './break-glass.ts';
import { patientRecords } from './patient-records.ts';
import { listPatients, type PatientListRequest } from './patient-search.ts';
import {
  breakGlassGrantSchema,
  breakGlassRequestSchema,
  patientListQuerySchema,
  patientPageSchema,
  patientRecordSchema,
  patientSearchBodySchema,
} from './schemas.ts';

const errors = defineMessages({
  noSuchPatient: { id: 'patients.errors.noSuchPatient', defaultMessage: 'No such patient.' },
});

export function patientRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  const records = patientRecords(db);
  const disclosures = disclosureRepository(db);
  const kernel = recordKernel(db);
  const breakGlass = breakGlassService(kernel);

  /**
   * A page of the list, each row as the policy shapes it. A support contact's rows are accounted as disclosures
   * before they leave; the hook audits the read once per patient and resource (RequestAccess.listed).
   */
  async function readPatientList(request: FastifyRequest, search: PatientListRequest) {
    const context = recordContext(request);
    const { principal } = context;
    // A read-only unit: the hook audits the rows it returned once per patient and resource (listed, below).
    const {
      page,
      reads,
      disclosures: disclosed,
    } = await kernel.read(context, ({ trx }) => listPatients(trx, principal, search));
    if (disclosed.length > 0) {
      await kernel.write(context, ({ trx }) => disclosures.record(trx, principal.organizationId, disclosed));
    }
    requireAccess(request).listed = reads;
    return page;
  }

  return async (app) => {
    const listAccess = { resource: 'patient_demographics', action: 'read', patient: 'list' } as const;

    app.get(
      '/api/patients',
      {
        config: { access: listAccess },
        schema: {
          tags: ['patients'],
          summary:
            'List the patients the caller may see, their caseload first, by filters (status, setting, ASAM level, primary therapist, the caller’s own care teams); each row carries only the parts of the record the caller may read, and a filter on a part they may not read is refused (403); searching is POST /api/patients/search',
          querystring: patientListQuerySchema,
          response: { 200: patientPageSchema, '4xx': problemSchema },
        },
      },
      (request) => readPatientList(request, request.query),
    );

    // A search names a person or their birth date: it goes in a body, so that it never reaches a URL, a
    // request log or the browser history.
    app.post(
      '/api/patients/search',
      {
        config: { access: listAccess },
        schema: {
          tags: ['patients'],
          summary:
            'Search the patients the caller may see by name (typo-tolerant, accents ignored), MRN or date of birth, with the list filters',
          body: patientSearchBodySchema,
          response: { 200: patientPageSchema, '4xx': problemSchema },
        },
      },
      (request) => readPatientList(request, request.body),
    );

    app.get(
      '/api/patients/:patientId',
      {
        config: { access: { resource: 'patient_demographics', action: 'read', patient: patientFromPath } },
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
        if (found === undefined) throw new DomainError('not_found', errors.noSuchPatient);
        return {
          ...found.patient,
          status: found.patient.status as PatientStatus,
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
        config: { access: { resource: 'patient_demographics', action: 'create', patient: patientFromPath } },
        schema: {
          tags: ['patients'],
          summary:
            'Emergency access to a record outside your care team, for a stated reason: time-limited, audited, and raised as an alert for the supervisors of the patient’s primary therapist to review (never the grantee)',
          params: patientParams,
          body: breakGlassRequestSchema,
          response: { 201: breakGlassGrantSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const grant = await breakGlass.open(
          recordContext(request),
          request.params.patientId,
          request.body.reason,
        );
        return reply.status(201).send(grant);
      },
    );
  };
}
