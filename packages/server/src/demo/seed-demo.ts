import {
  type ClinicianGender,
  type CoOccurringCondition,
  isStaffRole,
  type StaffRole,
  type SubstanceClass,
  type TherapeuticApproach,
} from '@tandem/core';
import { generateRandomString, hashPassword, symmetricEncrypt } from 'better-auth/crypto';
import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../db/schema.generated.ts';
import {
  demoAccounts,
  demoOrganization,
  demoPassword,
  demoTotpSecret,
  demoTwoFactorRoles,
} from './demo-accounts.ts';
import { insertDemoPatients } from './seed-demo-patients.ts';
import { insertDemoSharing } from './seed-demo-sharing.ts';

interface DemoStaffProfile {
  email: string;
  credentials: string[];
  licenseNumber: string | null;
  licenseState: string | null;
  yearsAddictionExperience: number;
  approaches: TherapeuticApproach[];
  languages: string[];
  pronouns: string | null;
  maxCaseload: number | null;
  gender?: ClinicianGender | null;
  substanceExperience?: Partial<Record<SubstanceClass, number>>;
  conditionExperience?: CoOccurringCondition[];
  acceptsNewPatients?: boolean;
}

/** What therapist matching weighs of a demo clinician, varied so that the ranked list means something. */
type MatchingProfile = Pick<
  DemoStaffProfile,
  'gender' | 'substanceExperience' | 'conditionExperience' | 'acceptsNewPatients'
>;
const matching = (profile: DemoStaffProfile, attributes: MatchingProfile): DemoStaffProfile => ({
  ...profile,
  ...attributes,
});

const staffProfiles: DemoStaffProfile[] = [
  profile('admin@demo.tandem.test', [], 0, [], ['en'], 'they/them', null),
  matching(
    profile(
      'clinician@demo.tandem.test',
      ['LCSW', 'CADC'],
      8,
      ['motivational_interviewing', 'cbt', 'contingency_management'],
      ['en', 'es'],
      'she/her',
      20,
    ),
    {
      gender: 'woman',
      substanceExperience: { opioids: 8, alcohol: 6, other_stimulants: 3 },
      conditionExperience: ['depression', 'anxiety'],
    },
  ),
  matching(
    profile(
      'prescriber@demo.tandem.test',
      ['MD', 'ABPM'],
      12,
      ['medication_management', 'motivational_interviewing'],
      ['en', 'ta'],
      'she/her',
      60,
    ),
    {
      gender: 'woman',
      substanceExperience: { opioids: 12, alcohol: 10 },
      conditionExperience: ['chronic_pain'],
    },
  ),
  profile('frontdesk@demo.tandem.test', [], 2, [], ['en', 'es'], null, null),
  matching(
    profile(
      'supervisor@demo.tandem.test',
      ['PhD', 'LPC-S'],
      19,
      ['dbt', 'family_therapy', 'psychodynamic'],
      ['en'],
      'he/him',
      10,
    ),
    {
      gender: 'man',
      substanceExperience: { alcohol: 19, opioids: 10, sedatives: 6 },
      conditionExperience: ['personality_disorder', 'bipolar', 'depression'],
    },
  ),
];

