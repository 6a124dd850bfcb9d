import type { Practitioner, PractitionerQualification } from '@medplum/fhirtypes';
import { languageConcept, nonEmpty, pronounsExtension, telecom, text } from './elements.ts';
import { fhirCodeSystems } from './systems.ts';

/** A staff member (`staff_members`, 0001) as a clinician others may see. */
export interface PractitionerRecord {
  id: string;
  displayName: string;
  /** As the clinician writes them after their name: LADC, LCSW, MD. */
  credentials: readonly string[];
  licenseNumber: string | null;
  /** The state that issued the license (two letters). */
  licenseState: string | null;
  /** YYYY-MM-DD. */
  licenseExpiresOn: string | null;
  /** BCP 47 language tags. */
  languages: readonly string[];
  pronouns: string | null;
  active: boolean;
  email: string | null;
}

/**
 * The staff member as a FHIR R4 Practitioner. Credentials are qualifications by their letters; the license is a
 * qualification identified by its number, ending when it expires. No patient information: no Part 2 labels.
 */
export function toFhirPractitioner(record: PractitionerRecord): Practitioner {
  const extension = nonEmpty([pronounsExtension(record.pronouns)]);
  const qualification = nonEmpty<PractitionerQualification>([
    ...record.credentials.map((credential) => {
      const letters = text(credential);
      return letters === undefined ? undefined : { code: { text: letters } };
    }),
    license(record),
  ]);
  const telecoms = telecom(null, record.email, 'work');
  const communication = nonEmpty(record.languages.map((tag) => text(tag)).filter(unique))?.map(
    languageConcept,
  );
  return {
    resourceType: 'Practitioner',
    id: record.id,
    ...(extension && { extension }),
    active: record.active,
    name: [{ text: record.displayName }],
    ...(telecoms && { telecom: telecoms }),
    ...(qualification && { qualification }),
    ...(communication && { communication }),
  };
}

function license(record: PractitionerRecord): PractitionerQualification | undefined {
  const number = text(record.licenseNumber);
  if (number === undefined) return undefined;
  const state = text(record.licenseState);
  return {
    identifier: [
      {
        type: { coding: [{ system: fhirCodeSystems.identifierType, code: 'LN', display: 'License number' }] },
        value: number,
      },
    ],
    code: { text: state === undefined ? 'Professional license' : `${state} professional license` },
    ...(record.licenseExpiresOn !== null && { period: { end: record.licenseExpiresOn } }),
  };
}

function unique<T>(item: T, index: number, items: readonly T[]): boolean {
  return items.indexOf(item) === index;
}
