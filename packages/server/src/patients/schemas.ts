import { defineMessages } from '@formatjs/intl';
import { asamEditions, careSettings, careTeamRoles, isAsamLevel, patientStatuses } from '@tandem/core';
import { z } from 'zod';

const errors = defineMessages({
  notStaffMemberId: { id: 'patients.errors.notStaffMemberId', defaultMessage: 'Not a staff member id' },
  onlyMine: { id: 'patients.errors.onlyMine', defaultMessage: 'Only "mine" filters by care team' },
  atLeast: { id: 'patients.errors.atLeast', defaultMessage: 'At least {minimum}' },
  atMost: { id: 'patients.errors.atMost', defaultMessage: 'At most {maximum}' },
  listDepth: {
    id: 'patients.errors.listDepth',
    defaultMessage: 'Lists go {depth, number} patients deep: search or filter to narrow them',
  },
  sayAsamEdition: {
    id: 'patients.errors.sayAsamEdition',
    defaultMessage: 'Say which ASAM edition the level is of',
  },
  notAsamLevel: {
    id: 'patients.errors.notAsamLevel',
    defaultMessage: 'Not a level of care of the ASAM {edition, select, third {3rd} other {4th}} edition',
  },
  searchTooLong: {
    id: 'patients.errors.searchTooLong',
    defaultMessage: 'Search with at most {maximum} characters',
  },
  sayWhyEmergency: {
    id: 'patients.errors.sayWhyEmergency',
    defaultMessage: 'Say in a sentence why this is an emergency (at least {minimum} characters)',
  },
  reasonTooLong: {
    id: 'patients.errors.reasonTooLong',
    defaultMessage: 'Keep the reason under {maximum} characters',
  },
});

/**
 * A row of the patient list. Each part is present only when the caller may read the part of the record it
 * comes from (decidePatientListRow): who the patient is needs their demographics, the current episode the
 * episode of care, the primary therapist the care team. A part the caller may read but the record lacks is null.
 */
export const patientSummarySchema = z
  .object({
    id: z.uuid(),
    /**
     * The name the patient goes by (preferred name, else legal given name), on every row: a support contact, who
     * reads no demographics, tells the patients sharing with them apart by it.
     */
    name: z.string(),
    mrn: z.string().optional(),
    legalGivenName: z.string().optional(),
    legalFamilyName: z.string().optional(),
    preferredName: z.string().nullable().optional(),
    dateOfBirth: z.iso.date().optional(),
    status: z.enum(patientStatuses).optional(),
    /** The caller holds a current place on this patient's care team. */
    onMyCareTeam: z.boolean(),
    /** The active episode of care, if the patient has one: where they are treated now (the care team's to see). */
    currentEpisode: z
      .object({
        admittedOn: z.iso.date(),
        setting: z.enum(careSettings),
        asamEdition: z.enum(asamEditions).nullable(),
        asamLevel: z.string().nullable(),
      })
      .nullable()
      .optional(),
    primaryTherapist: z.object({ staffMemberId: z.uuid(), displayName: z.string() }).nullable().optional(),
  })
  .meta({ id: 'PatientSummary' });
export type PatientSummary = z.infer<typeof patientSummarySchema>;

/** How deep a list can be paged; past it, a narrower search or a filter finds the patient. */
export const patientListDepth = 1000;

/** Filters of the patient list; none of them names or identifies a person, so they may travel in a URL. */
const patientListFilterShape = {
  status: z.enum(patientStatuses).optional(),
  /** The setting of the patient's active episode of care. */
  setting: z.enum(careSettings).optional(),
  /** The ASAM level of the active episode: both the edition and its level code. */
  asamEdition: z.enum(asamEditions).optional(),
  asamLevel: z.string().trim().max(10).optional(),
  /** The patient's current primary therapist. */
  therapistStaffMemberId: z.uuid(errors.notStaffMemberId.id).optional(),
  /** `mine`: only the patients whose current care team the caller is on (their caseload). */
  careTeam: z.enum(['mine'], errors.onlyMine.id).optional(),
  limit: z.coerce.number().int().min(1, errors.atLeast.id).max(200, errors.atMost.id).default(50),
  offset: z.coerce
    .number()
    .int()
    .min(0, errors.atLeast.id)
    // A refinement rather than .max(), so that the message can name the depth; meta keeps the bound documented.
    .refine((offset) => offset < patientListDepth, {
      message: errors.listDepth.id,
      params: { depth: patientListDepth },
    })
    .meta({ maximum: patientListDepth - 1 })
    .default(0),
};

