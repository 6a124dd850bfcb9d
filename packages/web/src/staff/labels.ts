// Display names for the codes the API stores (therapeutic approaches, BCP-47 language tags, matching vocabulary).
import type {
  ClinicianGender,
  CoOccurringCondition,
  SubstanceClass,
} from '@tandem/core/admission/vocabulary';
import { type TherapeuticApproach, therapeuticApproaches } from '@tandem/core/staff/approaches';
import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';

export const approachLabels: Record<TherapeuticApproach, MessageDescriptor> = defineMessages({
  cbt: { id: 'staff.approach.cbt', defaultMessage: 'Cognitive behavioural therapy' },
  dbt: { id: 'staff.approach.dbt', defaultMessage: 'Dialectical behaviour therapy' },
  motivational_interviewing: {
    id: 'staff.approach.motivationalInterviewing',
    defaultMessage: 'Motivational interviewing',
  },
  psychodynamic: { id: 'staff.approach.psychodynamic', defaultMessage: 'Psychodynamic therapy' },
  family_therapy: { id: 'staff.approach.familyTherapy', defaultMessage: 'Family therapy' },
  contingency_management: {
    id: 'staff.approach.contingencyManagement',
    defaultMessage: 'Contingency management',
  },
  expressive: { id: 'staff.approach.expressive', defaultMessage: 'Expressive therapies' },
  trauma_focused: { id: 'staff.approach.traumaFocused', defaultMessage: 'Trauma-focused therapy' },
  medication_management: {
    id: 'staff.approach.medicationManagement',
    defaultMessage: 'Medication management',
  },
});

function isKnownApproach(code: string): code is TherapeuticApproach {
  return (therapeuticApproaches as readonly string[]).includes(code);
}

/** An approach newer than this build still reads as words: "somatic_experiencing" becomes "Somatic experiencing". */
export function approachLabel(intl: IntlShape, code: string): string {
  if (isKnownApproach(code)) return intl.formatMessage(approachLabels[code]);
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A BCP-47 tag named in the reader's language ("es" is "Spanish", or "español" to a Spanish reader). */
export function languageName(intl: IntlShape, tag: string): string {
  try {
    return intl.formatDisplayName(tag, { type: 'language' }) ?? tag;
  } catch {
    // Not a well-formed language tag: show it as stored.
    return tag;
  }
}

export function yearsText(intl: IntlShape, years: number): string {
  return intl.formatMessage(
    { id: 'staff.labels.years', defaultMessage: '{years, plural, one {# year} other {# years}}' },
    { years },
  );
}

export const genderLabels: Record<ClinicianGender, MessageDescriptor> = defineMessages({
  woman: { id: 'staff.gender.woman', defaultMessage: 'Woman' },
  man: { id: 'staff.gender.man', defaultMessage: 'Man' },
  non_binary: { id: 'staff.gender.nonBinary', defaultMessage: 'Non-binary' },
});

/** The substance classes (ICD-10-CM F10-F19) a clinician has experience with. */
export const substanceLabels: Record<SubstanceClass, MessageDescriptor> = defineMessages({
  alcohol: { id: 'staff.substance.alcohol', defaultMessage: 'Alcohol' },
  opioids: { id: 'staff.substance.opioids', defaultMessage: 'Opioids' },
  cannabis: { id: 'staff.substance.cannabis', defaultMessage: 'Cannabis' },
  sedatives: { id: 'staff.substance.sedatives', defaultMessage: 'Sedatives, hypnotics or anxiolytics' },
  cocaine: { id: 'staff.substance.cocaine', defaultMessage: 'Cocaine' },
  other_stimulants: {
    id: 'staff.substance.otherStimulants',
    defaultMessage: 'Other stimulants (incl. methamphetamine)',
  },
  hallucinogens: { id: 'staff.substance.hallucinogens', defaultMessage: 'Hallucinogens' },
  nicotine: { id: 'staff.substance.nicotine', defaultMessage: 'Nicotine' },
  inhalants: { id: 'staff.substance.inhalants', defaultMessage: 'Inhalants' },
  other_psychoactive: {
    id: 'staff.substance.otherPsychoactive',
    defaultMessage: 'Other psychoactive substances',
  },
});

/** The co-occurring conditions a clinician has experience with. */
export const conditionLabels: Record<CoOccurringCondition, MessageDescriptor> = defineMessages({
  depression: { id: 'staff.condition.depression', defaultMessage: 'Depression' },
  anxiety: { id: 'staff.condition.anxiety', defaultMessage: 'Anxiety disorder' },
  ptsd: { id: 'staff.condition.ptsd', defaultMessage: 'Post-traumatic stress disorder' },
  bipolar: { id: 'staff.condition.bipolar', defaultMessage: 'Bipolar disorder' },
  psychotic_disorder: { id: 'staff.condition.psychoticDisorder', defaultMessage: 'Psychotic disorder' },
  adhd: { id: 'staff.condition.adhd', defaultMessage: 'ADHD' },
  personality_disorder: { id: 'staff.condition.personalityDisorder', defaultMessage: 'Personality disorder' },
  eating_disorder: { id: 'staff.condition.eatingDisorder', defaultMessage: 'Eating disorder' },
  chronic_pain: { id: 'staff.condition.chronicPain', defaultMessage: 'Chronic pain' },
  hiv: { id: 'staff.condition.hiv', defaultMessage: 'HIV' },
  hepatitis_c: { id: 'staff.condition.hepatitisC', defaultMessage: 'Hepatitis C' },
  pregnancy: { id: 'staff.condition.pregnancy', defaultMessage: 'Pregnancy' },
});
