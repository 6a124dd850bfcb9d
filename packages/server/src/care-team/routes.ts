import { defineMessages } from '@formatjs/intl';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../http/authorization.ts';
import { patientFromPath, patientParams } from '../http/patient-params.ts';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import { careTeamAssignmentSchema, careTeamPlaceEndSchema, careTeamSchema } from './schemas.ts';
import type { CareTeamService } from './service.ts';

const errors = defineMessages({
  notMemberId: { id: 'careTeam.errors.notMemberId', defaultMessage: 'Not a care team member id' },
});

const memberParams = patientParams.extend({ memberId: z.uuid(errors.notMemberId.id) });

/** Who cares for the patient, and how that changed: read by all staff and the patient, changed by the team. */
export function careTeamRoutes(service: CareTeamService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/patients/:patientId/care-team',
      {
        config: { access: { resource: 'care_team', action: 'read', patient: patientFromPath } },
        schema: {
          tags: ['care team'],
          summary: "A patient's care team: the current places and every change, with who made it and why",
          params: patientParams,
          response: { 200: careTeamSchema, '4xx': problemSchema },
        },
      },
      async (request) => service.team(requirePrincipal(request).organizationId, request.params.patientId),
    );

    app.post(
      '/api/patients/:patientId/care-team',
      {
        config: { access: { resource: 'care_team', action: 'create', patient: patientFromPath } },
        schema: {
          tags: ['care team'],
          summary:
            'Give a staff member a place on the care team; a new primary therapist ends the current one (409 on a race or a stale replacesMemberId)',
          params: patientParams,
          body: careTeamAssignmentSchema,
          response: { 201: careTeamSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const team = await service.assign(recordContext(request), request.params.patientId, request.body);
        return reply.status(201).send(team);
      },
    );

    app.post(
      '/api/patients/:patientId/care-team/:memberId/end',
      {
        config: { access: { resource: 'care_team', action: 'update', patient: patientFromPath } },
        schema: {
          tags: ['care team'],
          summary:
            'End a place on the care team, saying why; refused with 409 and the current place if stale',
          params: memberParams,
          body: careTeamPlaceEndSchema,
          response: { 200: careTeamSchema, '4xx': problemSchema },
        },
      },
      async (request) =>
        service.end(recordContext(request), request.params.patientId, request.params.memberId, request.body),
    );
  };
}
