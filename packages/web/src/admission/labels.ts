import {
  type CareSetting,
  careSettingLabels,
  type DischargeType,
  dischargeTypeLabels,
} from '@tandem/core/admission/vocabulary';

/** A vocabulary's labels as select options, in the vocabulary's order. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

/** "Outpatient · ASAM 4th ed. 1.5" — how an episode's current level reads in a list. */
export function levelOfCareLabel(
  setting: CareSetting,
  asam: { edition: string; level: string } | null,
): string {
  const settingLabel = careSettingLabels[setting];
  if (asam === null) return settingLabel;
  return `${settingLabel} · ASAM ${asam.edition === '3' ? '3rd' : '4th'} ed. ${asam.level}`;
}

/** "Admitted 2026-01-05 · Discharged 2026-03-01 (planned completion)" */
export function episodeSpanLabel(episode: {
  admittedOn: string;
  dischargedOn: string | null;
  dischargeType: DischargeType | null;
}): string {
  const admitted = `Admitted ${episode.admittedOn}`;
  if (episode.dischargedOn === null) return `${admitted} · in treatment`;
  const type =
    episode.dischargeType === null ? '' : ` (${dischargeTypeLabels[episode.dischargeType].toLowerCase()})`;
  return `${admitted} · Discharged ${episode.dischargedOn}${type}`;
}