// Staff without a sign-in yet: they give therapist matching and the staff list something to show.
export const unlinkedStaff = [
  {
    name: 'Morgan Lee, LMFT',
    role: 'clinician' as const,
    ...matching(
      profile(
        'morgan.lee@demo.tandem.test',
        ['LMFT'],
        5,
        ['family_therapy', 'expressive', 'cbt'],
        ['en'],
        'he/him',
        18,
      ),
      {
        gender: 'man',
        substanceExperience: { alcohol: 5, cannabis: 3 },
        conditionExperience: ['anxiety', 'eating_disorder'],
      },
    ),
  },
  {
    name: 'Rosa Delgado, LCDC',
    role: 'clinician' as const,
    // Spanish-speaking, trauma-focused, long opioid experience: first for a Spanish-speaking patient with PTSD.
    ...matching(
      profile(
        'rosa.delgado@demo.tandem.test',
        ['LCDC'],
        14,
        ['motivational_interviewing', 'trauma_focused', 'dbt'],
        ['es', 'en'],
        'she/her',
        22,
      ),
      {
        gender: 'woman',
        substanceExperience: { opioids: 12, alcohol: 9 },
        conditionExperience: ['ptsd', 'depression'],
      },
    ),
  },
  {
    // The stimulant specialist who runs contingency management.
    name: 'Dana Brooks, LPC',
    role: 'clinician' as const,
    ...matching(
      profile(
        'dana.brooks@demo.tandem.test',
        ['LPC', 'CADC'],
        7,
        ['contingency_management', 'cbt', 'motivational_interviewing'],
        ['en'],
        'they/them',
        20,
      ),
      {
        gender: 'non_binary',
        substanceExperience: { other_stimulants: 7, cocaine: 6, cannabis: 2 },
        conditionExperience: ['adhd', 'anxiety'],
      },
    ),
  },
  {
    // Experienced, but one patient from a full caseload (see the demo patients' care teams).
    name: 'Tom Becker, LAC',
    role: 'clinician' as const,
    ...matching(
      profile(
        'tom.becker@demo.tandem.test',
        ['LAC'],
        16,
        ['motivational_interviewing', 'cbt', 'psychodynamic', 'trauma_focused'],
        ['en', 'de'],
        'he/him',
        2,
      ),
      {
        gender: 'man',
        substanceExperience: { alcohol: 16, opioids: 9 },
        conditionExperience: ['depression', 'ptsd', 'chronic_pain'],
      },
    ),
  },
];

function profile(
  email: string,
  credentials: string[],
  yearsAddictionExperience: number,
  approaches: TherapeuticApproach[],
  languages: string[],
  pronouns: string | null,
  maxCaseload: number | null,
): DemoStaffProfile {
  const licensed = credentials.length > 0;
  return {
    email,
    credentials,
    licenseNumber: licensed ? `DEMO-${email.length}${yearsAddictionExperience}` : null,
    licenseState: licensed ? 'OR' : null,
    yearsAddictionExperience,
    approaches,
    languages,
    pronouns,
    maxCaseload,
  };
}

export interface SeedResult {
  created: boolean;
  organizationId: string;
}

export interface SeedOptions {
  /**
   * The auth secret, with which better-auth encrypts two-step secrets: given, the demo admin is enrolled with the
   * demo TOTP secret (also in a demo organization seeded before two-step verification existed).
   */
  authSecret?: string;
}

/** Creates the demo organization once; a second call finds it and changes nothing. */
export async function seedDemo(db: Kysely<DB>, options: SeedOptions = {}): Promise<SeedResult> {
  const existing = await findDemo(db);
  if (existing !== undefined) {
    if (options.authSecret !== undefined) await enrolDemoTwoFactor(db, existing, options.authSecret);
    return { created: false, organizationId: existing };
  }
  const passwordHash = await hashPassword(demoPassword);
  try {
    const result = await db.transaction().execute(async (trx) => {
      const organizationId = await insertDemo(trx, passwordHash);
      return { created: true, organizationId };
    });
    if (options.authSecret !== undefined)
      await enrolDemoTwoFactor(db, result.organizationId, options.authSecret);
    return result;
  } catch (error) {
    // Another process seeded it at the same moment: the unique slug decided, and that is fine.
    const winner = await findDemo(db);
    if (winner !== undefined) return { created: false, organizationId: winner };
    throw error;
  }
}

/**
 * Enrols the demo accounts whose role requires two-step verification, in better-auth's storage format (secret and
 * recovery codes encrypted with the auth secret). An account already enrolled is left alone. A demo organization
 * seeded before two-step verification existed (no role requires it) gets the demo requirement as well.
 */
