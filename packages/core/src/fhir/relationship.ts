import type { CodeableConcept, Coding } from '@medplum/fhirtypes';
import { text } from './elements.ts';
import { fhirCodeSystems } from './systems.ts';

/*
 * A patient's support contacts and emergency contact name their relationship in their own words ("my mom",
 * "sponsor"). Where the words clearly name one HL7 v3 RoleCode relationship, the coding goes beside the text;
 * otherwise the text stands alone. Displays are the code system's own. Daughter and son are DAUC and SONC: DAU
 * and SON mean a natural (biological) child, which the words do not say. "Partner", "boyfriend" and "girlfriend"
 * are a significant other (SIGOTHR): domestic partner (DOMPART) also means living together.
 */
const roleCodes = {
  MTH: 'mother',
  FTH: 'father',
  PRN: 'parent',
  STPMTH: 'stepmother',
  STPFTH: 'stepfather',
  STPPRN: 'step parent',
  SPS: 'spouse',
  HUSB: 'husband',
  WIFE: 'wife',
  FMRSPS: 'former spouse',
  DOMPART: 'domestic partner',
  SIGOTHR: 'significant other',
  SIB: 'sibling',
  BRO: 'brother',
  SIS: 'sister',
  HSIB: 'half-sibling',
  STPBRO: 'stepbrother',
  STPSIS: 'stepsister',
  CHILD: 'child',
  DAUC: 'daughter',
  SONC: 'son',
  GRPRN: 'grandparent',
  GRMTH: 'grandmother',
  GRFTH: 'grandfather',
  GRNDCHILD: 'grandchild',
  GRNDDAU: 'granddaughter',
  GRNDSON: 'grandson',
  AUNT: 'aunt',
  UNCLE: 'uncle',
  COUSN: 'cousin',
  NIECE: 'niece',
  NEPHEW: 'nephew',
  MTHINLAW: 'mother-in-law',
  FTHINLAW: 'father-in-law',
  FAMMEMB: 'family member',
  GUARD: 'guardian',
  FRND: 'unrelated friend',
  ROOM: 'Roommate',
  NBOR: 'neighbor',
} as const;

export type RelationshipRoleCode = keyof typeof roleCodes;

const roleCodeByWords: Record<string, RelationshipRoleCode> = {
  mother: 'MTH',
  mom: 'MTH',
  mum: 'MTH',
  father: 'FTH',
  dad: 'FTH',
  parent: 'PRN',
  stepmother: 'STPMTH',
  stepmom: 'STPMTH',
  stepfather: 'STPFTH',
  stepdad: 'STPFTH',
  stepparent: 'STPPRN',
  spouse: 'SPS',
  husband: 'HUSB',
  wife: 'WIFE',
  'former spouse': 'FMRSPS',
  'ex spouse': 'FMRSPS',
  'ex husband': 'FMRSPS',
  'ex wife': 'FMRSPS',
  'domestic partner': 'DOMPART',
  partner: 'SIGOTHR',
  'significant other': 'SIGOTHR',
  boyfriend: 'SIGOTHR',
  girlfriend: 'SIGOTHR',
  sibling: 'SIB',
  brother: 'BRO',
  sister: 'SIS',
  'half sibling': 'HSIB',
  'half brother': 'HSIB',
  'half sister': 'HSIB',
  stepbrother: 'STPBRO',
  stepsister: 'STPSIS',
  child: 'CHILD',
  daughter: 'DAUC',
  son: 'SONC',
  grandparent: 'GRPRN',
  grandmother: 'GRMTH',
  grandma: 'GRMTH',
  grandfather: 'GRFTH',
  grandpa: 'GRFTH',
  grandchild: 'GRNDCHILD',
  granddaughter: 'GRNDDAU',
  grandson: 'GRNDSON',
  aunt: 'AUNT',
  uncle: 'UNCLE',
  cousin: 'COUSN',
  niece: 'NIECE',
  nephew: 'NEPHEW',
  'mother in law': 'MTHINLAW',
  'father in law': 'FTHINLAW',
  'family member': 'FAMMEMB',
  relative: 'FAMMEMB',
  guardian: 'GUARD',
  'legal guardian': 'GUARD',
  friend: 'FRND',
  roommate: 'ROOM',
  neighbor: 'NBOR',
  neighbour: 'NBOR',
};

/** The words without case, punctuation, a leading "my", or the hyphens of "step-mother" and "in-law". */
function normalized(words: string): string {
  const plain = words
    .toLowerCase()
    .replace(/[^\p{L}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^my /, '');
  return plain.replace(/^step[\s-]/, 'step').replace(/-/g, ' ');
}

/** The v3 RoleCode relationship the words clearly name, or undefined. */
export function relationshipRoleCoding(words: string): Coding | undefined {
  const code = roleCodeByWords[normalized(words)];
  if (code === undefined) return undefined;
  return { system: fhirCodeSystems.roleCode, code, display: roleCodes[code] };
}

/** The relationship as written, with its v3 RoleCode where the words name one clearly. */
export function relationshipConcept(words: string): CodeableConcept | undefined {
  const written = text(words);
  if (written === undefined) return undefined;
  const coding = relationshipRoleCoding(written);
  return coding === undefined ? { text: written } : { coding: [coding], text: written };
}
