import { Stack, Text } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../auth/me-context.ts';
import { SharedWithYouList } from '../../disclosures/components/SharedWithYouList.tsx';
import { DashboardSection } from './DashboardSection.tsx';

export function FamilyMemberDashboard() {
  const { user } = useMe();
  return (
    <Stack gap="lg">
      <PageHeader title="Family member dashboard" description={`Welcome, ${user.name}.`} />
      <Text>
        Treatment records are protected by law. You see only what the patient has consented in writing to
        share with you, for as long as that consent lasts. The patient can change or withdraw it at any time.
      </Text>
      <DashboardSection title="Shared with you">
        <SharedWithYouList />
      </DashboardSection>
    </Stack>
  );
}
