import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { patientParams } from '../http/patient-params.ts';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import { caseloadSettingSchema, caseloadSettingUpdateSchema, therapistSuggestionsSchema } from './schemas.ts';
import type { MatchingService } from './service.ts';

/** Therapist matching for a patient, and the program's default caseload it measures capacity by. */
export function matchingRoutes(service: MatchingService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/patients/:patientId/therapist-suggestions',
      {
        config: {
          access: { resource: 'episode_of_care', action: 'read', patient: { param: 'patientId' } },
        },
        schema: {
          tags: ['care team'],
          summary:
            'Clinicians ranked by fit for the primary therapist place, each with the reasons and concerns; the choice is the clinician’s',
          params: patientParams,
          response: { 200: therapistSuggestionsSchema, '4xx': problemSchema },
        },
      },
      async (request) => service.suggestions(recordContext(request), request.params.patientId),
    );

    app.get(
      '/api/organization/caseload',
      {
        config: { access: { resource: 'organization_settings', action: 'read' } },
        schema: {
          tags: ['organization'],
          summary: 'The caseload a clinician carries when their own maximum is not set (administrators)',
          response: { 200: caseloadSettingSchema, '4xx': problemSchema },
        },
      },
      async (request) => service.caseloadSetting(recordContext(request)),
    );

    app.put(
      '/api/organization/caseload',
      {
        config: { access: { resource: 'organization_settings', action: 'update' } },
        schema: {
          tags: ['organization'],
          summary: 'Set the default maximum caseload; refused with 409 and the current setting if stale',
          body: caseloadSettingUpdateSchema,
          response: { 200: caseloadSettingSchema, '4xx': problemSchema },
        },
      },
      async (request) => service.updateCaseloadSetting(recordContext(request), request.body),
    );
  };
}
