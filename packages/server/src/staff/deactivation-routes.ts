import { defineMessages } from '@formatjs/intl';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import type { StaffDeactivationService } from './deactivation-service.ts';
import { staffMemberSchema } from './schemas.ts';

const errors = defineMessages({
  notStaffMemberId: { id: 'staff.errors.notStaffMemberId', defaultMessage: 'Not a staff member id' },
});

const staffMemberParams = z.object({ staffMemberId: z.uuid(errors.notStaffMemberId.id) });

/** Deactivating a staff member (administrators): see staffDeactivationService. */
export function staffDeactivationRoutes(service: StaffDeactivationService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/staff/:staffMemberId/deactivate',
      {
        config: { access: { resource: 'staff_directory', action: 'update' } },
        schema: {
          tags: ['staff'],
          summary:
            'Deactivate a staff member (administrators): ends their access to the organization and signs them out everywhere in it',
          params: staffMemberParams,
          body: z.object({}).optional(),
          response: { 200: staffMemberSchema, '4xx': problemSchema },
        },
      },
      async (request) => service.deactivate(recordContext(request), request.params.staffMemberId),
    );
  };
}
