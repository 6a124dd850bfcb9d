/**
 * GAD-7, the Generalized Anxiety Disorder scale. Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for
 * assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166(10):1092-7. Items, answers and the
 * bands (5, 10, 15) as published; Spanish: the official US Spanish version (phqscreeners.com).
 */
import type { Instrument, InstrumentItem } from '../instrument.ts';
import { difficultyItem, overTheLastTwoWeeks, phqLicence } from './phq-answers.ts';

function item(id: string, en: string, es: string, loinc: string): InstrumentItem {
  return { id, text: { en, es }, answers: overTheLastTwoWeeks, scored: true, loinc };
}

const items: readonly InstrumentItem[] = [
  item(
    'gad7-1',
    'Feeling nervous, anxious or on edge',
    'Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta',
    '69725-0',
  ),
  item(
    'gad7-2',
    'Not being able to stop or control worrying',
    'No ha sido capaz de parar o controlar su preocupación',
    '68509-9',
  ),
  item(
    'gad7-3',
    'Worrying too much about different things',
    'Se ha preocupado demasiado por motivos diferentes',
    '69733-4',
  ),
  item('gad7-4', 'Trouble relaxing', 'Ha tenido dificultad para relajarse', '69734-2'),
  item(
    'gad7-5',
    'Being so restless that it is hard to sit still',
    'Se ha sentido tan inquieto(a) que no ha podido quedarse quieto(a)',
    '69735-9',
  ),
  item('gad7-6', 'Becoming easily annoyed or irritable', 'Se ha molestado o irritado fácilmente', '69689-8'),
  item(
    'gad7-7',
    'Feeling afraid as if something awful might happen',
    'Ha tenido miedo de que algo terrible fuera a pasar',
    '69736-7',
  ),
  difficultyItem('gad7-difficulty', '69726-8'),
];

export const gad7: Instrument = {
  id: 'gad-7',
  version: 1,
  abbreviation: 'GAD-7',
  name: {
    en: 'Generalized Anxiety Disorder scale (GAD-7)',
    es: 'Escala del trastorno de ansiedad generalizada (GAD-7)',
  },
  kind: 'validated',
  construct: 'anxiety',
  instructions: {
    en: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
    es: 'Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?',
  },
  items,
  total: {
    itemIds: items.filter((entry) => entry.scored).map((entry) => entry.id),
    method: 'sum',
    // As the PHQ-9: the instruction manual scores all seven answers and gives no proration rule.
    missing: { kind: 'refuse' },
    range: { min: 0, max: 21 },
    bands: [
      { id: 'minimal', min: 0, max: 4, label: { en: 'Minimal', es: 'Mínima' }, clinical: false },
      { id: 'mild', min: 5, max: 9, label: { en: 'Mild', es: 'Leve' }, clinical: false },
      { id: 'moderate', min: 10, max: 14, label: { en: 'Moderate', es: 'Moderada' }, clinical: true },
      { id: 'severe', min: 15, max: 21, label: { en: 'Severe', es: 'Grave' }, clinical: true },
    ],
    higherIs: 'worse',
    // A change of 4 points or more is reliable (Toussaint A et al., J Affect Disord 2020;265:395-401).
    meaningfulChange: 4,
    loinc: '70274-6',
  },
  subscales: [],
  answeredBy: 'patient',
  source:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166(10):1092-7. Official Spanish (US) version from phqscreeners.com.',
  licence: phqLicence,
  loinc: '69737-5',
  languages: ['en', 'es'],
};
