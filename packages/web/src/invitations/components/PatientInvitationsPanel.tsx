import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { PendingInvitations } from './PendingInvitations.tsx';
import { InvitePatientButton } from './PortalInvitationButtons.tsx';

/**
 * The care team's view of a patient's invitations: invite the patient to the portal, and see or withdraw the
 * open invitations of the patient and their support contacts (each support contact's own button sits with the
 * contact: InviteSupportContactButton).
 */
export function PatientInvitationsPanel({
  patientId,
  patientName,
  emailOnRecord,
}: {
  patientId: string;
  patientName: string;
  emailOnRecord: string | null;
}) {
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4">
              <FormattedMessage
                id="invitations.patientInvitationsPanel.title"
                defaultMessage="Portal invitations"
              />
            </Title>
            <Text size="sm" c="dimmed">
              <FormattedMessage
                id="invitations.patientInvitationsPanel.explanation"
                defaultMessage="A one-time link lets {patient} choose a password for the patient portal. Support contacts are invited only while a written consent names them."
                values={{ patient: patientName }}
              />
            </Text>
          </Stack>
          <InvitePatientButton
            patientId={patientId}
            patientName={patientName}
            emailOnRecord={emailOnRecord}
          />
        </Group>
        <PendingInvitations
          patientId={patientId}
          emptyText={
            <FormattedMessage
              id="invitations.patientInvitationsPanel.empty"
              defaultMessage="No open invitation for this patient."
            />
          }
        />
      </Stack>
    </Paper>
  );
}
