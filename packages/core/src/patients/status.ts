/**
 * Where a person stands with the program. A record starts `registered` (the front desk has their details, nobody
 * has admitted them yet); the first admission makes it `active`; discharge makes it `discharged` (or `deceased`
 * after a death), and a later admission makes it `active` again. Only `active` patients are in treatment: a
 * registered patient is not counted, listed or filtered as one.
 */
export const patientStatuses = ['registered', 'active', 'discharged', 'deceased'] as const;
export type PatientStatus = (typeof patientStatuses)[number];

export const patientStatusLabels: Record<PatientStatus, string> = {
  registered: 'Registered',
  active: 'Active',
  discharged: 'Discharged',
  deceased: 'Deceased',
};

/** The status a record has after its episodes of care: none yet, the last still open, or the last closed. */
export function patientStatusAfterEpisodes(
  episodes: readonly { discharged: boolean; died?: boolean }[],
): PatientStatus {
  const last = episodes.at(-1);
  if (last === undefined) return 'registered';
  if (!last.discharged) return 'active';
  return last.died === true ? 'deceased' : 'discharged';
}
