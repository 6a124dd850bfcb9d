import type { DisclosureCategory } from '../access/resources.ts';

/** How each category reads on a consent form, a portal page and a release printout. */
export const disclosureCategoryLabels: Record<DisclosureCategory, string> = {
  attendance: 'Attendance and appointments',
  diagnosis: 'Diagnoses',
  medications: 'Medications',
  drug_test_results: 'Drug test results',
  progress_notes_summary: 'Summary of progress (not psychotherapy notes)',
  treatment_plan: 'Treatment plan',
};
