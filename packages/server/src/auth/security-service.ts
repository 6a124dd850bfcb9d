import { defineMessages } from '@formatjs/intl';
import { staffRoles } from '@tandem/core';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { staleVersion } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import type { AuthRepository } from './repository.ts';
import { securityChange } from './security-audit.ts';

const errors = defineMessages({
  policyChanged: {
    id: 'auth.errors.signInPolicyChanged',
    defaultMessage: 'Someone else changed the sign-in policy; review their change.',
  },
});

export interface SignInPolicy {
  twoFactorRequiredRoles: (typeof staffRoles)[number][];
  version: number;
}

function toPolicy(row: { twoFactorRequiredRoles: string[]; version: number }): SignInPolicy {
  return {
    twoFactorRequiredRoles: staffRoles.filter((role) => row.twoFactorRequiredRoles.includes(role)),
    version: row.version,
  };
}

/**
 * The signed-in person's own sessions and password, and the organization's sign-in policy: each change with its
 * audit event in one unit of work.
 */
export function accountSecurityService(records: RecordKernel, sessions: AuthRepository) {
  return {
    /** Sign out everywhere: ends every session of the person, this one included; returns how many. */
    revokeAllSessions(context: RecordContext): Promise<number> {
      const { userId } = context.principal;
      return records.write(context, async ({ trx, audit }) => {
        const count = await sessions.deleteSessionsOfUser(trx, userId);
        audit(
          securityChange({
            action: 'revoke_sessions',
            resourceType: 'session',
            resourceId: userId,
            outcome: 'allowed',
            reason: `signed out everywhere (${count} sessions)`,
          }),
        );
        return count;
      });
    },

    /** After a password change: whoever knew the old password is signed out everywhere else. */
    async endOtherSessionsAfterPasswordChange(context: RecordContext): Promise<void> {
      const { userId, sessionId } = context.principal;
      await records.write(context, async ({ trx, audit }) => {
        const ended = await sessions.deleteSessionsOfUser(trx, userId, undefined, sessionId);
        audit(
          securityChange({
            action: 'change_password',
            resourceType: 'user_account',
            resourceId: userId,
            outcome: 'allowed',
            fieldsChanged: ['password'],
            reason: `other sessions ended (${ended})`,
          }),
        );
      });
    },

    async signInPolicy(context: RecordContext): Promise<SignInPolicy | undefined> {
      const row = await sessions.signInPolicy(organizationOf(context));
      return row === undefined ? undefined : toPolicy(row);
    },

    /** Which staff roles must use two-step verification; refused as stale with the setting as it is now. */
    updateSignInPolicy(
      context: RecordContext,
      change: { twoFactorRequiredRoles: readonly string[]; version: number },
    ): Promise<SignInPolicy> {
      const organizationId = organizationOf(context);
      return records.write(context, async ({ trx, audit }) => {
        const row = await sessions.updateSignInPolicy(trx, organizationId, change);
        if (row === undefined) {
          staleVersion(errors.policyChanged, async () => {
            const current = await sessions.signInPolicy(organizationId);
            return current === undefined ? null : toPolicy(current);
          });
        }
        audit({
          resourceType: 'organization_settings',
          resourceId: organizationId,
          fieldsChanged: ['two_factor_required_roles'],
        });
        return toPolicy(row);
      });
    },
  };
}

export type AccountSecurityService = ReturnType<typeof accountSecurityService>;
