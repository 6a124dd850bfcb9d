import type { IntakeItemKind } from '@tandem/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import type {
  EpisodeIntakeItem,
  IntakeChecklistItem,
  IntakeChecklistItemCreate,
  IntakeChecklistItemUpdate,
  OverdueIntakeItem,
} from './intake-schemas.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * What every organization's checklist starts with (the administrator changes it in the settings): the consents
 * signed and orientation on the first day, the assessments within three days, the treatment plan within seven.
 * Consents and orientation are administrative (any staff ticks them); assessments and the plan are clinical.
 * Tandem could later tick the first three itself from the record; for now staff tick them.
 */
export const defaultIntakeChecklist = [
  { key: 'consents_signed', label: 'Consents signed', dueWithinDays: 1, position: 0, kind: 'administrative' },
  { key: 'orientation', label: 'Program orientation', dueWithinDays: 1, position: 1, kind: 'administrative' },
  {
    key: 'assessments_done',
    label: 'Intake assessments done',
    dueWithinDays: 3,
    position: 2,
    kind: 'clinical',
  },
  { key: 'plan_written', label: 'Treatment plan written', dueWithinDays: 7, position: 3, kind: 'clinical' },
] as const;

const itemColumns = ['id', 'key', 'label', 'dueWithinDays', 'position', 'active', 'kind', 'version'] as const;

/** Today where the program is: checklists run by the program's calendar, not the server's. */
const programToday = sql<string>`(now() AT TIME ZONE o.time_zone)::date`;

