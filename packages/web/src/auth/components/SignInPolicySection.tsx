import { Alert, Button, Checkbox, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { staffRoles } from '@tandem/core/identity/roles';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import type { SignInPolicy } from '../../api/types.ts';
import { roleLabels } from '../roles.ts';
import { signInPolicyQueryOptions, updateSignInPolicy } from '../security-api.ts';

/** Administrators: which staff roles must use two-step verification in this organization. */
export function SignInPolicySection() {
  const queryClient = useQueryClient();
  const intl = useIntl();
  const policy = useQuery(signInPolicyQueryOptions);
  const [roles, setRoles] = useState<SignInPolicy['twoFactorRequiredRoles']>([]);
  useEffect(() => {
    if (policy.data) setRoles(policy.data.twoFactorRequiredRoles);
  }, [policy.data]);

  const save = useMutation({
    mutationFn: updateSignInPolicy,
    onSuccess: (saved) => {
      queryClient.setQueryData(signInPolicyQueryOptions.queryKey, saved);
      notifications.show({
        color: 'green',
        title: intl.formatMessage({
          id: 'auth.signInPolicySection.savedTitle',
          defaultMessage: 'Sign-in policy saved',
        }),
        message: intl.formatMessage({
          id: 'auth.signInPolicySection.saved',
          defaultMessage: 'It applies within seconds.',
        }),
      });
    },
    onError: () => void policy.refetch(),
  });

  const problem = save.error ? describeProblem(save.error) : null;
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          <FormattedMessage
            id="auth.signInPolicySection.title"
            defaultMessage="Organization sign-in policy"
          />
        </Title>
        <Text size="sm" c="dimmed">
          <FormattedMessage
            id="auth.signInPolicySection.explanation"
            defaultMessage="Staff in these roles must set up two-step verification; until they do, Tandem shows them nothing but the set-up."
          />
        </Text>
        {problem && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} title={problem.title}>
            {problem.detail}
          </Alert>
        )}
        {policy.isPending ? (
          <Skeleton height={120} />
        ) : (
          <Checkbox.Group
            label={intl.formatMessage({
              id: 'auth.signInPolicySection.rolesLabel',
              defaultMessage: 'Require two-step verification for',
            })}
            value={roles}
            onChange={(value) => setRoles(value as typeof roles)}
          >
            <Stack gap={6} mt="xs">
              {staffRoles.map((role) => (
                <Checkbox key={role} value={role} label={<FormattedMessage {...roleLabels[role]} />} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Group>
          <Button
            loading={save.isPending}
            disabled={!policy.data}
            onClick={() =>
              policy.data && save.mutate({ twoFactorRequiredRoles: roles, version: policy.data.version })
            }
          >
            <FormattedMessage id="auth.signInPolicySection.save" defaultMessage="Save policy" />
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
