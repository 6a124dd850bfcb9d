import {
  type Action,
  type LocalDate,
  type PatientResource,
  type ProgramClock,
  programToday,
} from '@tandem/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import { appendAuditEvents, type NewAuditEvent } from '../audit/repository.ts';
import type { DB } from '../db/schema.generated.ts';
import { decideEachPatient, type EachPatientAccess } from './each-patient.ts';
import { readProgramClock } from './program-clock.ts';
import type { AccountAudience, RecordContext } from './record-context.ts';
import { type ConflictRules, Refusal, refusalForViolation } from './refusal.ts';

/** One change a unit of work audits. Action, patient and outcome default to what the access policy decided. */
export interface AuditedChange {
  resourceType: string;
  resourceId: string | null;
  fieldsChanged: readonly string[] | null;
  action?: NewAuditEvent['action'];
  patientId?: string | null;
  outcome?: NewAuditEvent['outcome'];
  reason?: string | null;
}

/** What the work of one change is handed: its transaction, the program clock and the audit it will commit. */
export interface UnitOfWork {
  readonly trx: Transaction<DB>;
  readonly context: RecordContext;
  readonly organizationId: string;
  /** The program clock, read once in this transaction. */
  clock(): Promise<ProgramClock>;
  /** The calendar date where the program is, by the same clock. */
  today(): Promise<LocalDate>;
  /** Records an audit event; all of them are appended in this transaction, just before it commits. */
  audit(change: AuditedChange): void;
  /**
   * Decides each of several patients under their own relationship (a group session's attendees: see
   * each-patient.ts). Every refusal is audited as denied, whether or not the unit then commits; what the work
   * does for an allowed patient it audits itself, naming the patient.
   */
  authorizeEach(
    patientIds: readonly string[],
    request: { resource: PatientResource; action: Action },
  ): Promise<EachPatientAccess>;
}

/** A person's own security event: nothing decided an access for it, so it names its action and outcome. */
export type AccountChange = AuditedChange & Required<Pick<AuditedChange, 'action' | 'outcome'>>;

/** What the work of an account's change is handed: its transaction and the audit it will commit. */
export interface AccountUnitOfWork {
  readonly trx: Transaction<DB>;
  /** Records an event for every audience of the unit; appended in this transaction, just before it commits. */
  audit(change: AccountChange): void;
  /**
   * Records an event in one organization the work found out only as it ran (an invitation's, once its link's
   * token is looked up), naming the actor there; appended in this transaction like the rest.
   */
  auditIn(audience: AccountAudience, change: AccountChange): void;
}

export interface WriteOptions {
  /** What each unique or exclusion constraint's violation means here (constraint name -> answer). */
  conflicts?: ConflictRules;
}

/** The audit event of one change, built from the request's context. */
export function auditEventOf(
  context: Pick<RecordContext, 'access' | 'actor'>,
  change: AuditedChange,
): NewAuditEvent {
  const access = context.access;
  const action = change.action ?? access?.action;
  if (action === undefined) throw new Error('An audited change outside a policy route must name its action');
  return {
    ...context.actor,
    patientId: change.patientId !== undefined ? change.patientId : (access?.patientId ?? null),
    action,
    resourceType: change.resourceType,
    resourceId: change.resourceId,
    fieldsChanged: change.fieldsChanged,
    outcome: change.outcome ?? (access?.basis === 'break_glass' ? 'break_glass' : 'allowed'),
    reason: change.reason ?? null,
  };
}

/** The unit a work is handed: its transaction, the program clock read once in it, and where its audit goes. */
function unitOfWork(
  trx: Transaction<DB>,
  context: RecordContext,
  audit: (change: AuditedChange) => void,
  denials: NewAuditEvent[],
): UnitOfWork {
  const organizationId = context.principal.organizationId;
  let clock: Promise<ProgramClock> | undefined;
  const unit: UnitOfWork = {
    trx,
    context,
    organizationId,
    clock: () => {
      clock ??= readProgramClock(trx, organizationId);
      return clock;
    },
    today: async () => programToday(await unit.clock()),
    audit,
    authorizeEach: async (patientIds, request) => {
      const decided = await decideEachPatient(trx, context, patientIds, request, (await unit.clock()).now);
      for (const [patientId, reason] of decided.refused) {
        denials.push(
          auditEventOf(context, {
            action: request.action,
            resourceType: request.resource,
            resourceId: null,
            fieldsChanged: null,
            patientId,
            outcome: 'denied',
            reason,
          }),
        );
      }
      return decided;
    },
  };
  return unit;
}

/** Appends, after a rollback, the refusals a failed unit had decided: they stay in the trail. */
async function auditDenialsAfterRollback(
  db: Kysely<DB>,
  context: RecordContext,
  denied: readonly NewAuditEvent[],
): Promise<void> {
  if (denied.length === 0) return;
  await db.transaction().execute((trx) => appendAuditEvents(trx, context.principal.organizationId, denied));
  if (context.access !== null) context.access.audited = true;
}