async function enrolDemoTwoFactor(db: Kysely<DB>, organizationId: string, authSecret: string): Promise<void> {
  const emails = demoAccounts
    .filter((account) => demoTwoFactorRoles.includes(account.role))
    .map((account) => account.email);
  const secret = await symmetricEncrypt({ key: authSecret, data: demoTotpSecret });
  const recoveryCodes = Array.from({ length: 10 }, () => generateRandomString(10, 'a-z', '0-9', 'A-Z')).map(
    (code) => `${code.slice(0, 5)}-${code.slice(5)}`,
  );
  const backupCodes = await symmetricEncrypt({ key: authSecret, data: JSON.stringify(recoveryCodes) });
  await db.transaction().execute(async (trx) => {
    const organization = await trx
      .selectFrom('organizations')
      .select('twoFactorRequiredRoles')
      .where('id', '=', organizationId)
      // Processes starting together queue here; the later one finds the work done.
      .forUpdate()
      .executeTakeFirstOrThrow();
    const unenrolled = await trx
      .selectFrom('users')
      .leftJoin('twoFactors', 'twoFactors.userId', 'users.id')
      .select(['users.id'])
      .where('users.email', 'in', emails)
      .where('users.twoFactorEnabled', '=', false)
      .where('twoFactors.id', 'is', null)
      .execute();
    // Only where nothing was decided yet: a fresh demo, or one seeded before two-step verification existed.
    if (organization.twoFactorRequiredRoles.length > 0 || unenrolled.length < emails.length) return;
    await trx
      .updateTable('organizations')
      .set({ twoFactorRequiredRoles: [...demoTwoFactorRoles] })
      .where('id', '=', organizationId)
      .execute();
    for (const user of unenrolled) {
      await trx
        .insertInto('twoFactors')
        .values({ userId: user.id, secret, backupCodes, verified: true })
        .execute();
      await trx.updateTable('users').set({ twoFactorEnabled: true }).where('id', '=', user.id).execute();
    }
  });
}

async function findDemo(db: Kysely<DB>): Promise<string | undefined> {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where('slug', '=', demoOrganization.slug)
    .executeTakeFirst();
  return row?.id;
}

async function insertDemo(trx: Transaction<DB>, passwordHash: string): Promise<string> {
  const organizationId = uuidv7();
  await trx
    .insertInto('organizations')
    .values({
      id: organizationId,
      ...demoOrganization,
      isDemo: true,
      timeZone: 'America/Los_Angeles',
    })
    .execute();
  const siteId = uuidv7();
  await trx
    .insertInto('sites')
    .values({
      organizationId,
      id: siteId,
      name: 'Main Campus',
      addressLine: '100 Example Way',
      city: 'Portland',
      region: 'OR',
      postalCode: '97201',
      phone: '+1-555-0100',
    })
    .execute();
  await trx
    .insertInto('rooms')
    .values([
      { organizationId, siteId, name: 'Counseling Room 1', kind: 'individual', capacity: 3 },
      { organizationId, siteId, name: 'Counseling Room 2', kind: 'individual', capacity: 3 },
      { organizationId, siteId, name: 'Group Room', kind: 'group', capacity: 14 },
      { organizationId, siteId, name: 'Family Room', kind: 'family', capacity: 8 },
      { organizationId, siteId, name: 'Nursing Station', kind: 'medical', capacity: 2 },
    ])
    .execute();

  for (const account of demoAccounts) {
    const userId = uuidv7();
    await trx
      .insertInto('users')
      .values({
        id: userId,
        name: account.name,
        email: account.email,
        emailVerified: true,
        language: account.language ?? null,
      })
      .execute();
    await trx
      .insertInto('accounts')
      .values({ userId, accountId: userId, providerId: 'credential', password: passwordHash })
      .execute();
    await trx.insertInto('memberships').values({ organizationId, userId, role: account.role }).execute();
    if (isStaffRole(account.role)) {
      const staffProfile = staffProfiles.find((candidate) => candidate.email === account.email);
      if (staffProfile === undefined) throw new Error(`No demo profile for ${account.email}`);
      await trx
        .insertInto('staffMembers')
        .values({
          organizationId,
          userId,
          displayName: account.name,
          jobRole: account.role as StaffRole,
          ...staffProfile,
        })
        .execute();
    }
  }
  for (const { name, role, ...staffProfile } of unlinkedStaff) {
    await trx
      .insertInto('staffMembers')
      .values({ organizationId, displayName: name, jobRole: role, ...staffProfile })
      .execute();
  }
  await insertDemoPatients(trx, organizationId);
  await insertDemoSharing(trx, organizationId);
  return organizationId;
}
