import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeProblem } from '../../api/problem.ts';
import { ColorSchemeToggle } from '../../app/ColorSchemeToggle.tsx';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { resetPassword } from '../password-reset-api.ts';

const minimumLength = 12;

type FieldErrors = Partial<Record<'newPassword' | 'confirmation' | 'token', string>>;

/**
 * Where a password reset link lands (public): the new password, twice. The server applies the password policy
 * and says on the field why a choice is refused; once set, every session of the account is signed out.
 */
export function ResetPasswordPage({ token }: { token: string }) {
  const queryClient = useQueryClient();
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const reset = useMutation({
    mutationFn: () => resetPassword(token, newPassword),
    onSuccess: () => queryClient.clear(),
    onError: (error) => setErrors(describeProblem(error).fieldErrors),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (newPassword.length < minimumLength) found.newPassword = `Use at least ${minimumLength} characters`;
    if (confirmation !== newPassword) found.confirmation = 'The two passwords differ';
    setErrors(found);
    if (Object.keys(found).length === 0) reset.mutate();
  }

  const problem = reset.error ? describeProblem(reset.error) : null;
  const unplaced = problem && !problem.fieldErrors.newPassword ? problem : null;

  return (
    <Center component="main" mih="100vh" p="md" pos="relative">
      <div
        style={{ position: 'absolute', top: 'var(--mantine-spacing-md)', right: 'var(--mantine-spacing-md)' }}
      >
        <ColorSchemeToggle />
      </div>
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Stack>
          <Title order={1} size="h2">
            Choose a new password
          </Title>
          {reset.isSuccess ? (
            <Stack>
              <Alert
                color="teal"
                variant="light"
                icon={<IconCircleCheck />}
                title="Password changed"
                role="status"
              >
                Your new password is set. Every session of your account was signed out; sign in again with it.
              </Alert>
              <ButtonLink to="/sign-in" fullWidth>
                Sign in
              </ButtonLink>
            </Stack>
          ) : (
            <form onSubmit={submit} noValidate>
              <Stack>
                <Text size="sm" c="dimmed">
                  At least {minimumLength} characters. Common passwords and passwords containing your email
                  name are refused. A few unrelated words work well.
                </Text>
                {unplaced && (
                  <Alert color="red" variant="light" icon={<IconAlertCircle />} title={unplaced.title}>
                    {unplaced.fieldErrors.token ?? unplaced.detail}
                    {unplaced.fieldErrors.token && (
                      <Text size="sm" mt="xs">
                        <AnchorLink to="/forgot-password">Ask for a new link</AnchorLink>
                      </Text>
                    )}
                  </Alert>
                )}
                <PasswordInput
                  label="New password"
                  autoComplete="new-password"
                  value={newPassword}
                  onChange={(event) => setNewPassword(event.currentTarget.value)}
                  error={errors.newPassword}
                  withAsterisk
                  autoFocus
                  visibilityToggleButtonProps={{ 'aria-label': 'Show typed characters' }}
                />
                <PasswordInput
                  label="New password again"
                  autoComplete="new-password"
                  value={confirmation}
                  onChange={(event) => setConfirmation(event.currentTarget.value)}
                  error={errors.confirmation}
                  withAsterisk
                  visibilityToggleButtonProps={{ 'aria-label': 'Show typed characters' }}
                />
                <Button type="submit" fullWidth loading={reset.isPending}>
                  Set the new password
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
