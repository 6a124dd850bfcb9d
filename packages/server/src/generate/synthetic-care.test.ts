import { isAsamLevel } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { syntheticCare, syntheticTherapists } from './synthetic-care.ts';
import { defaultAsOf, syntheticPatients } from './synthetic-patients.ts';

const options = { seed: 2026, firstMrnValue: 1, asOf: defaultAsOf };
const patients = [...syntheticPatients({ ...options, count: 2000 })];
const careOf = () => {
  const careFor = syntheticCare(options);
  return patients.map((patient) => ({ patient, care: careFor(patient) }));
};

describe('syntheticCare', () => {
  const cared = careOf();

  it('gives the same care for the same seed and patients', () => {
    expect(careOf()).toEqual(cared);
  });

  it('keeps one active episode, the last, for exactly the patients in treatment', () => {
    for (const { patient, care } of cared) {
      const active = care.episodes.filter((episode) => episode.status === 'active');
      expect(active.length, patient.mrn).toBe(patient.status === 'active' ? 1 : 0);
      expect(care.needsPrimaryTherapist).toBe(patient.status === 'active');
      if (active.length === 1) expect(care.episodes.at(-1)).toBe(active[0]);
      expect(care.episodes.length).toBeGreaterThan(0);
    }
  });

  it('dates episodes one after another, from registration to the reference date', () => {
    const asOf = defaultAsOf.toISOString().slice(0, 10);
    for (const { patient, care } of cared) {
      let previousEnd = patient.createdAt.toISOString().slice(0, 10);
      for (const episode of care.episodes) {
        expect(episode.admittedOn >= previousEnd).toBe(true);
        expect(episode.admittedOn < asOf).toBe(true);
        if (episode.status === 'discharged') {
          expect(episode.dischargedOn !== null && episode.dischargedOn >= episode.admittedOn).toBe(true);
          expect(episode.dischargeType).not.toBeNull();
          previousEnd = episode.dischargedOn as string;
        } else {
          expect([episode.dischargedOn, episode.dischargeType]).toEqual([null, null]);
        }
      }
      const deaths = care.episodes.filter((episode) => episode.dischargeType === 'death');
      if (patient.status !== 'deceased') expect(deaths).toEqual([]);
    }
  });

  it('records ASAM levels of the right edition, and step-downs that end where the episode is now', () => {
    const episodes = cared.flatMap(({ care }) => care.episodes);
    for (const episode of episodes) {
      if (episode.asamEdition !== null)
        expect(isAsamLevel(episode.asamEdition, episode.asamLevel ?? '')).toBe(true);
    }
    const changes = cared.flatMap(({ care }) => care.levelChanges);
    expect(changes.length).toBeGreaterThan(50);
    for (const change of changes) {
      const episode = episodes.find((candidate) => candidate.id === change.episodeId);
      expect(episode?.setting).toBe(change.setting);
      expect(change.effectiveOn > (episode?.admittedOn ?? '')).toBe(true);
    }
    const settings = new Set(episodes.filter((e) => e.status === 'active').map((episode) => episode.setting));
    expect(settings.size).toBe(5);
  });
});

describe('syntheticTherapists', () => {
  it('makes clinicians at example addresses with what matching ranks on', () => {
    const therapists = syntheticTherapists(options, 50);
    expect(syntheticTherapists(options, 50)).toEqual(therapists);
    expect(new Set(therapists.map((therapist) => therapist.email)).size).toBe(50);
    for (const therapist of therapists) {
      expect(therapist.email).toMatch(/@example\.org$/);
      expect(therapist.approaches.length).toBeGreaterThanOrEqual(2);
      expect(Object.keys(therapist.substanceExperience).length).toBeGreaterThan(0);
    }
  });
});
