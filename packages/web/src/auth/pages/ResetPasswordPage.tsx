import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
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
  const intl = useIntl();
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
    if (newPassword.length < minimumLength) {
      found.newPassword = intl.formatMessage(
        { id: 'auth.resetPasswordPage.tooShort', defaultMessage: 'Use at least {minimumLength} characters' },
        { minimumLength },
      );
    }
    if (confirmation !== newPassword) {
      found.confirmation = intl.formatMessage({
        id: 'auth.resetPasswordPage.passwordsDiffer',
        defaultMessage: 'The two passwords differ',
      });
    }
    setErrors(found);
    if (Object.keys(found).length === 0) reset.mutate();
  }

  const problem = reset.error ? describeProblem(reset.error) : null;
  const showTyped = intl.formatMessage({
    id: 'auth.resetPasswordPage.showTypedCharacters',
    defaultMessage: 'Show typed characters',
  });
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
            <FormattedMessage id="auth.resetPasswordPage.title" defaultMessage="Choose a new password" />
          </Title>
          {reset.isSuccess ? (
            <Stack>
              <Alert
                color="teal"
                variant="light"
                icon={<IconCircleCheck />}
                title={intl.formatMessage({
                  id: 'auth.resetPasswordPage.doneTitle',
                  defaultMessage: 'Password changed',
                })}
                role="status"
              >
                <FormattedMessage
                  id="auth.resetPasswordPage.done"
                  defaultMessage="Your new password is set. Every session of your account was signed out; sign in again with it."
                />
              </Alert>
              <ButtonLink to="/sign-in" fullWidth>
                <FormattedMessage id="auth.resetPasswordPage.signIn" defaultMessage="Sign in" />
              </ButtonLink>
            </Stack>
          ) : (
            <form onSubmit={submit} noValidate>
              <Stack>
                <Text size="sm" c="dimmed">
                  <FormattedMessage
                    id="auth.resetPasswordPage.policy"
                    defaultMessage="At least {minimumLength} characters. Common passwords and passwords containing your email name are refused. A few unrelated words work well."
                    values={{ minimumLength }}
                  />
                </Text>
                {unplaced && (
                  <Alert color="red" variant="light" icon={<IconAlertCircle />} title={unplaced.title}>
                    {unplaced.fieldErrors.token ?? unplaced.detail}
                    {unplaced.fieldErrors.token && (
                      <Text size="sm" mt="xs">
                        <AnchorLink to="/forgot-password">
                          <FormattedMessage
                            id="auth.resetPasswordPage.askAgain"
                            defaultMessage="Ask for a new link"
                          />
                        </AnchorLink>
                      </Text>
                    )}
                  </Alert>
                )}
                <PasswordInput
                  label={intl.formatMessage({
                    id: 'auth.resetPasswordPage.newPassword',
                    defaultMessage: 'New password',
                  })}
                  autoComplete="new-password"
                  value={newPassword}
                  onChange={(event) => setNewPassword(event.currentTarget.value)}
                  error={errors.newPassword}
                  withAsterisk
                  autoFocus
                  visibilityToggleButtonProps={{ 'aria-label': showTyped }}
                />
                <PasswordInput
                  label={intl.formatMessage({
                    id: 'auth.resetPasswordPage.newPasswordAgain',
                    defaultMessage: 'New password again',
                  })}
                  autoComplete="new-password"
                  value={confirmation}
                  onChange={(event) => setConfirmation(event.currentTarget.value)}
                  error={errors.confirmation}
                  withAsterisk
                  visibilityToggleButtonProps={{ 'aria-label': showTyped }}
                />
                <Button type="submit" fullWidth loading={reset.isPending}>
                  <FormattedMessage
                    id="auth.resetPasswordPage.submit"
                    defaultMessage="Set the new password"
                  />
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
