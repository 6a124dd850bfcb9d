import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { describeProblem } from '../../api/problem.ts';
import type { AccountSecurity } from '../../api/types.ts';
import { durationText } from '../idle-timeout.ts';
import { signOutEverywhere } from '../security-api.ts';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** How long this session lasts, and signing out on every device at once. */
export function SessionsSection({ security }: { security: AccountSecurity }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
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
        title: 'Could not sign out everywhere',
        message: problem.detail ?? problem.title,
      });
    },
  });
  const { idleTimeoutSeconds, expiresAt } = security.session;
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Sessions
        </Title>
        <Text size="sm" c="dimmed">
          You are signed out after {durationText(idleTimeoutSeconds)} without activity
          {expiresAt ? `, and at ${timeFormat.format(new Date(expiresAt))} in any case` : ''}.
        </Text>
        <Text size="sm">
          Left Tandem open on another computer, or lost a device? Sign out everywhere ends every session of
          yours, this one included.
        </Text>
        {confirming ? (
          <Group gap="sm">
            <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
              Yes, sign out everywhere
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </Group>
        ) : (
          <Button variant="default" w="fit-content" onClick={() => setConfirming(true)}>
            Sign out everywhere
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
