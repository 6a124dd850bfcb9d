import {
  type AlertKind,
  type AlertRecipient,
  type AlertSeverity,
  type CareTeamRole,
  matchUiLanguage,
  type RoutingFacts,
  type UiLanguage,
} from '@tandem/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export interface NewAlert {
  organizationId: string;
  patientId: string | null;
  kind: AlertKind;
  severity: AlertSeverity;
  summary: string;
  sourceType: string;
  sourceKey: string;
  raisedByUserId: string | null;
}

function alertsQuery(db: Executor, organizationId: string) {
  return db
    .selectFrom('alerts as a')
    .leftJoin('patients as p', (join) =>
      join.onRef('p.organizationId', '=', 'a.organizationId').onRef('p.id', '=', 'a.patientId'),
    )
    .leftJoin('users as ack', 'ack.id', 'a.acknowledgedByUserId')
    .leftJoin('users as res', 'res.id', 'a.resolvedByUserId')
    .select([
      'a.id',
      'a.patientId',
      sql<string | null>`coalesce(p.preferred_name, p.legal_given_name) || ' ' || p.legal_family_name`.as(
        'patientName',
      ),
      'p.mrn as patientMrn',
      'a.kind',
      'a.severity',
      'a.summary',
      'a.sourceType',
      'a.sourceKey',
      'a.raisedAt',
      'a.acknowledgedAt',
      'ack.name as acknowledgedByName',
      'a.resolvedAt',
      'res.name as resolvedByName',
      'a.resolution',
      'a.escalatedAt',
      'a.version',
    ])
    .where('a.organizationId', '=', organizationId);
}

export type AlertRow = Awaited<ReturnType<ReturnType<typeof alertsQuery>['execute']>>[number];

