import {
  careTeamRoleLabels,
  careTeamRoles,
  englishOf,
  jobRolesForCareTeamPlace,
  roleLabels,
} from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { withValues } from '../i18n/error-message.ts';
import { careTeamErrors } from './errors.ts';

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

describe('careTeamErrors.placeNeedsJob', () => {
  it('names the jobs core lets hold each place', () => {
    for (const place of careTeamRoles) {
      const jobs = jobRolesForCareTeamPlace[place].map((job) => roleLabels[job].toLowerCase()).join(' or ');
      const message = englishOf(
        withValues(careTeamErrors.placeNeedsJob, { place, name: 'Sam', job: 'admin' }),
      );
      expect(message).toBe(
        `The ${careTeamRoleLabels[place].toLowerCase()} place needs ${article(jobs)} ${jobs}; Sam is an administrator`,
      );
    }
  });
});
