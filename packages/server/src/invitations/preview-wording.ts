import { defineMessages } from '@formatjs/intl';
import type { StaffRole, UiLanguage } from '@tandem/core';
import type { InvitationIntroduction } from '@tandem/core/invitations/invitation';
import { intlFor } from '../i18n/intl.ts';

const roleLabels = defineMessages({
  admin: { id: 'invitations.preview.role.admin', defaultMessage: 'Administrator' },
  clinician: { id: 'invitations.preview.role.clinician', defaultMessage: 'Clinician' },
  prescriber: { id: 'invitations.preview.role.prescriber', defaultMessage: 'Prescriber' },
  front_desk: { id: 'invitations.preview.role.frontDesk', defaultMessage: 'Front desk' },
  supervisor: { id: 'invitations.preview.role.supervisor', defaultMessage: 'Clinical supervisor' },
} satisfies Record<StaffRole, unknown>);

const someoneYouKnow = defineMessages({
  label: { id: 'invitations.preview.someoneYouKnow', defaultMessage: 'Someone you know' },
});

/** The link page's words from the server, in the reader's language (the browser's: they have no account yet). */
export function previewWording(language: UiLanguage, introduction: InvitationIntroduction) {
  const intl = intlFor(language);
  return {
    invitedBy: introduction.invitedBy ?? intl.formatMessage(someoneYouKnow.label),
    organizationName: introduction.organizationName,
    role: introduction.role,
    roleLabel: introduction.role === null ? null : intl.formatMessage(roleLabels[introduction.role]),
  };
}
