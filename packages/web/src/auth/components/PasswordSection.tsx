import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import { changePassword } from '../security-api.ts';

const minimumLength = 12;

/** Changing the password; the server says on each field why a choice is refused. */
export function PasswordSection() {
  const intl = useIntl();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      notifications.show({
        color: 'green',
        title: intl.formatMessage({
          id: 'auth.passwordSection.changedTitle',
          defaultMessage: 'Password changed',
        }),
        message: intl.formatMessage({
          id: 'auth.passwordSection.changed',
          defaultMessage: 'You stay signed in here; every other session was signed out.',
        }),
      });
    },
    onError: (error) => setErrors(describeProblem(error).fieldErrors),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (currentPassword === '') {
      found.currentPassword = intl.formatMessage({
        id: 'auth.passwordSection.currentMissing',
        defaultMessage: 'Enter your current password',
      });
    }
    if (newPassword.length < minimumLength) {
      found.newPassword = intl.formatMessage(
        { id: 'auth.passwordSection.tooShort', defaultMessage: 'Use at least {minimumLength} characters' },
        { minimumLength },
      );
    }
    setErrors(found);
    if (Object.keys(found).length === 0) change.mutate({ currentPassword, newPassword });
  }

  const problem = change.error ? describeProblem(change.error) : null;
  const unplaced = problem && Object.keys(problem.fieldErrors).length === 0 ? problem : null;

  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={400}>
          <Title order={2} size="h4">
            <FormattedMessage id="auth.passwordSection.title" defaultMessage="Password" />
          </Title>
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="auth.passwordSection.policy"
              defaultMessage="At least {minimumLength} characters. Common passwords and passwords containing your email name are refused. A few unrelated words work well."
              values={{ minimumLength }}
            />
          </Text>
          {unplaced && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} title={unplaced.title}>
              {unplaced.detail}
            </Alert>
          )}
          <PasswordInput
            label={intl.formatMessage({
              id: 'auth.passwordSection.current',
              defaultMessage: 'Current password',
            })}
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={errors.currentPassword}
            withAsterisk
          />
          <PasswordInput
            label={intl.formatMessage({ id: 'auth.passwordSection.new', defaultMessage: 'New password' })}
            autoComplete="new-password"
            value={newPassword}
            onChange={(event) => setNewPassword(event.currentTarget.value)}
            error={errors.newPassword}
            withAsterisk
          />
          <Button type="submit" w="fit-content" loading={change.isPending}>
            <FormattedMessage id="auth.passwordSection.submit" defaultMessage="Change password" />
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
