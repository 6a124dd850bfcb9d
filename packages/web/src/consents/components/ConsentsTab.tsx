import { Divider, Stack } from '@mantine/core';
import { useMe } from '../../auth/me-context.ts';
import type { RecordTabContext } from '../../patients/record-tab-context.ts';
import { consentAbilities } from '../abilities.ts';
import { ConsentsPanel } from './ConsentsPanel.tsx';
import { SupportContactsPanel } from './SupportContactsPanel.tsx';

/** The Consents tab of a patient record: the patient's loved ones and their written consents to disclose. */
export function ConsentsTab({ record, viewer, now }: RecordTabContext) {
  const me = useMe();
  const abilities = consentAbilities(viewer, record, now);
  return (
    <Stack gap="xl">
      <SupportContactsPanel patientId={record.id} canEdit={abilities.editSupportContacts} />
      <Divider />
      <ConsentsPanel
        patientId={record.id}
        patientName={`${record.legalGivenName} ${record.legalFamilyName}`}
        viewerName={me.user.name}
        abilities={abilities}
      />
    </Stack>
  );
}
