import { roles } from '@tandem/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../http/authorization.ts';
import { problemSchema } from '../http/problem.ts';
import type { organizationRepository } from '../organizations/repository.ts';

const meSchema = z
  .object({
    user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    organization: z.object({
      id: z.string(),
      name: z.string(),
      isDemo: z.boolean(),
      timeZone: z
        .string()
        .meta({ description: "The program's IANA time zone: its calendar decides every date" }),
    }),
    role: z.enum(roles),
    staffMemberId: z.string().nullable(),
  })
  .meta({ id: 'Me' });

export function meRoutes(organizations: ReturnType<typeof organizationRepository>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/me',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user, their organization and role',
          response: { 200: meSchema, '4xx': problemSchema },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        const organization = await organizations.findById(principal.organizationId);
        return {
          user: { id: principal.userId, name: principal.name, email: principal.email },
          organization: {
            id: principal.organizationId,
            name: organization?.name ?? '',
            isDemo: organization?.isDemo ?? false,
            timeZone: organization?.timeZone ?? 'UTC',
          },
          role: principal.role,
          staffMemberId: principal.staffMemberId,
        };
      },
    );
  };
}
