import { Alert, Skeleton, Stack } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { mayInOrganization } from '../../access/policy.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { LanguageSection } from '../components/LanguageSection.tsx';
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
  const intl = useIntl();
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader
        title={intl.formatMessage({
          id: 'auth.accountSecurityPage.title',
          defaultMessage: 'Account security',
        })}
        description={intl.formatMessage(
          { id: 'auth.accountSecurityPage.description', defaultMessage: 'How {email} signs in to Tandem.' },
          { email: me.user.email },
        )}
      />
      {security.isPending && <Skeleton height={200} />}
      {security.isError && <ErrorPanel error={security.error} onRetry={() => void security.refetch()} />}
      {security.data?.twoFactor.enrolmentRequired && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconShieldLock />}
          title={intl.formatMessage({
            id: 'auth.accountSecurityPage.enrolmentRequiredTitle',
            defaultMessage: 'Set up two-step verification',
          })}
        >
          <FormattedMessage
            id="auth.accountSecurityPage.enrolmentRequired"
            defaultMessage="{organization} requires two-step verification for your role. Set it up below to continue to Tandem."
            values={{ organization: me.organization.name }}
          />
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
      {/* Also while a required enrolment blocks everything else: the set-up should be readable. */}
      <LanguageSection />
    </Stack>
  );
}