/**
 * The record kernel's one write path. `write` opens the transaction, runs the change, appends its audit events in
 * the same transaction (the change and its trail commit or vanish together), and turns what the change refused
 * (a Refusal: a stale version, a state that forbids it) and the constraint violations it names into domain errors
 * answered with the record as it is after the rollback. Services never open transactions; repositories take the
 * unit's transaction.
 */
export function recordKernel(db: Kysely<DB>) {
  async function write<T>(
    context: RecordContext,
    work: (unit: UnitOfWork) => Promise<T>,
    options: WriteOptions = {},
  ): Promise<T> {
    const organizationId = context.principal.organizationId;
    const denials: NewAuditEvent[] = [];
    try {
      return await db.transaction().execute(async (trx) => {
        const events: NewAuditEvent[] = [];
        denials.length = 0;
        const unit = unitOfWork(
          trx,
          context,
          (change) => events.push(auditEventOf(context, change)),
          denials,
        );
        const result = await work(unit);
        await appendAuditEvents(trx, organizationId, [...denials, ...events]);
        if (context.access !== null && events.length + denials.length > 0) context.access.audited = true;
        return result;
      });
    } catch (error) {
      const refusal = error instanceof Refusal ? error : refusalForViolation(error, options.conflicts ?? {});
      // What the policy refused stays in the trail although the work rolled back; so does an attempt the
      // record's own rules denied the person.
      const attempt = refusal?.deniedAttempt;
      await auditDenialsAfterRollback(db, context, [
        ...denials,
        ...(attempt === undefined || refusal === undefined
          ? []
          : [
              auditEventOf(context, {
                ...attempt,
                outcome: 'denied',
                reason: attempt.reason ?? refusal.message,
              }),
            ]),
      ]);
      if (refusal === undefined) throw error;
      throw await refusal.answer();
    }
  }

  /**
   * An audited unit of work for a person who has no principal yet (a sign-in, a failed one, a lockout): each
   * event is recorded in every organization of `audiences`, naming the person's role there, in the same
   * transaction as the work (with no audience the work still runs, unaudited: an unknown email).
   */
  async function writeForAccount<T>(
    audiences: readonly AccountAudience[],
    work: (unit: AccountUnitOfWork) => Promise<T>,
  ): Promise<T> {
    return db.transaction().execute(async (trx) => {
      const changes: AccountChange[] = [];
      const foundOut: { audience: AccountAudience; change: AccountChange }[] = [];
      const result = await work({
        trx,
        audit: (change) => changes.push(change),
        auditIn: (audience, change) => foundOut.push({ audience, change }),
      });
      const eventsByOrganization = new Map<string, NewAuditEvent[]>();
      const add = (organizationId: string, event: NewAuditEvent) =>
        eventsByOrganization.set(organizationId, [
          ...(eventsByOrganization.get(organizationId) ?? []),
          event,
        ]);
      for (const { organizationId, actor } of audiences) {
        for (const change of changes) add(organizationId, auditEventOf({ access: null, actor }, change));
      }
      for (const { audience, change } of foundOut) {
        add(audience.organizationId, auditEventOf({ access: null, actor: audience.actor }, change));
      }
      for (const [organizationId, events] of eventsByOrganization) {
        await appendAuditEvents(trx, organizationId, events);
      }
      return result;
    });
  }

  /**
   * The record kernel's read path. The work runs in a transaction that the database holds read-only (a savepoint
   * set READ ONLY: a write in it fails), so that a read can never change the record; once it is done, the read
   * events it audited are appended in the same transaction, which commits before the answer leaves (ADR 0003:
   * a read is in the trail before the response). A list read that the authorization hook audits per patient
   * (RequestAccess.listed) audits nothing here.
   */
  async function read<T>(context: RecordContext, work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    const organizationId = context.principal.organizationId;
    const denials: NewAuditEvent[] = [];
    try {
      return await db.transaction().execute(async (trx) => {
        const events: NewAuditEvent[] = [];
        denials.length = 0;
        const unit = unitOfWork(
          trx,
          context,
          (change) => events.push(auditEventOf(context, { action: 'read', ...change })),
          denials,
        );
        // PostgreSQL restores the transaction's read-write mode when the savepoint is released.
        await sql`SAVEPOINT record_read`.execute(trx);
        await sql`SET TRANSACTION READ ONLY`.execute(trx);
        const result = await work(unit);
        await sql`RELEASE SAVEPOINT record_read`.execute(trx);
        await appendAuditEvents(trx, organizationId, [...denials, ...events]);
        if (context.access !== null && events.length + denials.length > 0) context.access.audited = true;
        return result;
      });
    } catch (error) {
      await auditDenialsAfterRollback(db, context, denials);
      throw error;
    }
  }

  return {
    db,
    write,
    read,
    writeForAccount,
    /** The program clock for a read outside any unit of work. */
    clock: (context: RecordContext): Promise<ProgramClock> =>
      readProgramClock(db, context.principal.organizationId),
  };
}

export type RecordKernel = ReturnType<typeof recordKernel>;