/** The only SQL on alerts. Alerts and their recipients are never deleted (migration 0016's triggers). */
export function alertRepository(db: Kysely<DB>) {
  return {
    db,

    /** Who could receive an alert about `patientId` (or about no patient): active staff with a sign-in. */
    async routingFacts(
      trx: Executor,
      organizationId: string,
      patientId: string | null,
    ): Promise<RoutingFacts> {
      const careTeam =
        patientId === null
          ? []
          : await trx
              .selectFrom('careTeamMembers as ctm')
              .innerJoin('staffMembers as sm', (join) =>
                join
                  .onRef('sm.organizationId', '=', 'ctm.organizationId')
                  .onRef('sm.id', '=', 'ctm.staffMemberId'),
              )
              .innerJoin('memberships as m', (join) =>
                join.onRef('m.organizationId', '=', 'sm.organizationId').onRef('m.userId', '=', 'sm.userId'),
              )
              .select(['sm.userId', 'ctm.role'])
              .where('ctm.organizationId', '=', organizationId)
              .where('ctm.patientId', '=', patientId)
              .where('ctm.endedAt', 'is', null)
              .where('sm.active', '=', true)
              .where('m.deactivatedAt', 'is', null)
              .orderBy('ctm.startedAt')
              .execute();
      const byRole = await trx
        .selectFrom('memberships')
        .select(['userId', 'role'])
        .where('organizationId', '=', organizationId)
        .where('role', 'in', ['supervisor', 'admin'])
        .where('deactivatedAt', 'is', null)
        .orderBy('createdAt')
        .orderBy('userId')
        .execute();
      // The active supervisors of the patient's current primary therapist (clinical supervision).
      const primaryTherapistSupervisors =
        patientId === null
          ? []
          : await trx
              .selectFrom('careTeamMembers as ctm')
              .innerJoin('supervisions as s', (join) =>
                join
                  .onRef('s.organizationId', '=', 'ctm.organizationId')
                  .onRef('s.superviseeStaffMemberId', '=', 'ctm.staffMemberId'),
              )
              .innerJoin('staffMembers as sup', (join) =>
                join
                  .onRef('sup.organizationId', '=', 's.organizationId')
                  .onRef('sup.id', '=', 's.supervisorStaffMemberId'),
              )
              .innerJoin('memberships as m', (join) =>
                join
                  .onRef('m.organizationId', '=', 'sup.organizationId')
                  .onRef('m.userId', '=', 'sup.userId'),
              )
              .select('sup.userId')
              .where('ctm.organizationId', '=', organizationId)
              .where('ctm.patientId', '=', patientId)
              .where('ctm.role', '=', 'primary_therapist')
              .where('ctm.endedAt', 'is', null)
              .where('s.endedAt', 'is', null)
              .where('sup.active', '=', true)
              .where('m.role', '=', 'supervisor')
              .where('m.deactivatedAt', 'is', null)
              .orderBy('s.startedAt')
              .execute();
      // Whoever the on-duty roster has on duty now, with a sign-in that still works.
      const onDuty = await trx
        .selectFrom('onDutyShifts as d')
        .innerJoin('staffMembers as sm', (join) =>
          join.onRef('sm.organizationId', '=', 'd.organizationId').onRef('sm.id', '=', 'd.staffMemberId'),
        )
        .innerJoin('memberships as m', (join) =>
          join.onRef('m.organizationId', '=', 'sm.organizationId').onRef('m.userId', '=', 'sm.userId'),
        )
        .select('sm.userId')
        .where('d.organizationId', '=', organizationId)
        .where(sql<boolean>`d.on_duty @> now()`)
        .where('sm.active', '=', true)
        .where('m.deactivatedAt', 'is', null)
        .orderBy('d.startsAt')
        .orderBy('d.id')
        .execute();
      const users = (rows: readonly { userId: string | null }[]) => [
        ...new Set(rows.flatMap((row) => (row.userId === null ? [] : [row.userId]))),
      ];
      return {
        primaryTherapistSupervisors: users(primaryTherapistSupervisors),
        onDuty: users(onDuty),
        careTeam: careTeam.flatMap((member) =>
          member.userId === null ? [] : [{ userId: member.userId, place: member.role as CareTeamRole }],
        ),
        supervisors: byRole.filter((row) => row.role === 'supervisor').map((row) => row.userId),
        administrators: byRole.filter((row) => row.role === 'admin').map((row) => row.userId),
      };
    },

    /** The open alert of this kind and source, if one exists (raising again adds nothing). */
    async openAlertId(
      trx: Executor,
      alert: Pick<NewAlert, 'organizationId' | 'kind' | 'sourceType' | 'sourceKey'>,
    ) {
      const row = await trx
        .selectFrom('alerts')
        .select('id')
        .where('organizationId', '=', alert.organizationId)
        .where('kind', '=', alert.kind)
        .where('sourceType', '=', alert.sourceType)
        .where('sourceKey', '=', alert.sourceKey)
        .where('resolvedAt', 'is', null)
        .executeTakeFirst();
      return row?.id;
    },

    /**
     * Resolves the open alert of this kind and source with what was done, in the unit of work that did it (the
     * review recorded, the intake item completed). Returns its id and patient, or undefined when none was open.
     */
    async resolveOpenFromSource(
      trx: Transaction<DB>,
      alert: Pick<NewAlert, 'organizationId' | 'kind' | 'sourceType' | 'sourceKey'>,
      resolution: { userId: string; text: string },
    ): Promise<{ id: string; patientId: string | null } | undefined> {
      // The resolver acknowledges what nobody had acknowledged yet.
      const resolver = resolution.userId;
      return trx
        .updateTable('alerts')
        .set({
          acknowledgedAt: sql<Date>`coalesce(acknowledged_at, now())`,
          acknowledgedByUserId: sql<string>`coalesce(acknowledged_by_user_id, ${resolver}::uuid)`,
          resolvedAt: sql<Date>`now()`,
          resolvedByUserId: resolver,
          resolution: resolution.text,
          version: sql<number>`version + 1`,
        })
        .where('organizationId', '=', alert.organizationId)
        .where('kind', '=', alert.kind)
        .where('sourceType', '=', alert.sourceType)
        .where('sourceKey', '=', alert.sourceKey)
        .where('resolvedAt', 'is', null)
        .returning(['id', 'patientId'])
        .executeTakeFirst();
    },

    async insertAlert(trx: Transaction<DB>, alert: NewAlert): Promise<string> {
      const row = await trx.insertInto('alerts').values(alert).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    async insertRecipients(
      trx: Transaction<DB>,
      organizationId: string,
      alertId: string,
      recipients: readonly AlertRecipient[],
    ): Promise<void> {
      if (recipients.length === 0) return;
      await trx
        .insertInto('alertRecipients')
        .values(recipients.map(({ userId, reason }) => ({ organizationId, alertId, userId, reason })))
        .execute();
    },

    /** One message per recipient, saying only that an alert waits in Tandem (messages may leave the program). */
    async queueMessages(
      trx: Transaction<DB>,
      organizationId: string,
      alertId: string,
      userIds: readonly string[],
      messageIn: (language: UiLanguage) => { subject: string; body: string },
    ): Promise<void> {
      if (userIds.length === 0) return;
      // Each recipient reads it in their own language (their choice, else the program's).
      const users = await trx
        .selectFrom('users')
        .innerJoin('organizations', (join) => join.on('organizations.id', '=', organizationId))
        .select(['users.id', 'users.email', 'users.language', 'organizations.defaultLanguage'])
        .where('users.id', 'in', userIds)
        .execute();
      if (users.length === 0) return;
      await trx
        .insertInto('outboxMessages')
        .values(
          users.map((user) => {
            const message = messageIn(matchUiLanguage([user.language, user.defaultLanguage]));
            return {
              organizationId,
              kind: 'alert',
              recipient: user.email.toLowerCase(),
              subject: message.subject,
              body: message.body,
              alertId,
            };
          }),
        )
        .execute();
    },

    async recipientIds(executor: Executor, organizationId: string, alertId: string): Promise<string[]> {
      const rows = await executor
        .selectFrom('alertRecipients')
        .select('userId')
        .where('organizationId', '=', organizationId)
        .where('alertId', '=', alertId)
        .execute();
      return rows.map((row) => row.userId);
    },

    /** The alerts routed to `userId`: the unresolved ones, most urgent and oldest first. */
    async openFor(executor: Executor, organizationId: string, userId: string): Promise<AlertRow[]> {
      return alertsQuery(executor, organizationId)
        .where('a.resolvedAt', 'is', null)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('alertRecipients as r')
              .select(sql`1`.as('one'))
              .whereRef('r.organizationId', '=', 'a.organizationId')
              .whereRef('r.alertId', '=', 'a.id')
              .where('r.userId', '=', userId),
          ),
        )
        .orderBy(sql`case a.severity when 'urgent' then 0 when 'high' then 1 else 2 end`)
        .orderBy('a.raisedAt')
        .execute();
    },

    /** One alert, only if it was routed to `userId`. */
    async oneFor(executor: Executor, organizationId: string, alertId: string, userId: string) {
      return alertsQuery(executor, organizationId)
        .where('a.id', '=', alertId)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('alertRecipients as r')
              .select(sql`1`.as('one'))
              .whereRef('r.organizationId', '=', 'a.organizationId')
              .whereRef('r.alertId', '=', 'a.id')
              .where('r.userId', '=', userId),
          ),
        )
        .executeTakeFirst();
    },

    async acknowledge(
      trx: Transaction<DB>,
      organizationId: string,
      alertId: string,
      version: number,
      userId: string,
    ) {
      const row = await trx
        .updateTable('alerts')
        .set({
          acknowledgedAt: sql<Date>`now()`,
          acknowledgedByUserId: userId,
          version: sql<number>`version + 1`,
        })
        .where('organizationId', '=', organizationId)
        .where('id', '=', alertId)
        .where('version', '=', version)
        .where('acknowledgedAt', 'is', null)
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Resolves with what was done; an alert nobody acknowledged yet is acknowledged by the resolver. */
    async resolve(
      trx: Transaction<DB>,
      organizationId: string,
      alertId: string,
      version: number,
      userId: string,
      resolution: string,
    ) {
      const row = await trx
        .updateTable('alerts')
        .set({
          acknowledgedAt: sql<Date>`coalesce(acknowledged_at, now())`,
          acknowledgedByUserId: sql<string>`coalesce(acknowledged_by_user_id, ${userId}::uuid)`,
          resolvedAt: sql<Date>`now()`,
          resolvedByUserId: userId,
          resolution,
          version: sql<number>`version + 1`,
        })
        .where('organizationId', '=', organizationId)
        .where('id', '=', alertId)
        .where('version', '=', version)
        .where('resolvedAt', 'is', null)
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Open alerts nobody acknowledged within the organization's time, locked for this escalation; another
     * process escalating at the same moment skips them.
     */
    async dueForEscalation(trx: Transaction<DB>, organizationId: string, limit: number) {
      return trx
        .selectFrom('alerts as a')
        .innerJoin('organizations as o', 'o.id', 'a.organizationId')
        .select([
          'a.id',
          'a.patientId',
          'a.kind',
          'a.raisedByUserId',
          'a.raisedAt',
          'a.acknowledgedAt',
          'a.resolvedAt',
          'a.escalatedAt',
          'o.alertEscalationMinutes',
        ])
        .where('a.organizationId', '=', organizationId)
        .where('a.acknowledgedAt', 'is', null)
        .where('a.escalatedAt', 'is', null)
        .where(sql<boolean>`a.raised_at + make_interval(mins => o.alert_escalation_minutes) <= now()`)
        .orderBy('a.raisedAt')
        .limit(limit)
        .forUpdate('a')
        .skipLocked()
        .execute();
    },

    async markEscalated(trx: Transaction<DB>, organizationId: string, alertId: string): Promise<void> {
      await trx
        .updateTable('alerts')
        .set({ escalatedAt: sql<Date>`now()`, version: sql<number>`version + 1` })
        .where('organizationId', '=', organizationId)
        .where('id', '=', alertId)
        .execute();
    },

    /** Every organization, for the alert sweep. */
    async organizationIds(executor: Executor): Promise<string[]> {
      const rows = await executor.selectFrom('organizations').select('id').orderBy('id').execute();
      return rows.map((row) => row.id);
    },
  };
}

export type AlertRepository = ReturnType<typeof alertRepository>;
