import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import type { AccountSecurity } from '../../api/types.ts';
import { durationText } from '../idle-timeout.ts';
import { signOutEverywhere } from '../security-api.ts';

/** How long this session lasts, and signing out on every device at once. */
export function SessionsSection({ security }: { security: AccountSecurity }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const intl = useIntl();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: signOutEverywhere,
    onSuccess: async () => {
      await navigate({ to: '/sign-in' });
      queryClient.clear();
    },
    onError: (error) => {
      const problem = describeProblem(error);
      notifications.show({
        color: 'red',
        title: intl.formatMessage({
          id: 'auth.sessionsSection.failed',
          defaultMessage: 'Could not sign out everywhere',
        }),
        message: problem.detail ?? problem.title,
      });
    },
  });
  const { idleTimeoutSeconds, expiresAt } = security.session;
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          <FormattedMessage id="auth.sessionsSection.title" defaultMessage="Sessions" />
        </Title>
        <Text size="sm" c="dimmed">
          {expiresAt ? (
            <FormattedMessage
              id="auth.sessionsSection.timeoutAndExpiry"
              defaultMessage="You are signed out after {timeout} without activity, and at {expiresAt} in any case."
              values={{
                timeout: durationText(intl, idleTimeoutSeconds),
                expiresAt: intl.formatDate(expiresAt, { dateStyle: 'medium', timeStyle: 'short' }),
              }}
            />
          ) : (
            <FormattedMessage
              id="auth.sessionsSection.timeout"
              defaultMessage="You are signed out after {timeout} without activity."
              values={{ timeout: durationText(intl, idleTimeoutSeconds) }}
            />
          )}
        </Text>
        <Text size="sm">
          <FormattedMessage
            id="auth.sessionsSection.explanation"
            defaultMessage="Left Tandem open on another computer, or lost a device? Sign out everywhere ends every session of yours, this one included."
          />
        </Text>
        {confirming ? (
          <Group gap="sm">
            <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
              <FormattedMessage id="auth.sessionsSection.confirm" defaultMessage="Yes, sign out everywhere" />
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              <FormattedMessage id="auth.sessionsSection.cancel" defaultMessage="Cancel" />
            </Button>
          </Group>
        ) : (
          <Button variant="default" w="fit-content" onClick={() => setConfirming(true)}>
            <FormattedMessage
              id="auth.sessionsSection.signOutEverywhere"
              defaultMessage="Sign out everywhere"
            />
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
