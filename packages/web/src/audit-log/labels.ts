import type { auditOutcomes } from '@tandem/core/audit/audit-chain';
import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import { currentIntl } from '../i18n/current-locale.ts';

type Outcome = (typeof auditOutcomes)[number];

export const outcomeLabels: Record<Outcome, MessageDescriptor> = defineMessages({
  allowed: { id: 'auditLog.outcome.allowed', defaultMessage: 'Allowed' },
  denied: { id: 'auditLog.outcome.denied', defaultMessage: 'Refused' },
  break_glass: { id: 'auditLog.outcome.breakGlass', defaultMessage: 'Break the glass' },
});

export const outcomeColors: Record<Outcome, string> = {
  allowed: 'gray',
  denied: 'orange',
  break_glass: 'red',
};

/** What was done, as the trail records it: the actions the access policy decides, and those of features. */
const actionLabels: Record<string, MessageDescriptor> = defineMessages({
  read: { id: 'auditLog.action.read', defaultMessage: 'Viewed' },
  create: { id: 'auditLog.action.create', defaultMessage: 'Created' },
  update: { id: 'auditLog.action.update', defaultMessage: 'Changed' },
  sign: { id: 'auditLog.action.sign', defaultMessage: 'Signed' },
  break_glass: { id: 'auditLog.action.breakGlass', defaultMessage: 'Broke the glass' },
  review: { id: 'auditLog.action.review', defaultMessage: 'Reviewed' },
  accept: { id: 'auditLog.action.accept', defaultMessage: 'Accept' },
  change_language: { id: 'auditLog.action.changeLanguage', defaultMessage: 'Change language' },
  change_password: { id: 'auditLog.action.changePassword', defaultMessage: 'Change password' },
  deactivate: { id: 'auditLog.action.deactivate', defaultMessage: 'Deactivate' },
  delete: { id: 'auditLog.action.delete', defaultMessage: 'Delete' },
  deny: { id: 'auditLog.action.deny', defaultMessage: 'Deny' },
  disable_two_factor: {
    id: 'auditLog.action.disableTwoFactor',
    defaultMessage: 'Disable two factor',
  },
  enable_two_factor: {
    id: 'auditLog.action.enableTwoFactor',
    defaultMessage: 'Enable two factor',
  },
  regenerate_recovery_codes: {
    id: 'auditLog.action.regenerateRecoveryCodes',
    defaultMessage: 'Regenerate recovery codes',
  },
  request_password_reset: {
    id: 'auditLog.action.requestPasswordReset',
    defaultMessage: 'Request password reset',
  },
  reset_password: { id: 'auditLog.action.resetPassword', defaultMessage: 'Reset password' },
  revoke: { id: 'auditLog.action.revoke', defaultMessage: 'Revoke' },
  revoke_sessions: { id: 'auditLog.action.revokeSessions', defaultMessage: 'Revoke sessions' },
  send: { id: 'auditLog.action.send', defaultMessage: 'Send' },
  send_failed: { id: 'auditLog.action.sendFailed', defaultMessage: 'Send failed' },
  sign_in: { id: 'auditLog.action.signIn', defaultMessage: 'Sign in' },
  sign_in_failed: { id: 'auditLog.action.signInFailed', defaultMessage: 'Sign in failed' },
  sign_in_locked: { id: 'auditLog.action.signInLocked', defaultMessage: 'Sign in locked' },
  sign_out: { id: 'auditLog.action.signOut', defaultMessage: 'Sign out' },
});

/** The actions the audit view offers to filter by; features record others too, shown by their label. */
export const knownActions = ['read', 'create', 'update', 'sign', 'break_glass', 'review'] as const;

