import type { Role } from '../identity/roles.ts';

/**
 * What an intake checklist item is: administrative (the consents signed, the orientation given: paperwork the
 * front desk keeps) or clinical (the assessments done, the treatment plan written: a clinician's work and
 * judgement, and the overdue alert clinicians act on).
 */
export const intakeItemKinds = ['clinical', 'administrative'] as const;
export type IntakeItemKind = (typeof intakeItemKinds)[number];

export const intakeItemKindLabels: Record<IntakeItemKind, string> = {
  clinical: 'Clinical (clinical staff only)',
  administrative: 'Administrative (any staff)',
};

/** The roles that treat patients: the only ones who may say a clinical item is done, or undo it. */
const clinicalRoles: readonly Role[] = ['clinician', 'prescriber', 'supervisor'];

/**
 * Why this role may not complete (or reopen) an item of this kind, or undefined when it may. A front desk that
 * ticks "intake assessments done" would clear the clinicians' overdue alert for an assessment nobody did.
 */
export function intakeItemRefusal(role: Role, kind: IntakeItemKind): string | undefined {
  if (kind === 'administrative' || clinicalRoles.includes(role)) return undefined;
  return 'Only clinical staff (clinicians, prescribers, supervisors) may complete or reopen a clinical intake item.';
}

export const mayCompleteIntakeItem = (role: Role, kind: IntakeItemKind): boolean =>
  intakeItemRefusal(role, kind) === undefined;
