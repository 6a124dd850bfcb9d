import type { auditOutcomes } from '@tandem/core/audit/audit-chain';

type Outcome = (typeof auditOutcomes)[number];

export const outcomeLabels: Record<Outcome, string> = {
  allowed: 'Allowed',
  denied: 'Refused',
  break_glass: 'Break the glass',
};

export const outcomeColors: Record<Outcome, string> = {
  allowed: 'gray',
  denied: 'orange',
  break_glass: 'red',
};

const actionLabels: Record<string, string> = {
  read: 'Viewed',
  create: 'Created',
  update: 'Changed',
  sign: 'Signed',
  break_glass: 'Broke the glass',
  review: 'Reviewed',
};

/** The actions the audit view offers to filter by; features may record others, shown as they are. */
export const knownActions = Object.keys(actionLabels);

/** "patient_demographics" → "Patient demographics". */
export function humanize(code: string): string {
  const words = code.replaceAll('_', ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function actionLabel(action: string): string {
  return actionLabels[action] ?? humanize(action);
}

const resourceLabels: Record<string, string> = {
  patient_demographics: 'Demographics',
  access_log: 'Access log',
  audit_log: 'Audit log',
  break_glass_grant: 'Emergency access',
  break_glass_review: 'Emergency access review',
  consent: 'Consent',
  support_contact: 'Support contact',
  shared_record: 'Family portal view (disclosure)',
  disclosure: 'Release of information (disclosure)',
  portal_patient_list: 'Portal patient list',
};

export function resourceLabel(resourceType: string): string {
  return resourceLabels[resourceType] ?? humanize(resourceType);
}

// Audit times to the second, in the browser's time zone.
const auditTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
export function formatAuditTime(iso: string): string {
  return auditTimeFormat.format(new Date(iso));
}

const shortTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export function formatShortTime(iso: string): string {
  return shortTimeFormat.format(new Date(iso));
}
