import { Alert, Skeleton, Stack } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { mayInOrganization } from '../../access/policy.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { PasswordSection } from '../components/PasswordSection.tsx';
import { SessionsSection } from '../components/SessionsSection.tsx';
import { SignInPolicySection } from '../components/SignInPolicySection.tsx';
import { TwoFactorSection } from '../components/TwoFactorSection.tsx';
import { useMe } from '../me-context.ts';
import { securityQueryOptions } from '../security-api.ts';

/** The signed-in person's sign-in security; where a required two-step enrolment happens. */
export function AccountSecurityPage() {
  const me = useMe();
  const security = useQuery(securityQueryOptions);
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title="Account security" description={`How ${me.user.email} signs in to Tandem.`} />
      {security.isPending && <Skeleton height={200} />}
      {security.isError && <ErrorPanel error={security.error} onRetry={() => void security.refetch()} />}
      {security.data?.twoFactor.enrolmentRequired && (
        <Alert color="yellow" variant="light" icon={<IconShieldLock />} title="Set up two-step verification">
          {me.organization.name} requires two-step verification for your role. Set it up below to continue to
          Tandem.
        </Alert>
      )}
      {security.data && <TwoFactorSection security={security.data} />}
      {security.data && !security.data.twoFactor.enrolmentRequired && (
        <>
          <PasswordSection />
          <SessionsSection security={security.data} />
          {mayInOrganization(me.role, 'update', 'organization_settings') && <SignInPolicySection />}
        </>
      )}
    </Stack>
  );
}
