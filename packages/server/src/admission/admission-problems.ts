import { type AdmissionProblem, careSettingLabels, type FieldError } from '@tandem/core';

/**
 * An admission problem as the API answers it, in English for now: core says which rule failed, and each reader
 * words it (the web app in the person's language).
 */
export function admissionProblemMessage(problem: AdmissionProblem): string {
  switch (problem.rule) {
    case 'admittedOnMissing':
      return 'Enter the admission date';
    case 'admittedOnAfterToday':
      return `Admission cannot be after today (${problem.today})`;
    case 'referralSourceMissing':
      return 'Choose who referred the patient';
    case 'settingMissing':
      return 'Choose the setting of care';
    case 'asamLevelNotOfEdition':
      return 'Not a level of care of this ASAM edition';
    case 'levelOfCareMisfit': {
      const setting = careSettingLabels[problem.setting].toLowerCase();
      const fitting = problem.fitting.map((fit) => careSettingLabels[fit].toLowerCase()).join(' or ');
      return `ASAM level ${problem.level} is not delivered in ${setting} care; it fits ${fitting}`;
    }
    case 'substancesMissing':
      return 'Record at least the primary substance';
    case 'primaryNotMarked':
      return `Mark the primary ${problem.of}`;
    case 'primaryMarkedMoreThanOnce':
      return `Mark only one ${problem.of} as primary`;
    case 'substanceClassMissing':
      return 'Choose a substance';
    case 'substanceListedTwice':
      return 'This substance is listed twice';
    case 'routeMissing':
      return 'Choose how it is used';
    case 'frequencyMissing':
      return 'Choose how often';
    case 'ageOfFirstUseOutOfRange':
      return `Enter an age from ${problem.min} to ${problem.max}`;
    case 'diagnosisNotSubstanceUse':
      return 'Not an ICD-10-CM code of F10-F19 (substance use disorders)';
    case 'diagnosisIsCategory':
      return `${problem.code} is a category; choose one of the specific codes under it`;
    case 'diagnosisListedTwice':
      return 'This diagnosis is listed twice';
  }
}

export function admissionFieldError(problem: AdmissionProblem): FieldError {
  return { path: problem.path, message: admissionProblemMessage(problem) };
}
