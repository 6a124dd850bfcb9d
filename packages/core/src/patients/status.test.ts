import { describe, expect, it } from 'vitest';
import { patientStatusAfterEpisodes, patientStatuses, patientStatusLabels } from './status.ts';

describe('patient status', () => {
  it('is registered until a first admission, not active', () => {
    expect(patientStatusAfterEpisodes([])).toBe('registered');
  });

  it('follows the last episode: open is active, closed is discharged, closed by a death is deceased', () => {
    expect(patientStatusAfterEpisodes([{ discharged: true }, { discharged: false }])).toBe('active');
    expect(patientStatusAfterEpisodes([{ discharged: false }, { discharged: true }])).toBe('discharged');
    expect(patientStatusAfterEpisodes([{ discharged: true, died: true }])).toBe('deceased');
  });

  it('has a label for every status', () => {
    expect(Object.keys(patientStatusLabels).sort()).toEqual([...patientStatuses].sort());
  });
});