/** The only SQL on the intake checklist. */
export function intakeRepository(db: Kysely<DB>) {
  return {
    /**
     * Gives an organization that has never had a checklist the default one. Idempotent and race-free (the
     * unique key); an organization that edited or deactivated its items is never re-seeded.
     */
    async ensureDefaults(organizationId: string, trx: Db = db): Promise<void> {
      const existing = await trx
        .selectFrom('intakeChecklistItems')
        .select('id')
        .where('organizationId', '=', organizationId)
        .limit(1)
        .executeTakeFirst();
      if (existing !== undefined) return;
      await trx
        .insertInto('intakeChecklistItems')
        .values(defaultIntakeChecklist.map((item) => ({ organizationId, ...item })))
        .onConflict((conflict) => conflict.columns(['organizationId', 'key']).doNothing())
        .execute();
    },

    async listItems(organizationId: string): Promise<IntakeChecklistItem[]> {
      return db
        .selectFrom('intakeChecklistItems')
        .select(itemColumns)
        .$narrowType<{ kind: IntakeItemKind }>()
        .where('organizationId', '=', organizationId)
        .orderBy('active', 'desc')
        .orderBy('position')
        .orderBy('label')
        .execute();
    },

    async findItem(organizationId: string, itemId: string, trx: Db = db) {
      return trx
        .selectFrom('intakeChecklistItems')
        .select(itemColumns)
        .$narrowType<{ kind: IntakeItemKind }>()
        .where('organizationId', '=', organizationId)
        .where('id', '=', itemId)
        .executeTakeFirst();
    },

    async insertItem(
      trx: Transaction<DB>,
      organizationId: string,
      item: Required<Omit<IntakeChecklistItemCreate, 'key'>> & { key: string },
    ): Promise<IntakeChecklistItem> {
      return trx
        .insertInto('intakeChecklistItems')
        .values({ organizationId, ...item })
        .returning(itemColumns)
        .$narrowType<{ kind: IntakeItemKind }>()
        .executeTakeFirstOrThrow();
    },

    async updateItem(
      trx: Transaction<DB>,
      organizationId: string,
      itemId: string,
      change: IntakeChecklistItemUpdate,
    ): Promise<IntakeChecklistItem | undefined> {
      const { version, ...fields } = change;
      return trx
        .updateTable('intakeChecklistItems')
        .set({ ...fields, version: sql<number>`version + 1`, updatedAt: sql<Date>`now()` })
        .where('organizationId', '=', organizationId)
        .where('id', '=', itemId)
        .where('version', '=', version)
        .returning(itemColumns)
        .$narrowType<{ kind: IntakeItemKind }>()
        .executeTakeFirst();
    },

    /**
     * The checklist of one episode: the organization's active items and any other item the episode ticked, each
     * with its due date (admission + days), whether it is done, and how many days overdue it is (active
     * episodes only, judged by today where the program is).
     */
    async episodeChecklist(organizationId: string, episodeId: string): Promise<EpisodeIntakeItem[]> {
      const { rows } = await sql<EpisodeIntakeItem>`
        SELECT i.id AS item_id, i.key, i.label, i.kind, i.due_within_days,
          to_char(e.admitted_on + i.due_within_days, 'YYYY-MM-DD') AS due_on,
          to_char(c.completed_on, 'YYYY-MM-DD') AS completed_on,
          u.name AS completed_by, c.note,
          CASE WHEN c.item_id IS NULL AND e.status = 'active'
            THEN greatest(${programToday} - (e.admitted_on + i.due_within_days), 0) ELSE 0 END AS days_overdue
        FROM episodes_of_care e
        JOIN organizations o ON o.id = e.organization_id
        JOIN intake_checklist_items i ON i.organization_id = e.organization_id
        LEFT JOIN episode_intake_completions c
          ON c.organization_id = e.organization_id AND c.episode_id = e.id AND c.item_id = i.id
        LEFT JOIN users u ON u.id = c.completed_by_user_id
        WHERE e.organization_id = ${organizationId}::uuid AND e.id = ${episodeId}::uuid
          AND (i.active OR c.item_id IS NOT NULL)
        ORDER BY i.position, i.label`.execute(db);
      return rows.map((row) => ({ ...row, daysOverdue: Number(row.daysOverdue) }));
    },

    /** How far each episode's checklist has come: items, done, overdue. */
    async summaries(
      organizationId: string,
      episodeIds: readonly string[],
    ): Promise<Map<string, { total: number; completed: number; overdue: number }>> {
      if (episodeIds.length === 0) return new Map();
      const { rows } = await sql<{ episodeId: string; total: number; completed: number; overdue: number }>`
        SELECT e.id AS episode_id, count(*)::int AS total, count(c.item_id)::int AS completed,
          count(*) FILTER (WHERE c.item_id IS NULL AND e.status = 'active'
            AND e.admitted_on + i.due_within_days < ${programToday})::int AS overdue
        FROM episodes_of_care e
        JOIN organizations o ON o.id = e.organization_id
        JOIN intake_checklist_items i ON i.organization_id = e.organization_id
        LEFT JOIN episode_intake_completions c
          ON c.organization_id = e.organization_id AND c.episode_id = e.id AND c.item_id = i.id
        WHERE e.organization_id = ${organizationId}::uuid
          AND e.id IN (${sql.join(episodeIds.map((id) => sql`${id}::uuid`))})
          AND (i.active OR c.item_id IS NOT NULL)
        GROUP BY e.id`.execute(db);
      return new Map(rows.map(({ episodeId, ...summary }) => [episodeId, summary]));
    },

    /** Ticks an item; ticking a ticked item again changes its date and note. */
    async complete(
      trx: Transaction<DB>,
      values: {
        organizationId: string;
        episodeId: string;
        itemId: string;
        completedOn: string;
        completedByUserId: string;
        note: string | null;
      },
    ): Promise<void> {
      await trx
        .insertInto('episodeIntakeCompletions')
        .values(values)
        .onConflict((conflict) =>
          conflict.columns(['organizationId', 'episodeId', 'itemId']).doUpdateSet({
            completedOn: values.completedOn,
            completedByUserId: values.completedByUserId,
            note: values.note,
          }),
        )
        .execute();
    },

    async uncomplete(
      trx: Transaction<DB>,
      organizationId: string,
      episodeId: string,
      itemId: string,
    ): Promise<boolean> {
      const result = await trx
        .deleteFrom('episodeIntakeCompletions')
        .where('organizationId', '=', organizationId)
        .where('episodeId', '=', episodeId)
        .where('itemId', '=', itemId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    /**
     * What is overdue across the organization's active episodes, most overdue first, the caller's own caseload
     * marked. Every staff role keeps the intake checklist, so the filter is the organization itself.
     */
    async overdue(organizationId: string, userId: string, limit: number): Promise<OverdueIntakeItem[]> {
      const { rows } = await sql<OverdueIntakeItem>`
        SELECT p.id AS patient_id, p.mrn,
          coalesce(p.preferred_name, p.legal_given_name) || ' ' || p.legal_family_name AS patient_name,
          e.id AS episode_id, i.id AS item_id, i.label AS item_label, i.kind AS item_kind,
          to_char(e.admitted_on + i.due_within_days, 'YYYY-MM-DD') AS due_on,
          (${programToday} - (e.admitted_on + i.due_within_days))::int AS days_overdue,
          EXISTS (SELECT FROM care_team_members ctm
            JOIN staff_members sm ON sm.organization_id = ctm.organization_id AND sm.id = ctm.staff_member_id
            WHERE ctm.organization_id = p.organization_id AND ctm.patient_id = p.id AND ctm.ended_at IS NULL
              AND sm.user_id = ${userId}::uuid) AS on_my_care_team
        FROM episodes_of_care e
        JOIN organizations o ON o.id = e.organization_id
        JOIN patients p ON p.organization_id = e.organization_id AND p.id = e.patient_id
        JOIN intake_checklist_items i ON i.organization_id = e.organization_id AND i.active
        WHERE e.organization_id = ${organizationId}::uuid AND e.status = 'active'
          AND e.admitted_on + i.due_within_days < ${programToday}
          AND NOT EXISTS (SELECT FROM episode_intake_completions c
            WHERE c.organization_id = e.organization_id AND c.episode_id = e.id AND c.item_id = i.id)
        ORDER BY on_my_care_team DESC, days_overdue DESC, p.legal_family_name, p.id, i.position
        LIMIT ${limit}`.execute(db);
      return rows;
    },
  };
}

export type IntakeRepository = ReturnType<typeof intakeRepository>;

/** Overdue checklist items that have no open alert yet, across one organization (the alert sweep raises them). */
export async function overdueIntakeWithoutAlert(trx: Db, organizationId: string, limit: number) {
  const { rows } = await sql<{
    patientId: string;
    episodeId: string;
    itemId: string;
    itemLabel: string;
    dueOn: string;
  }>`
    SELECT e.patient_id, e.id AS episode_id, i.id AS item_id, i.label AS item_label,
      to_char(e.admitted_on + i.due_within_days, 'YYYY-MM-DD') AS due_on
    FROM episodes_of_care e
    JOIN organizations o ON o.id = e.organization_id
    JOIN intake_checklist_items i ON i.organization_id = e.organization_id AND i.active
    WHERE e.organization_id = ${organizationId}::uuid AND e.status = 'active'
      AND e.admitted_on + i.due_within_days < ${programToday}
      AND NOT EXISTS (SELECT FROM episode_intake_completions c
        WHERE c.organization_id = e.organization_id AND c.episode_id = e.id AND c.item_id = i.id)
      AND NOT EXISTS (SELECT FROM alerts a
        WHERE a.organization_id = e.organization_id AND a.kind = 'intake_item_overdue'
          AND a.source_type = 'intake_item' AND a.source_key = e.id || ':' || i.id AND a.resolved_at IS NULL)
    ORDER BY e.admitted_on + i.due_within_days, e.id, i.position
    LIMIT ${limit}`.execute(trx);
  return rows;
}
