import { defineMessages } from '@formatjs/intl';
import { careTeamRoles, searchDiagnoses } from '@tandem/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../http/authorization.ts';
import { patientFromPath, patientParams } from '../http/patient-params.ts';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import type { DiagnosisService } from './diagnosis-service.ts';
import type { EpisodeService } from './episode-service.ts';
import {
  admissionSchema,
  diagnosisCatalogEntrySchema,
  diagnosisInputSchema,
  diagnosisSearchQuerySchema,
  diagnosisUpdateSchema,
  dischargeResultSchema,
  dischargeSchema,
  episodeDiagnosisSchema,
  episodeSchema,
  episodeUpdateSchema,
  levelOfCareChangeInputSchema,
} from './schemas.ts';

const errors = defineMessages({
  notEpisodeId: { id: 'admission.errors.notEpisodeId', defaultMessage: 'Not an episode id' },
  notDiagnosisId: { id: 'admission.errors.notDiagnosisId', defaultMessage: 'Not a diagnosis id' },
});

const episodeParams = patientParams.extend({ episodeId: z.uuid(errors.notEpisodeId.id) });
const diagnosisParams = episodeParams.extend({ diagnosisId: z.uuid(errors.notDiagnosisId.id) });
const responses = <T extends z.ZodType>(ok: T) => ({ 200: ok, '4xx': problemSchema });

/** Admission to discharge: a patient's episodes of care, their level-of-care changes and diagnoses. */
export function episodeRoutes(episodes: EpisodeService, diagnoses: DiagnosisService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/diagnoses',
      {
        // The published ICD-10-CM list: no patient data, so any signed-in user may search it.
        config: { access: 'signed-in' },
        schema: {
          tags: ['admission'],
          summary:
            'Search ICD-10-CM F10-F19 (substance use disorders) by code or words, as a clinician types',
          querystring: diagnosisSearchQuerySchema,
          response: responses(z.object({ items: z.array(diagnosisCatalogEntrySchema) })),
        },
      },
      async (request) => ({
        items: searchDiagnoses(request.query.q, {
          limit: request.query.limit,
          billableOnly: request.query.billableOnly,
        }),
      }),
    );

    app.get(
      '/api/patients/:patientId/episodes',
      {
        config: { access: { resource: 'episode_of_care', action: 'read', patient: patientFromPath } },
        schema: {
          tags: ['admission'],
          summary: "A patient's episodes of care, newest first: the timeline of admissions and discharges",
          params: patientParams,
          response: responses(z.object({ items: z.array(episodeSchema) })),
        },
      },
      async (request) => ({
        items: await episodes.timeline(requirePrincipal(request).organizationId, request.params.patientId),
      }),
    );

    app.post(
      '/api/patients/:patientId/episodes',
      {
        config: { access: { resource: 'episode_of_care', action: 'create', patient: patientFromPath } },
        schema: {
          tags: ['admission'],
          summary:
            'Admit the patient: a new episode of care (409, reason already_admitted, when one is active)',
          params: patientParams,
          body: admissionSchema,
          response: {
            201: z.object({ episode: episodeSchema, joinedCareTeamAs: z.enum(careTeamRoles).nullable() }),
            '4xx': problemSchema,
          },
        },
      },
      async (request, reply) => {
        const admitted = await episodes.admit(recordContext(request), request.params.patientId, request.body);
        return reply.status(201).send(admitted);
      },
    );

    app.get(
      '/api/patients/:patientId/episodes/:episodeId',
      {
        config: { access: { resource: 'episode_of_care', action: 'read', patient: patientFromPath } },
        schema: {
          tags: ['admission'],
          summary: 'One episode of care',
          params: episodeParams,
          response: responses(episodeSchema),
        },
      },
      async (request) =>
        episodes.one(
          requirePrincipal(request).organizationId,
          request.params.patientId,
          request.params.episodeId,
        ),
    );

    app.patch(
      '/api/patients/:patientId/episodes/:episodeId',
      {
        config: { access: { resource: 'episode_of_care', action: 'update', patient: patientFromPath } },
        schema: {
          tags: ['admission'],
          summary:
            'Change the referral, presenting problems or co-occurring conditions; 409 with the current episode if stale',
          params: episodeParams,
          body: episodeUpdateSchema,
          response: responses(episodeSchema),
        },
      },
      async (request) =>
        episodes.update(
          recordContext(request),
          request.params.patientId,
          request.params.episodeId,
          request.body,
        ),
    );

    app.post(
      '/api/patients/:patientId/episodes/:episodeId/level-of-care-changes',
      {
        config: { access: { resource: 'episode_of_care', action: 'update', patient: patientFromPath } },
        schema: {
          tags: ['admission'],
          summary: 'Step down, step up or move the level of care, as a dated event of the episode',
          params: episodeParams,
          body: levelOfCareChangeInputSchema,
          response: { 201: episodeSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const episode = await episodes.changeLevelOfCare(
          recordContext(request),
          request.params.patientId,
          request.params.episodeId,
          request.body,
        );
        return reply.status(201).send(episode);
      },
    );

    app.post(
      '/api/patients/:patientId/episodes/:episodeId/discharge',
      {
        config: { access: { resource: 'episode_of_care', action: 'update', patient: patientFromPath } },
        schema: {
          tags: ['admission'],
          summary:
            'Discharge: date, type and aftercare plan. The care team stays in place (listed in the answer) for aftercare',
          params: episodeParams,
          body: dischargeSchema,
          response: responses(dischargeResultSchema),
        },
      },
      async (request) =>
        episodes.discharge(
          recordContext(request),
          request.params.patientId,
          request.params.episodeId,
          request.body,
        ),
    );

    app.post(
      '/api/patients/:patientId/episodes/:episodeId/diagnoses',
      {
        config: { access: { resource: 'diagnosis', action: 'create', patient: patientFromPath } },
        schema: {
          tags: ['admission'],
          summary: 'Add an ICD-10-CM F10-F19 diagnosis (billable codes only) to the episode',
          params: episodeParams,
          body: diagnosisInputSchema,
          response: { 201: episodeDiagnosisSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const diagnosis = await diagnoses.add(
          recordContext(request),
          request.params.patientId,
          request.params.episodeId,
          request.body,
        );
        return reply.status(201).send(diagnosis);
      },
    );

    app.patch(
      '/api/patients/:patientId/episodes/:episodeId/diagnoses/:diagnosisId',
      {
        config: { access: { resource: 'diagnosis', action: 'update', patient: patientFromPath } },
        schema: {
          tags: ['admission'],
          summary:
            'Change a diagnosis: primary, clinical status (active, remission, resolved), verification; 409 if stale',
          params: diagnosisParams,
          body: diagnosisUpdateSchema,
          response: responses(episodeDiagnosisSchema),
        },
      },
      async (request) =>
        diagnoses.update(
          recordContext(request),
          request.params.patientId,
          request.params.episodeId,
          request.params.diagnosisId,
          request.body,
        ),
    );
  };
}
