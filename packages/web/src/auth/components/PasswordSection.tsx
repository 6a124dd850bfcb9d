import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeProblem } from '../../api/problem.ts';
import { changePassword } from '../security-api.ts';

const minimumLength = 12;

/** Changing the password; the server says on each field why a choice is refused. */
export function PasswordSection() {
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
        title: 'Password changed',
        message: 'You stay signed in here; every other session was signed out.',
      });
    },
    onError: (error) => setErrors(describeProblem(error).fieldErrors),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (currentPassword === '') found.currentPassword = 'Enter your current password';
    if (newPassword.length < minimumLength) found.newPassword = `Use at least ${minimumLength} characters`;
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
            Password
          </Title>
          <Text size="sm" c="dimmed">
            At least {minimumLength} characters. Common passwords and passwords containing your email name are
            refused. A few unrelated words work well.
          </Text>
          {unplaced && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} title={unplaced.title}>
              {unplaced.detail}
            </Alert>
          )}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={errors.currentPassword}
            withAsterisk
          />
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(event) => setNewPassword(event.currentTarget.value)}
            error={errors.newPassword}
            withAsterisk
          />
          <Button type="submit" w="fit-content" loading={change.isPending}>
            Change password
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
