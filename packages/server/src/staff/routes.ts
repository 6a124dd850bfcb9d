import { defineMessages } from '@formatjs/intl';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import { staffMemberSchema, staffMemberUpdateSchema } from './schemas.ts';
import type { StaffService } from './service.ts';

const errors = defineMessages({
  notStaffMemberId: { id: 'staff.errors.notStaffMemberId', defaultMessage: 'Not a staff member id' },
});

const staffMemberParams = z.object({ staffMemberId: z.uuid(errors.notStaffMemberId.id) });

/** GET /api/staff/:staffMemberId's schema (the policy-overhead benchmark's twin route declares it too). */
export const readStaffMemberSchema = {
  tags: ['staff'],
  summary: 'Read one staff member',
  params: staffMemberParams,
  response: { 200: staffMemberSchema, '4xx': problemSchema },
};

export function staffRoutes(service: StaffService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/staff',
      {
        config: { access: { resource: 'staff_directory', action: 'read' } },
        schema: {
          tags: ['staff'],
          summary: "List the organization's staff members",
          response: { 200: z.object({ items: z.array(staffMemberSchema) }), '4xx': problemSchema },
        },
      },
      async (request) => ({ items: await service.list(recordContext(request)) }),
    );

    app.get(
      '/api/staff/:staffMemberId',
      {
        config: { access: { resource: 'staff_directory', action: 'read' } },
        schema: readStaffMemberSchema,
      },
      async (request) => service.get(recordContext(request), request.params.staffMemberId),
    );

    app.patch(
      '/api/staff/:staffMemberId',
      {
        config: { access: { resource: 'staff_directory', action: 'update' } },
        schema: {
          tags: ['staff'],
          summary: 'Change a staff member (administrators); refused with 409 and the current record if stale',
          params: staffMemberParams,
          body: staffMemberUpdateSchema,
          response: { 200: staffMemberSchema, '4xx': problemSchema },
        },
      },
      async (request) => service.update(recordContext(request), request.params.staffMemberId, request.body),
    );
  };
}
