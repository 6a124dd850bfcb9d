import { DomainError } from '@tandem/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appendAuditEvents } from '../audit/repository.ts';
import type { Authenticator } from '../auth/authenticate.ts';
import { authRepository } from '../auth/repository.ts';
import type { DB } from '../db/schema.generated.ts';
import { auditActor, requirePrincipal, writeAuditEvent } from '../http/authorization.ts';
import { problemSchema } from '../http/problem.ts';
import { staffRepository } from './repository.ts';
import { staffMemberSchema } from './schemas.ts';

const staffMemberParams = z.object({ staffMemberId: z.uuid('Not a staff member id') });

/**
 * Deactivating a staff member (administrators): marked inactive, their membership of the organization ended, and
 * every session they have in it ended in the same transaction. This process forgets their cached sessions at
 * once; every other process stops accepting them when its cache entry runs out (TANDEM_SESSION_CACHE_SECONDS).
 */
export function staffDeactivationRoutes(options: {
  db: Kysely<DB>;
  authenticator: Authenticator;
}): FastifyPluginAsyncZod {
  const staff = staffRepository(options.db);
  const sessions = authRepository(options.db);
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
      async (request) => {
        const principal = requirePrincipal(request);
        const { staffMemberId } = request.params;
        if (principal.staffMemberId === staffMemberId) {
          throw new DomainError(
            'conflict',
            'You cannot deactivate your own account; ask another administrator.',
          );
        }
        const result = await options.db.transaction().execute(async (trx) => {
          const deactivated = await staff.deactivate(trx, principal.organizationId, staffMemberId);
          if (deactivated === undefined) throw new DomainError('not_found', 'No such staff member.');
          const ended =
            deactivated.userId === null
              ? 0
              : await sessions.deleteSessionsOfUser(trx, deactivated.userId, principal.organizationId);
          await appendAuditEvents(trx, principal.organizationId, [
            {
              ...writeAuditEvent(request, {
                resourceType: 'staff_member',
                resourceId: staffMemberId,
                fieldsChanged: deactivated.changed ? ['active'] : [],
              }),
              action: 'deactivate',
            },
            ...(deactivated.userId === null
              ? []
              : [
                  {
                    ...auditActor(request),
                    patientId: null,
                    action: 'revoke_sessions',
                    resourceType: 'session',
                    resourceId: deactivated.userId,
                    fieldsChanged: null,
                    outcome: 'allowed' as const,
                    reason: `staff member deactivated (${ended} sessions ended)`,
                  },
                ]),
          ]);
          return deactivated;
        });
        if (result.userId !== null) options.authenticator.forgetUser(result.userId);
        return result.staffMember;
      },
    );
  };
}
