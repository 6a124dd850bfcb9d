import { Alert, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconMailCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import { ColorSchemeToggle } from '../../app/ColorSchemeToggle.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { requestPasswordReset } from '../password-reset-api.ts';

/**
 * "Forgot password?": the person enters their email and is told the same thing whether or not an account has it
 * (the link goes only to the mailbox). Public.
 */
export function ForgotPasswordPage() {
  const intl = useIntl();
  const emailRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const ask = useMutation({
    mutationFn: requestPasswordReset,
    onError: (error) => {
      setFieldError(describeProblem(error).fieldErrors.email);
      emailRef.current?.focus();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = email.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(trimmed)) {
      setFieldError(
        intl.formatMessage({
          id: 'auth.forgotPasswordPage.emailInvalid',
          defaultMessage: 'Enter an email address',
        }),
      );
      emailRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    ask.mutate(trimmed);
  }

  const failure =
    ask.error && !describeProblem(ask.error).fieldErrors.email ? describeProblem(ask.error) : null;

  return (
    <Center component="main" mih="100vh" p="md" pos="relative">
      <div
        style={{ position: 'absolute', top: 'var(--mantine-spacing-md)', right: 'var(--mantine-spacing-md)' }}
      >
        <ColorSchemeToggle />
      </div>
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <Stack>
          <Stack gap={4}>
            <Title order={1} size="h2">
              <FormattedMessage id="auth.forgotPasswordPage.title" defaultMessage="Forgot your password?" />
            </Title>
            <Text c="dimmed" size="sm">
              <FormattedMessage
                id="auth.forgotPasswordPage.explanation"
                defaultMessage="Enter the email address you sign in with. We will send a link to choose a new password."
              />
            </Text>
          </Stack>
          {ask.isSuccess ? (
            <Alert
              color="teal"
              variant="light"
              icon={<IconMailCheck />}
              title={intl.formatMessage({
                id: 'auth.forgotPasswordPage.sentTitle',
                defaultMessage: 'Check your email',
              })}
              role="status"
            >
              {/* The server answers the same whether or not an account has the address; said here in the page's language. */}
              <FormattedMessage
                id="auth.forgotPasswordPage.sent"
                defaultMessage="If an account uses this email address, a link to choose a new password is on its way. It works for a limited time."
              />
            </Alert>
          ) : (
            <form onSubmit={submit} noValidate>
              <Stack>
                {failure && (
                  <Alert color="red" variant="light" icon={<IconAlertCircle />} title={failure.title}>
                    {failure.detail}
                  </Alert>
                )}
                <TextInput
                  ref={emailRef}
                  label={intl.formatMessage({ id: 'auth.forgotPasswordPage.email', defaultMessage: 'Email' })}
                  type="email"
                  autoComplete="username"
                  value={email}
                  onChange={(event) => {
                    setEmail(event.currentTarget.value);
                    setFieldError(undefined);
                  }}
                  error={fieldError}
                  withAsterisk
                  autoFocus
                />
                <Button type="submit" fullWidth loading={ask.isPending}>
                  <FormattedMessage id="auth.forgotPasswordPage.submit" defaultMessage="Send the link" />
                </Button>
              </Stack>
            </form>
          )}
          <AnchorLink to="/sign-in" size="sm">
            <FormattedMessage id="auth.forgotPasswordPage.backToSignIn" defaultMessage="Back to sign-in" />
          </AnchorLink>
        </Stack>
      </Paper>
    </Center>
  );
}