/** "patient_demographics" → "Patient demographics": a code this build has no words for, readable still. */
export function humanize(code: string): string {
  const words = code.replaceAll('_', ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function actionLabel(intl: IntlShape, action: string): string {
  const label = Object.hasOwn(actionLabels, action) ? actionLabels[action] : undefined;
  return label ? intl.formatMessage(label) : humanize(action);
}

/** Each part of a record or of the program the trail names: the policy's resources, and those of features. */
const resourceLabels: Record<string, MessageDescriptor> = defineMessages({
  patient_demographics: { id: 'auditLog.resource.patientDemographics', defaultMessage: 'Demographics' },
  access_log: { id: 'auditLog.resource.accessLog', defaultMessage: 'Access log' },
  audit_log: { id: 'auditLog.resource.auditLog', defaultMessage: 'Audit log' },
  break_glass_grant: { id: 'auditLog.resource.breakGlassGrant', defaultMessage: 'Emergency access' },
  break_glass_review: { id: 'auditLog.resource.breakGlassReview', defaultMessage: 'Emergency access review' },
  consent: { id: 'auditLog.resource.consent', defaultMessage: 'Consent' },
  support_contact: { id: 'auditLog.resource.supportContact', defaultMessage: 'Support contact' },
  shared_record: {
    id: 'auditLog.resource.sharedRecord',
    defaultMessage: 'Family portal view (disclosure)',
  },
  disclosure: { id: 'auditLog.resource.disclosure', defaultMessage: 'Release of information (disclosure)' },
  portal_patient_list: { id: 'auditLog.resource.portalPatientList', defaultMessage: 'Portal patient list' },
  staff_directory: { id: 'auditLog.resource.staffDirectory', defaultMessage: 'Staff directory' },
  organization_settings: {
    id: 'auditLog.resource.organizationSettings',
    defaultMessage: 'Organization settings',
  },
  outbox: { id: 'auditLog.resource.outbox', defaultMessage: 'Outbox' },
  alert_inbox: { id: 'auditLog.resource.alertInbox', defaultMessage: 'Alert inbox' },
  on_duty_roster: { id: 'auditLog.resource.onDutyRoster', defaultMessage: 'On duty roster' },
  schedule: { id: 'auditLog.resource.schedule', defaultMessage: 'Schedule' },
  care_team: { id: 'auditLog.resource.careTeam', defaultMessage: 'Care team' },
  intake_checklist: { id: 'auditLog.resource.intakeChecklist', defaultMessage: 'Intake checklist' },
  episode_of_care: { id: 'auditLog.resource.episodeOfCare', defaultMessage: 'Episode of care' },
  support_contacts: { id: 'auditLog.resource.supportContacts', defaultMessage: 'Support contacts' },
  diagnosis: { id: 'auditLog.resource.diagnosis', defaultMessage: 'Diagnosis' },
  assessment: { id: 'auditLog.resource.assessment', defaultMessage: 'Assessment' },
  treatment_plan: { id: 'auditLog.resource.treatmentPlan', defaultMessage: 'Treatment plan' },
  progress_note: { id: 'auditLog.resource.progressNote', defaultMessage: 'Progress note' },
  progress_summary: { id: 'auditLog.resource.progressSummary', defaultMessage: 'Progress summary' },
  medication: { id: 'auditLog.resource.medication', defaultMessage: 'Medication' },
  drug_test: { id: 'auditLog.resource.drugTest', defaultMessage: 'Drug test' },
  contingency_ledger: { id: 'auditLog.resource.contingencyLedger', defaultMessage: 'Contingency ledger' },
  consent_record: { id: 'auditLog.resource.consentRecord', defaultMessage: 'Consent record' },
  release_of_information: {
    id: 'auditLog.resource.releaseOfInformation',
    defaultMessage: 'Release of information',
  },
  disclosure_accounting: {
    id: 'auditLog.resource.disclosureAccounting',
    defaultMessage: 'Disclosure accounting',
  },
  portal_invitation: { id: 'auditLog.resource.portalInvitation', defaultMessage: 'Portal invitation' },
  alert: { id: 'auditLog.resource.alert', defaultMessage: 'Alert' },
  care_team_member: { id: 'auditLog.resource.careTeamMember', defaultMessage: 'Care team member' },
  intake_checklist_item: {
    id: 'auditLog.resource.intakeChecklistItem',
    defaultMessage: 'Intake checklist item',
  },
  invitation: { id: 'auditLog.resource.invitation', defaultMessage: 'Invitation' },
  level_of_care_change: { id: 'auditLog.resource.levelOfCareChange', defaultMessage: 'Level of care change' },
  on_duty_shift: { id: 'auditLog.resource.onDutyShift', defaultMessage: 'On duty shift' },
  organization: { id: 'auditLog.resource.organization', defaultMessage: 'Organization' },
  outbox_message: { id: 'auditLog.resource.outboxMessage', defaultMessage: 'Outbox message' },
  patient: { id: 'auditLog.resource.patient', defaultMessage: 'Patient' },
  patient_duplicate_check: {
    id: 'auditLog.resource.patientDuplicateCheck',
    defaultMessage: 'Patient duplicate check',
  },
  session: { id: 'auditLog.resource.session', defaultMessage: 'Session' },
  staff_member: { id: 'auditLog.resource.staffMember', defaultMessage: 'Staff member' },
  user_account: { id: 'auditLog.resource.userAccount', defaultMessage: 'User account' },
});

export function resourceLabel(intl: IntlShape, resourceType: string): string {
  const label = Object.hasOwn(resourceLabels, resourceType) ? resourceLabels[resourceType] : undefined;
  return label ? intl.formatMessage(label) : humanize(resourceType);
}

/** Audit times to the second, in the browser's time zone. */
export function formatAuditTime(intl: IntlShape, iso: string): string {
  return intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'medium' });
}

/**
 * A moment to the minute, in the browser's time zone. Without an intl (code outside React, or a caller not yet
 * given one), in the current locale.
 */
export function formatShortTime(intl: IntlShape, iso: string): string;
export function formatShortTime(iso: string): string;
export function formatShortTime(first: IntlShape | string, second?: string): string {
  const [intl, iso] = typeof first === 'string' ? [currentIntl(), first] : [first, second ?? ''];
  return intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
}
