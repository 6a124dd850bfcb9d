import { defineMessages } from '@formatjs/intl';
import {
  type ClinicianGender,
  type CoOccurringCondition,
  clinicianGenders,
  coOccurringConditions,
  DomainError,
  type MatchingPatient,
  rankTherapists,
  type StaffRole,
  type SubstanceClass,
  substanceClasses,
  suggestApproaches,
  type TherapeuticApproach,
  type TherapistCandidate,
  therapeuticApproaches,
} from '@tandem/core';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { staleVersion } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import type { MatchingRepository } from './repository.ts';
import type { CaseloadSettingUpdate, TherapistSuggestions } from './schemas.ts';

const errors = defineMessages({
  noSuchPatient: { id: 'matching.errors.noSuchPatient', defaultMessage: 'No such patient.' },
  noSuchOrganization: { id: 'matching.errors.noSuchOrganization', defaultMessage: 'No such organization.' },
  settingsChanged: {
    id: 'matching.errors.settingsChanged',
    defaultMessage: 'Someone else changed the organization settings; review their change.',
  },
});

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);

const isSubstance = isOneOf(substanceClasses);
const isCondition = isOneOf(coOccurringConditions);
const isApproach = isOneOf(therapeuticApproaches);
const isGender = isOneOf(clinicianGenders);

/** Years per substance class as stored (jsonb); anything not a known class with a number of years is ignored. */
export function substanceExperienceOf(stored: unknown): Partial<Record<SubstanceClass, number>> {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const years: Partial<Record<SubstanceClass, number>> = {};
  for (const [substance, value] of Object.entries(stored)) {
    if (isSubstance(substance) && typeof value === 'number' && Number.isFinite(value) && value > 0) {
      years[substance] = value;
    }
  }
  return years;
}

export function matchingService(records: RecordKernel, repository: MatchingRepository) {
  return {
    /**
     * Ranks the program's clinicians for the patient's primary therapist place, from the active episode (else
     * the latest), the patient's stated preferences, their loved ones' part in family sessions and who treated
     * them before. The clinician assigning chooses; this only suggests and explains.
     */
    async suggestions(context: RecordContext, patientId: string): Promise<TherapistSuggestions> {
      const organizationId = organizationOf(context);
      const patient = await repository.patient(organizationId, patientId);
      if (patient === undefined) throw new DomainError('not_found', errors.noSuchPatient);
      const episode = await repository.referenceEpisode(organizationId, patientId);
      const [earlier, current, rows] = await Promise.all([
        repository.earlierPrimaryTherapists(
          organizationId,
          patientId,
          episode === undefined
            ? 'ended'
            : episode.status === 'active'
              ? { admittedOn: episode.admittedOn }
              : 'all',
        ),
        repository.currentPrimaryTherapist(organizationId, patientId),
        repository.candidates(organizationId),
      ]);

      const substances = (episode?.substances ?? [])
        .filter((row) => isSubstance(row.substanceClass))
        .map((row) => ({ substance: row.substanceClass as SubstanceClass, primary: row.isPrimary }));
      const coOccurring: CoOccurringCondition[] = (episode?.coOccurringConditions ?? []).filter(isCondition);
      const preferredTherapistGender: ClinicianGender | null = isGender(patient.preferredTherapistGender)
        ? patient.preferredTherapistGender
        : null;
      const preferredLanguage = patient.preferredLanguage.trim() === '' ? null : patient.preferredLanguage;
      const suggestedApproaches = suggestApproaches({
        substances,
        coOccurring,
        supportContactsMayJoinFamilySessions: patient.familySessions,
      });

      const matchingPatient: MatchingPatient = {
        suggestedApproaches,
        substances,
        coOccurring,
        preferredLanguage,
        preferences: { therapistGender: preferredTherapistGender },
        earlierTherapistIds: earlier.map((therapist) => therapist.staffMemberId),
      };
      const candidates: TherapistCandidate[] = rows.map((row) => ({
        staffMemberId: row.id,
        displayName: row.displayName,
        approaches: row.approaches.filter(isApproach) as TherapeuticApproach[],
        yearsAddictionExperience: row.yearsAddictionExperience,
        substanceExperienceYears: substanceExperienceOf(JSON.parse(row.substanceExperience)),
        conditionExperience: row.conditionExperience.filter(isCondition),
        languages: row.languages,
        gender: isGender(row.gender) ? row.gender : null,
        currentCaseload: Number(row.currentCaseload),
        maxCaseload: row.maxCaseload,
        active: row.active,
        acceptsNewPatients: row.acceptsNewPatients,
      }));
      const ranking = rankTherapists(matchingPatient, candidates, {
        defaultMaxCaseload: patient.defaultMaxCaseload,
      });
      const byId = new Map(rows.map((row) => [row.id, row]));

      return {
        episode:
          episode === undefined
            ? null
            : {
                id: episode.id,
                status: episode.status as 'active' | 'discharged',
                admittedOn: episode.admittedOn,
              },
        basis: {
          substances,
          coOccurring,
          preferredLanguage,
          preferredTherapistGender,
          familySessions: patient.familySessions,
          earlierTherapists: earlier,
        },
        suggestedApproaches,
        suggestions: ranking.suggestions.map((suggestion) => {
          const row = byId.get(suggestion.staffMemberId);
          return {
            ...suggestion,
            jobRole: (row?.jobRole ?? 'clinician') as StaffRole,
            credentials: row?.credentials ?? [],
            isCurrentPrimaryTherapist: current?.staffMemberId === suggestion.staffMemberId,
          };
        }),
        notes: ranking.notes,
        currentPrimaryTherapist: current ?? null,
        defaultMaxCaseload: patient.defaultMaxCaseload,
      };
    },

    async caseloadSetting(context: RecordContext) {
      const setting = await repository.caseloadSetting(organizationOf(context));
      if (setting === undefined) throw new DomainError('not_found', errors.noSuchOrganization);
      return setting;
    },

    /** Sets the default at the version the caller saw; a stale version gets 409 with the setting as it is now. */
    async updateCaseloadSetting(context: RecordContext, change: CaseloadSettingUpdate) {
      return records.write(context, async ({ trx, organizationId, audit }) => {
        const row = await repository.updateCaseloadSetting(trx, organizationId, change);
        if (row === undefined) {
          return staleVersion(
            errors.settingsChanged,
            async () => (await repository.caseloadSetting(organizationId)) ?? null,
          );
        }
        audit({
          resourceType: 'organization_settings',
          resourceId: organizationId,
          fieldsChanged: ['defaultMaxCaseload'],
        });
        return row;
      });
    },
  };
}

export type MatchingService = ReturnType<typeof matchingService>;
