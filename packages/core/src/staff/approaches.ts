/** Therapeutic approaches a staff member may offer; the vocabulary therapist matching works with. */
export const therapeuticApproaches = [
  'cbt',
  'dbt',
  'motivational_interviewing',
  'psychodynamic',
  'family_therapy',
  'contingency_management',
  'expressive',
  'trauma_focused',
  'medication_management',
] as const;

export type TherapeuticApproach = (typeof therapeuticApproaches)[number];

export const therapeuticApproachLabels: Record<TherapeuticApproach, string> = {
  cbt: 'Cognitive behavioural therapy',
  dbt: 'Dialectical behaviour therapy',
  motivational_interviewing: 'Motivational interviewing',
  psychodynamic: 'Psychodynamic therapy',
  family_therapy: 'Family therapy',
  contingency_management: 'Contingency management',
  expressive: 'Expressive therapies',
  trauma_focused: 'Trauma-focused therapy',
  medication_management: 'Medication management',
};
