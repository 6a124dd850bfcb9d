import type {
  CodeableConcept,
  ContactPoint,
  Extension,
  ExtractResource,
  Meta,
  Reference,
  ResourceType,
} from '@medplum/fhirtypes';
import { fhirCodeSystems, fhirExtensionUrls, part2SecurityLabels } from './systems.ts';

/*
 * Small builders shared by the mappers. FHIR JSON has no empty strings, nulls, empty arrays or empty objects, so
 * each builder leaves out what it has nothing for.
 */

/** The text, or undefined when there is none: a blank column is the same as a missing one in FHIR. */
export function text(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The array, or undefined when it is empty. */
export function nonEmpty<T>(items: readonly (T | undefined)[]): T[] | undefined {
  const present = items.filter((item): item is T => item !== undefined);
  return present.length > 0 ? present : undefined;
}

/** A relative reference, "Patient/<id>": every resource mapped here is served by the same server. */
export function reference<K extends ResourceType>(
  resourceType: K,
  id: string,
  display?: string,
): Reference<ExtractResource<K>> {
  const shown = text(display);
  return { reference: `${resourceType}/${id}`, ...(shown && { display: shown }) };
}

/** Meta of a resource holding a patient's substance use disorder information. */
export function part2Meta(): Meta {
  return { security: part2SecurityLabels() };
}

export function telecom(
  phone: string | null,
  email: string | null,
  use?: ContactPoint['use'],
): ContactPoint[] | undefined {
  const phoneValue = text(phone);
  const emailValue = text(email);
  return nonEmpty<ContactPoint>([
    phoneValue === undefined ? undefined : { system: 'phone', value: phoneValue, ...(use && { use }) },
    emailValue === undefined ? undefined : { system: 'email', value: emailValue, ...(use && { use }) },
  ]);
}

export function languageConcept(tag: string): CodeableConcept {
  return { coding: [{ system: fhirCodeSystems.bcp47, code: tag }] };
}

/** The pronouns a person uses, as they wrote them. */
export function pronounsExtension(pronouns: string | null): Extension | undefined {
  const value = text(pronouns);
  if (value === undefined) return undefined;
  return {
    url: fhirExtensionUrls.pronouns,
    extension: [{ url: 'value', valueCodeableConcept: { text: value } }],
  };
}

/** Links a Condition or CareTeam to its episode of care. */
export function episodeOfCareExtension(episodeId: string | null): Extension | undefined {
  if (episodeId === null) return undefined;
  return { url: fhirExtensionUrls.episodeOfCare, valueReference: reference('EpisodeOfCare', episodeId) };
}
