import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { patientFromPath, patientParams } from '../http/patient-params.ts';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import {
  duplicateCheckSchema,
  patientDemographicsSchema,
  patientDemographicsUpdateSchema,
  patientRegistrationSchema,
  possibleDuplicateSchema,
} from './registration-schemas.ts';
import { registrationService } from './registration-service.ts';

/**
 * Registering a patient (front desk or clinical staff): the duplicate check, the registration itself with its
 * medical record number, and corrections of the demographics. Names and dates of birth travel in bodies only.
 */
export function registrationRoutes(records: RecordKernel): FastifyPluginAsyncZod {
  const service = registrationService(records);
  return async (app) => {
    app.post(
      '/api/patients/duplicate-check',
      {
        // The first step of registering (a create): the policy lets every staff role do it, nobody else.
        config: { access: { resource: 'patient_demographics', action: 'create', patient: 'list' } },
        schema: {
          tags: ['patients'],
          summary:
            'Before registering: patients with the same date of birth and a similar name (legal or preferred), to open instead',
          body: duplicateCheckSchema,
          response: {
            200: z.object({ matches: z.array(possibleDuplicateSchema) }),
            '4xx': problemSchema,
          },
        },
      },
      async (request) => ({ matches: await service.duplicates(recordContext(request), request.body) }),
    );

    app.post(
      '/api/patients',
      {
        config: { access: { resource: 'patient_demographics', action: 'create', patient: 'list' } },
        schema: {
          tags: ['patients'],
          summary:
            'Register a patient; a likely duplicate is refused (409, reason possible_duplicate) unless confirmedNotDuplicate',
          body: patientRegistrationSchema,
          response: { 201: patientDemographicsSchema, '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const created = await service.register(recordContext(request), request.body);
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/api/patients/:patientId/demographics',
      {
        config: { access: { resource: 'patient_demographics', action: 'read', patient: patientFromPath } },
        schema: {
          tags: ['patients'],
          summary:
            'Everything registration records about the patient (address, emergency contact, preferences)',
          params: patientParams,
          response: { 200: patientDemographicsSchema, '4xx': problemSchema },
        },
      },
      async (request) => service.demographics(recordContext(request), request.params.patientId),
    );

    app.patch(
      '/api/patients/:patientId',
      {
        config: { access: { resource: 'patient_demographics', action: 'update', patient: patientFromPath } },
        schema: {
          tags: ['patients'],
          summary: "Correct a patient's demographics; refused with 409 and the current record if stale",
          params: patientParams,
          body: patientDemographicsUpdateSchema,
          response: { 200: patientDemographicsSchema, '4xx': problemSchema },
        },
      },
      async (request) => service.update(recordContext(request), request.params.patientId, request.body),
    );
  };
}
