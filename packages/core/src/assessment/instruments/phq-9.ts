/**
 * PHQ-9, the Patient Health Questionnaire depression scale. Kroenke K, Spitzer RL, Williams JBW. The PHQ-9:
 * validity of a brief depression severity measure. J Gen Intern Med 2001;16(9):606-13. Items, answers and the
 * severity bands (5, 10, 15, 20) as published; Spanish: the official US Spanish version (phqscreeners.com).
 */
import type { Instrument, InstrumentItem } from '../instrument.ts';
import { difficultyItem, overTheLastTwoWeeks, phqLicence } from './phq-answers.ts';

function item(id: string, en: string, es: string, loinc: string): InstrumentItem {
  return { id, text: { en, es }, answers: overTheLastTwoWeeks, scored: true, loinc };
}

const items: readonly InstrumentItem[] = [
  item(
    'phq9-1',
    'Little interest or pleasure in doing things',
    'Poco interés o placer en hacer cosas',
    '44250-9',
  ),
  item(
    'phq9-2',
    'Feeling down, depressed, or hopeless',
    'Se ha sentido decaído(a), deprimido(a) o sin esperanzas',
    '44255-8',
  ),
  item(
    'phq9-3',
    'Trouble falling or staying asleep, or sleeping too much',
    'Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado',
    '44259-0',
  ),
  item(
    'phq9-4',
    'Feeling tired or having little energy',
    'Se ha sentido cansado(a) o con poca energía',
    '44254-1',
  ),
  item('phq9-5', 'Poor appetite or overeating', 'Sin apetito o ha comido en exceso', '44251-7'),
  item(
    'phq9-6',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    'Se ha sentido mal con usted mismo(a) – o que es un fracaso o que ha quedado mal con usted mismo(a) o con su familia',
    '44258-2',
  ),
  item(
    'phq9-7',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el periódico o ver la televisión',
    '44252-5',
  ),
  item(
    'phq9-8',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    '¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado? o lo contrario – muy inquieto(a) o agitado(a) que ha estado moviéndose mucho más de lo normal',
    '44253-3',
  ),
  {
    ...item(
      'phq9-9',
      'Thoughts that you would be better off dead or of hurting yourself in some way',
      'Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera',
      '44260-8',
    ),
    // Any answer above "not at all" must reach a clinician, whatever the total.
    critical: { atLeast: 1, signal: 'self-harm' },
  },
  difficultyItem('phq9-difficulty', '69722-7'),
];

export const phq9: Instrument = {
  id: 'phq-9',
  version: 1,
  abbreviation: 'PHQ-9',
  name: {
    en: 'Patient Health Questionnaire (PHQ-9)',
    es: 'Cuestionario sobre la salud del paciente (PHQ-9)',
  },
  kind: 'validated',
  construct: 'depression',
  instructions: {
    en: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    es: 'Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?',
  },
  items,
  total: {
    itemIds: items.filter((entry) => entry.scored).map((entry) => entry.id),
    method: 'sum',
    // The authors' instruction manual scores severity on all nine answers and gives no proration rule.
    missing: { kind: 'refuse' },
    range: { min: 0, max: 27 },
    bands: [
      { id: 'minimal', min: 0, max: 4, label: { en: 'Minimal', es: 'Mínima' }, clinical: false },
      { id: 'mild', min: 5, max: 9, label: { en: 'Mild', es: 'Leve' }, clinical: false },
      { id: 'moderate', min: 10, max: 14, label: { en: 'Moderate', es: 'Moderada' }, clinical: true },
      {
        id: 'moderately-severe',
        min: 15,
        max: 19,
        label: { en: 'Moderately severe', es: 'Moderadamente grave' },
        clinical: true,
      },
      { id: 'severe', min: 20, max: 27, label: { en: 'Severe', es: 'Grave' }, clinical: true },
    ],
    higherIs: 'worse',
    // Clinically significant change: a drop of 5 points (Löwe B et al., Med Care 2004;42(12):1194-201).
    meaningfulChange: 5,
    loinc: '44261-6',
  },
  subscales: [],
  answeredBy: 'patient',
  source:
    'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16(9):606-13. Official Spanish (US) version from phqscreeners.com.',
  licence: phqLicence,
  loinc: '44249-1',
  languages: ['en', 'es'],
};