function checkAsamFilter(
  filters: { asamEdition?: string | undefined; asamLevel?: string | undefined },
  context: z.core.$RefinementCtx,
): void {
  if (filters.asamLevel === undefined) return;
  if (filters.asamEdition === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['asamEdition'],
      message: errors.sayAsamEdition.id,
    });
  } else if (!isAsamLevel(filters.asamEdition, filters.asamLevel)) {
    context.addIssue({
      code: 'custom',
      path: ['asamLevel'],
      message: errors.notAsamLevel.id,
      params: { edition: filters.asamEdition === '3' ? 'third' : 'fourth' },
    });
  }
}

/** GET /api/patients: the list, filtered and paged; searching by name, MRN or birth date is POST .../search. */
export const patientListQuerySchema = z.object(patientListFilterShape).superRefine(checkAsamFilter);
export type PatientListQuery = z.infer<typeof patientListQuerySchema>;

/** POST /api/patients/search: the search text travels in the body, never in a URL or a log line. */
export const patientSearchBodySchema = z
  .object({
    q: z.string().trim().max(100, errors.searchTooLong.id).optional(),
    ...patientListFilterShape,
  })
  .superRefine(checkAsamFilter)
  .meta({ id: 'PatientSearch' });
export type PatientSearch = z.infer<typeof patientSearchBodySchema>;

export const patientPageSchema = z
  .object({
    items: z.array(patientSummarySchema),
    /**
     * How many patients match: exact when totalIsExact, otherwise a lower bound (counting stops at the list
     * depth, and a page of exact name matches does not count the typo-tolerant ones after them).
     */
    total: z.number().int(),
    totalIsExact: z.boolean(),
    /** The offset of the next page, or null on the last one. */
    nextOffset: z.number().int().nullable(),
  })
  .meta({ id: 'PatientPage' });
export type PatientPage = z.infer<typeof patientPageSchema>;

export const careTeamMemberSchema = z
  .object({
    staffMemberId: z.uuid(),
    displayName: z.string(),
    role: z.enum(careTeamRoles),
    startedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'CareTeamMember' });

export const patientRecordSchema = z
  .object({
    id: z.uuid(),
    mrn: z.string(),
    legalGivenName: z.string(),
    legalFamilyName: z.string(),
    preferredName: z.string().nullable(),
    pronouns: z.string().nullable(),
    dateOfBirth: z.iso.date(),
    sexAssignedAtBirth: z.string(),
    genderIdentity: z.string().nullable(),
    preferredLanguage: z.string(),
    interpreterNeeded: z.boolean(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    status: z.enum(patientStatuses),
    version: z.number().int(),
    careTeam: z.array(careTeamMemberSchema),
    /** On what basis the caller sees this record; a break-the-glass view says until when. */
    access: z.object({
      basis: z.enum(['organization_role', 'care_team', 'subject', 'consent', 'break_glass']),
      breakGlassExpiresAt: z.iso.datetime({ offset: true }).nullable(),
    }),
  })
  .meta({ id: 'PatientRecord' });
export type PatientRecord = z.infer<typeof patientRecordSchema>;

export const breakGlassRequestSchema = z.object({
  reason: z.string().trim().min(10, errors.sayWhyEmergency.id).max(1000, errors.reasonTooLong.id),
});

export const breakGlassGrantSchema = z
  .object({ grantId: z.uuid(), expiresAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'BreakGlassGrant' });
