import { describe, expect, it } from 'vitest';
import { channelLabels, disclosedByLabel } from './labels.ts';

describe('disclosure labels', () => {
  it('names who disclosed: the staff member, or Tandem for a portal view', () => {
    expect(disclosedByLabel({ disclosedBy: 'Dr. Casey Rivera', channel: 'printout' })).toBe(
      'Dr. Casey Rivera',
    );
    expect(disclosedByLabel({ disclosedBy: null, channel: 'family_portal' })).toBe(
      'Tandem, when they opened the portal',
    );
    expect(channelLabels.printout).toBe('Printed release');
  });
});
