/**
 * The answers the PHQ-9 and the GAD-7 share, in English and in the official US Spanish versions
 * (phqscreeners.com: "no permission is required to reproduce, translate, display or distribute").
 */
import type { InstrumentItem, ResponseOption } from '../instrument.ts';

export const overTheLastTwoWeeks: readonly ResponseOption[] = [
  { value: 0, label: { en: 'Not at all', es: 'Ningún día' } },
  { value: 1, label: { en: 'Several days', es: 'Varios días' } },
  { value: 2, label: { en: 'More than half the days', es: 'Más de la mitad de los días' } },
  { value: 3, label: { en: 'Nearly every day', es: 'Casi todos los días' } },
];

/** The unscored question both end with: how much the problems get in the way. */
export function difficultyItem(id: string, loinc: string): InstrumentItem {
  return {
    id,
    text: {
      en: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
      es: 'Si marcó cualquiera de los problemas, ¿qué tanta dificultad le han dado estos problemas para hacer su trabajo, encargarse de las tareas del hogar, o llevarse bien con otras personas?',
    },
    answers: [
      { value: 0, label: { en: 'Not difficult at all', es: 'No ha sido difícil' } },
      { value: 1, label: { en: 'Somewhat difficult', es: 'Un poco difícil' } },
      { value: 2, label: { en: 'Very difficult', es: 'Muy difícil' } },
      { value: 3, label: { en: 'Extremely difficult', es: 'Extremadamente difícil' } },
    ],
    scored: false,
    loinc,
  };
}

export const phqLicence = {
  kind: 'public-domain',
  statement:
    'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute (phqscreeners.com).',
} as const;
