import { randomBytes } from 'node:crypto';
import { defineMessages } from '@formatjs/intl';
import { DomainError } from '@tandem/core';
import { type NoValues, withValues } from '../i18n/error-message.ts';
import type { LanguageRepository } from '../languages/repository.ts';
import { outboxRepository } from '../outbox/repository.ts';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { type PasswordResetMailInput, passwordResetMail } from './password-reset-mail.ts';
import type { AuthRepository } from './repository.ts';
import { membershipAudiences, type RequestOrigin, securityChange } from './security-audit.ts';
import { accountKey, ipKey } from './sign-in-throttle.ts';

const errors = defineMessages<{
  noSuchStaffMember: NoValues;
  noSignInYet: { name: string };
  inactive: { name: string };
}>({
  noSuchStaffMember: { id: 'auth.errors.noSuchStaffMember', defaultMessage: 'No such staff member.' },
  noSignInYet: {
    id: 'auth.errors.resetNoSignInYet',
    defaultMessage: '{name} has no sign-in yet: invite them instead.',
  },
  inactive: { id: 'auth.errors.resetInactive', defaultMessage: '{name} is inactive; reactivate them first.' },
});

export interface PasswordResetOptions {
  records: RecordKernel;
  accounts: AuthRepository;
  /** The mail is written in the account holder's language. */
  languages: LanguageRepository;
  /** Links point at `${publicUrl}/reset-password/${token}` (the web app's page). */
  publicUrl: string;
  /** Whether a mail server delivers the outbox (without one, a reset link waits there unsent). */
  mailConfigured: boolean;
  /** How long a link works (default 60 minutes). */
  validMinutes?: number;
}

/** The throttle keys of reset requests: their own counters, apart from failed sign-ins. */
export const resetKeys = (email: string, ip: string) => [`reset:${accountKey(email)}`, `reset:${ipKey(ip)}`];

/**
 * "Forgot password": a one-time link to choose a new password, mailed through the outbox. The token is stored the
 * way better-auth's own reset endpoint consumes it (auth/repository.ts), and the message, the token and the audit
 * event are one unit of work. Asking answers the same whether or not the account exists, and is counted per email
 * and per address like failed sign-ins (reset:account:…, reset:ip:…).
 */
export function passwordResetService(options: PasswordResetOptions) {
  const { records, accounts, languages } = options;
  const validMinutes = options.validMinutes ?? 60;
  const linkFor = (token: string) => `${options.publicUrl.replace(/\/$/, '')}/reset-password/${token}`;

  /** Stores a token for the account and queues its message, in the unit's transaction. */
  async function queueLink(
    trx: Parameters<AuthRepository['insertPasswordResetToken']>[0],
    account: { userId: string; email: string },
    organizationId: string,
    requestedBy: PasswordResetMailInput['requestedBy'],
    now: Date,
  ) {
    const token = randomBytes(32).toString('base64url');
    await accounts.insertPasswordResetToken(trx, {
      userId: account.userId,
      token,
      expiresAt: new Date(now.getTime() + validMinutes * 60_000),
    });
    const language = await languages.readerLanguage(trx, account.userId, organizationId);
    const message = passwordResetMail(language, { link: linkFor(token), validMinutes, requestedBy });
    await outboxRepository(trx).insert({
      organizationId,
      kind: 'password_reset',
      recipient: account.email.toLowerCase(),
      subject: message.subject,
      body: message.body,
      userId: account.userId,
    });
  }

  return {
    validMinutes,

    /**
     * Someone asks for a link for `email`. Returns when the asking is paused (too many requests for the email or
     * from the address), whether or not an account exists; otherwise queues the link if an active account has
     * this email, and audits the request in each organization the person belongs to.
     */
    async request(
      email: string,
      origin: RequestOrigin,
      now: Date,
    ): Promise<{ lockedUntil: Date } | undefined> {
      const keys = resetKeys(email, origin.ipAddress ?? 'unknown');
      const locks = await accounts.locks(keys, now);
      if (locks.length > 0) {
        return { lockedUntil: new Date(Math.max(...locks.map((lock) => lock.lockedUntil.getTime()))) };
      }
      const account = await accounts.accountOfEmail(email);
      const memberships = account === undefined ? [] : await accounts.membershipsOfUser(account.userId);
      // With no audience (no account, or no active membership) the counters still move, unaudited.
      await records.writeForAccount(membershipAudiences(memberships, origin), async ({ trx, audit }) => {
        for (const key of keys) await accounts.recordFailure(trx, key, now);
        const home = memberships[0];
        if (account === undefined || home === undefined) return;
        await queueLink(trx, account, home.organizationId, { kind: 'self' }, now);
        audit(
          securityChange({
            action: 'request_password_reset',
            resourceType: 'user_account',
            resourceId: account.userId,
            outcome: 'allowed',
            reason: 'asked for by email',
          }),
        );
      });
      return undefined;
    },

    /** An administrator sends a staff member a link (route policy: staff_directory update). */
    async sendToStaffMember(
      context: RecordContext,
      staffMemberId: string,
    ): Promise<{ recipient: string; mailServer: boolean }> {
      const organizationId = organizationOf(context);
      const recipient = await records.write(context, async ({ trx, audit }) => {
        const staff = await accounts.staffAccount(trx, organizationId, staffMemberId);
        if (staff === undefined) throw new DomainError('not_found', errors.noSuchStaffMember);
        if (staff.userId === null || staff.email === null) {
          throw new DomainError('conflict', withValues(errors.noSignInYet, { name: staff.displayName }));
        }
        if (!staff.active) {
          throw new DomainError('conflict', withValues(errors.inactive, { name: staff.displayName }));
        }
        const account = { userId: staff.userId, email: staff.email };
        await queueLink(
          trx,
          account,
          organizationId,
          { kind: 'administrator', name: context.principal.name },
          new Date(),
        );
        audit({
          action: 'request_password_reset',
          resourceType: 'staff_member',
          resourceId: staffMemberId,
          patientId: null,
          fieldsChanged: null,
          reason: 'sent by an administrator',
        });
        return account.email;
      });
      return { recipient, mailServer: options.mailConfigured };
    },

    /**
     * After better-auth set the new password (and ended every session of the account): the email's sign-in
     * lockout is lifted and the change is audited where the person belongs.
     */
    async completed(account: { userId: string; email: string }, origin: RequestOrigin): Promise<void> {
      const memberships = await accounts.membershipsOfUser(account.userId);
      await accounts.clearFailures(accountKey(account.email));
      await records.writeForAccount(membershipAudiences(memberships, origin), async ({ audit }) => {
        audit(
          securityChange({
            action: 'reset_password',
            resourceType: 'user_account',
            resourceId: account.userId,
            outcome: 'allowed',
            fieldsChanged: ['password'],
            reason: 'by a reset link; every session of the account ended',
          }),
        );
      });
    },
  };
}

export type PasswordResetService = ReturnType<typeof passwordResetService>;
