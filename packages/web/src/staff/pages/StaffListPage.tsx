import { Stack } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader.tsx';
import { StaffDirectory } from '../components/StaffDirectory.tsx';

export function StaffListPage() {
  return (
    <Stack gap="lg">
      <PageHeader
        title="Staff"
        description="Everyone who works in this program, with the credentials and approaches used to match patients."
      />
      <StaffDirectory />
    </Stack>
  );
}
