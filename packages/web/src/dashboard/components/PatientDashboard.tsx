import { EmptyState, Stack, Text } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import { ButtonLink } from '../../app/links.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../auth/me-context.ts';
import { DashboardSection } from './DashboardSection.tsx';

export function PatientDashboard() {
  const { user, organization } = useMe();
  return (
    <Stack gap="lg">
      <PageHeader title="Patient dashboard" description={`Welcome, ${user.name}.`} />
      <DashboardSection title="Your care team">
        <EmptyState
          icon={<IconHeartHandshake />}
          withIndicatorBackground
          title="Your care team will appear here"
          description={`Once ${organization.name} assigns your counselor and care team, you will find them here.`}
        />
      </DashboardSection>
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
