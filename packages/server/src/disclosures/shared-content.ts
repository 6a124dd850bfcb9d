import { type DisclosureCategory, disclosureCategoryLabels } from '@tandem/core';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

/** One item of a disclosed category (an appointment kept, a medication, a test result), as a recipient reads it. */
export interface SharedEntry {
  date: string | null;
  title: string;
  detail: string | null;
}

export interface SharedSection {
  category: DisclosureCategory;
  label: string;
  entries: SharedEntry[];
  /** What the recipient reads when the category has nothing in it. */
  emptyMessage: string;
}

type ContentSource = (
  trx: Transaction<DB>,
  organizationId: string,
  patientId: string,
) => Promise<SharedEntry[]>;

/*
 * Where each category's content comes from. Attendance, diagnoses, medications, drug tests, progress summaries
 * and treatment plans have no tables yet (later issues add them and plug their reader in here); until then a
 * disclosure shares what exists, which is nothing, and says so plainly rather than showing a blank.
 */
const nothingRecordedYet: ContentSource = async () => [];
const sources: Record<DisclosureCategory, ContentSource> = {
  attendance: nothingRecordedYet,
  diagnosis: nothingRecordedYet,
  medications: nothingRecordedYet,
  drug_test_results: nothingRecordedYet,
  progress_notes_summary: nothingRecordedYet,
  treatment_plan: nothingRecordedYet,
};

/** The content of exactly the given categories, read inside the disclosure's transaction. */
export async function sharedSections(
  trx: Transaction<DB>,
  organizationId: string,
  patientId: string,
  categories: readonly DisclosureCategory[],
): Promise<SharedSection[]> {
  const sections: SharedSection[] = [];
  for (const category of categories) {
    sections.push({
      category,
      label: disclosureCategoryLabels[category],
      entries: await sources[category](trx, organizationId, patientId),
      emptyMessage: 'Nothing recorded yet.',
    });
  }
  return sections;
}
