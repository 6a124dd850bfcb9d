import type { Role, UiLanguage } from '@tandem/core';
import type { InvitationKind } from '@tandem/core/invitations/invitation';
import { type Kysely, sql } from 'kysely';
import { careTeamPatientIds } from '../access/patient-relationship.ts';
import type { DB } from '../db/schema.generated.ts';
import { inviteeRepository } from './invitee-repository.ts';

/** An invitation as stored, with the names the lists and the link's page show. */
export interface InvitationRow {
  organizationId: string;
  id: string;
  kind: InvitationKind;
  email: string;
  role: Role;
  staffMemberId: string | null;
  patientId: string | null;
  supportContactId: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  version: number;
  /** What it was written in; the new sign-in starts in it. */
  language: UiLanguage;
  inviteeName: string;
  createdByName: string;
}

export interface NewInvitation {
  organizationId: string;
  kind: InvitationKind;
  email: string;
  role: Role;
  staffMemberId: string | null;
  patientId: string | null;
  supportContactId: string | null;
  tokenHash: string;
  createdByUserId: string;
  /** What the invitation is written in, and the language the new sign-in starts in. */
  language: UiLanguage;
}

export interface InvitationTarget {
  kind: InvitationKind;
  staffMemberId: string | null;
  patientId: string | null;
  supportContactId: string | null;
}

/**
 * Which open invitations a caller may see: staff ones if they manage staff, patients' ones through the care team
 * (a supervisor's through the team members they supervise).
 */
export interface InvitationVisibility {
  organizationId: string;
  userId: string;
  seesStaffInvitations: boolean;
  patientId?: string;
}

export function invitationRepository(db: Kysely<DB>) {
  function selectInvitations() {
    return db
      .selectFrom('invitations as i')
      .leftJoin('staffMembers as sm', (join) =>
        join.onRef('sm.organizationId', '=', 'i.organizationId').onRef('sm.id', '=', 'i.staffMemberId'),
      )
      .leftJoin('patients as p', (join) =>
        join.onRef('p.organizationId', '=', 'i.organizationId').onRef('p.id', '=', 'i.patientId'),
      )
      .leftJoin('supportContacts as sc', (join) =>
        join.onRef('sc.organizationId', '=', 'i.organizationId').onRef('sc.id', '=', 'i.supportContactId'),
      )
      .innerJoin('users as creator', 'creator.id', 'i.createdByUserId')
      .leftJoin('staffMembers as creatorStaff', (join) =>
        join
          .onRef('creatorStaff.organizationId', '=', 'i.organizationId')
          .onRef('creatorStaff.userId', '=', 'i.createdByUserId'),
      )
      .select([
        'i.organizationId',
        'i.id',
        'i.kind',
        'i.email',
        'i.role',
        'i.staffMemberId',
        'i.patientId',
        'i.supportContactId',
        'i.expiresAt',
        'i.acceptedAt',
        'i.revokedAt',
        'i.createdAt',
        'i.version',
        'i.language',
      ])
      .select(
        sql<string>`coalesce(sm.display_name, sc.name,
          coalesce(p.preferred_name, p.legal_given_name) || ' ' || p.legal_family_name, i.email)`.as(
          'inviteeName',
        ),
      )
      .select(sql<string>`coalesce(creator_staff.display_name, creator.name)`.as('createdByName'));
  }

  const toRow = (row: Record<string, unknown>) => row as unknown as InvitationRow;

  return {
    ...inviteeRepository(db),
    /** Closes the person's open invitation, if any, before a new one is made; returns the ones closed. */
    async revokeOpenFor(
      organizationId: string,
      target: InvitationTarget,
      revokedByUserId: string,
    ): Promise<{ id: string; patientId: string | null }[]> {
      let query = db
        .updateTable('invitations')
        .set({
          revokedAt: sql<Date>`now()`,
          revokedByUserId,
          updatedAt: sql<Date>`now()`,
          version: sql<number>`version + 1`,
        })
        .where('organizationId', '=', organizationId)
        .where('kind', '=', target.kind)
        .where('acceptedAt', 'is', null)
        .where('revokedAt', 'is', null);
      if (target.kind === 'staff') query = query.where('staffMemberId', '=', target.staffMemberId);
      else if (target.kind === 'patient') query = query.where('patientId', '=', target.patientId);
      else query = query.where('supportContactId', '=', target.supportContactId);
      return query.returning(['id', 'patientId']).execute();
    },

    async insert(invitation: NewInvitation): Promise<{ id: string; expiresAt: Date }> {
      return db
        .insertInto('invitations')
        .values(invitation)
        .returning(['id', 'expiresAt'])
        .executeTakeFirstOrThrow();
    },

    async findById(organizationId: string, invitationId: string): Promise<InvitationRow | undefined> {
      const row = await selectInvitations()
        .where('i.organizationId', '=', organizationId)
        .where('i.id', '=', invitationId)
        .executeTakeFirst();
      return row === undefined ? undefined : toRow(row);
    },

    /** The invitation a link's token opens, in any organization; locked when `forUpdate`. */
    async findByTokenHash(
      tokenHash: string,
      options: { forUpdate: boolean },
    ): Promise<InvitationRow | undefined> {
      let query = selectInvitations().where('i.tokenHash', '=', tokenHash);
      if (options.forUpdate) query = query.forUpdate('i');
      const row = await query.executeTakeFirst();
      return row === undefined ? undefined : toRow(row);
    },

    /** Open (not accepted, not revoked) invitations the caller may see, newest first; filtered in SQL. */
    async listOpen(visibility: InvitationVisibility): Promise<InvitationRow[]> {
      let query = selectInvitations()
        .where('i.organizationId', '=', visibility.organizationId)
        .where('i.acceptedAt', 'is', null)
        .where('i.revokedAt', 'is', null)
        .where((eb) => {
          // The care_team scope of the portal invitations' list (decidePatientList), supervision included.
          const onCareTeam = sql<boolean>`i.patient_id IN (${careTeamPatientIds(visibility.organizationId, visibility.userId)})`;
          const branches = [eb.and([eb('i.kind', '!=', 'staff'), onCareTeam])];
          if (visibility.seesStaffInvitations) branches.push(eb('i.kind', '=', 'staff'));
          return eb.or(branches);
        });
      if (visibility.patientId !== undefined) query = query.where('i.patientId', '=', visibility.patientId);
      const rows = await query.orderBy('i.createdAt', 'desc').orderBy('i.id', 'desc').execute();
      return rows.map(toRow);
    },

    /** Revokes if still open and unchanged since `version`; undefined means stale, closed or gone. */
    async revoke(
      organizationId: string,
      invitationId: string,
      version: number,
      revokedByUserId: string,
    ): Promise<boolean> {
      const row = await db
        .updateTable('invitations')
        .set({
          revokedAt: sql<Date>`now()`,
          revokedByUserId,
          updatedAt: sql<Date>`now()`,
          version: sql<number>`version + 1`,
        })
        .where('organizationId', '=', organizationId)
        .where('id', '=', invitationId)
        .where('version', '=', version)
        .where('acceptedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async markAccepted(organizationId: string, invitationId: string, userId: string): Promise<void> {
      await db
        .updateTable('invitations')
        .set({
          acceptedAt: sql<Date>`now()`,
          acceptedUserId: userId,
          updatedAt: sql<Date>`now()`,
          version: sql<number>`version + 1`,
        })
        .where('organizationId', '=', organizationId)
        .where('id', '=', invitationId)
        .execute();
    },
  };
}

export type InvitationRepository = ReturnType<typeof invitationRepository>;
