import { Stack, Text } from '@mantine/core';
import { ButtonLink } from '../../app/links.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../auth/me-context.ts';
import { OwnCareTeamCard } from '../../care-team/components/OwnCareTeamCard.tsx';
import { DashboardSection } from './DashboardSection.tsx';

export function PatientDashboard() {
  const { user } = useMe();
  return (
    <Stack gap="lg">
      <PageHeader title="Patient dashboard" description={`Welcome, ${user.name}.`} />
      <OwnCareTeamCard />
      <DashboardSection title="Sharing your information">
        <Text size="sm">
          Your treatment records are private. Family members and friends see only what you agree in writing to
          share with them, and you can withdraw that agreement at any time.
        </Text>
        <ButtonLink to="/my-consents" variant="light" mt="sm">
          Your consents and who received your information
        </ButtonLink>
      </DashboardSection>
    </Stack>
  );
}
