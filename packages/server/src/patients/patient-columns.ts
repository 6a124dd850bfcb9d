import { sql } from 'kysely';

/** The date of birth as the calendar date it is (YYYY-MM-DD), never shifted by a time zone. */
export const dateOfBirthColumn = sql<string>`to_char(date_of_birth, 'YYYY-MM-DD')`.as('dateOfBirth');

/** Who the patient is and how to reach them: the `patients` columns every view of a record starts with. */
export const patientIdentityColumns = [
  'id',
  'mrn',
  'legalGivenName',
  'legalFamilyName',
  'preferredName',
  'pronouns',
  dateOfBirthColumn,
  'sexAssignedAtBirth',
  'genderIdentity',
  'preferredLanguage',
  'interpreterNeeded',
  'email',
  'phone',
] as const;
