import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconClockPause } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { defineMessages, FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import { describeProblem, type ProblemMessage } from '../../api/problem.ts';
import type { SignInBody } from '../../api/types.ts';
import { ColorSchemeToggle } from '../../app/ColorSchemeToggle.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { meQueryOptions, signIn, verifySecondStep } from '../api.ts';
import { durationText } from '../idle-timeout.ts';
import { safeRedirectTarget } from '../redirect-target.ts';

type FieldErrors = Partial<Record<keyof SignInBody | 'code', string>>;
type SecondStep = 'totp' | 'recovery';

const messages = defineMessages({
  emailRequired: { id: 'auth.signInPage.emailRequired', defaultMessage: 'Email is required' },
  passwordRequired: { id: 'auth.signInPage.passwordRequired', defaultMessage: 'Password is required' },
  codeInvalid: {
    id: 'auth.signInPage.codeInvalid',
    defaultMessage: 'Enter the 6-digit code from your authenticator app',
  },
  recoveryCodeMissing: {
    id: 'auth.signInPage.recoveryCodeMissing',
    defaultMessage: 'Enter one of your recovery codes',
  },
  failedTitle: { id: 'auth.signInPage.failedTitle', defaultMessage: 'Sign-in failed' },
  failedDetail: {
    id: 'auth.signInPage.failedDetail',
    defaultMessage: 'The email or password is not correct.',
  },
  showTyped: { id: 'auth.signInPage.showTypedCharacters', defaultMessage: 'Show typed characters' },
});

function validate(intl: IntlShape, values: SignInBody): FieldErrors {
  const errors: FieldErrors = {};
  if (values.email.trim() === '') errors.email = intl.formatMessage(messages.emailRequired);
  if (values.password === '') errors.password = intl.formatMessage(messages.passwordRequired);
  return errors;
}

function validateCode(intl: IntlShape, kind: SecondStep, code: string): string | undefined {
  if (kind === 'totp' && !/^\d{6}$/.test(code.replace(/\s/g, ''))) {
    return intl.formatMessage(messages.codeInvalid);
  }
  if (kind === 'recovery' && code.trim() === '') return intl.formatMessage(messages.recoveryCodeMissing);
  return undefined;
}

/** A 401 here means wrong credentials, not "signed out", so it gets its own wording. */
function signInFailure(intl: IntlShape, error: unknown): ProblemMessage {
  const problem = describeProblem(error);
  if (problem.status !== 401) return problem;
  return {
    ...problem,
    title: intl.formatMessage(messages.failedTitle),
    detail: problem.detail ?? intl.formatMessage(messages.failedDetail),
  };
}

class SessionNotKeptError extends Error {}

export function SignInPage({ redirectTo, idleSeconds }: { redirectTo?: string; idleSeconds?: number }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const intl = useIntl();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState<SignInBody>({ email: '', password: '' });
  const [secondStep, setSecondStep] = useState<SecondStep | null>(null);
  const [code, setCode] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  useEffect(() => {
    if (secondStep === null) emailRef.current?.focus();
    else codeRef.current?.focus();
  }, [secondStep]);

  async function finishSignIn() {
    // Start from an empty cache: nothing from an earlier session may show to this person.
    queryClient.clear();
    const me = await queryClient.fetchQuery(meQueryOptions);
    if (!me) throw new SessionNotKeptError();
  }

  const onFailure = (error: Error) => {
    if (error instanceof SessionNotKeptError) return;
    setFieldErrors(signInFailure(intl, error).fieldErrors);
  };
  const onSignedIn = () => navigate({ href: safeRedirectTarget(redirectTo), replace: true });

  const passwordStep = useMutation({
    mutationFn: async (body: SignInBody): Promise<'signed-in' | 'second-step'> => {
      const result = await signIn({ ...body, email: body.email.trim() });
      if ('twoFactorRequired' in result) return 'second-step';
      await finishSignIn();
      return 'signed-in';
    },
    onSuccess: (outcome) => {
      if (outcome === 'second-step') {
        setSecondStep('totp');
        setCode('');
        setFieldErrors({});
      } else void onSignedIn();
    },
    onError: onFailure,
  });

  const codeStep = useMutation({
    mutationFn: async ({ kind, value }: { kind: SecondStep; value: string }) => {
      await verifySecondStep(kind, kind === 'totp' ? value.replace(/\s/g, '') : value.trim());
      await finishSignIn();
    },
    onSuccess: () => void onSignedIn(),
    onError: onFailure,
  });

  function handlePassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = validate(intl, values);
    setFieldErrors(errors);
    if (errors.email) emailRef.current?.focus();
    else if (errors.password) passwordRef.current?.focus();
    if (Object.keys(errors).length === 0) passwordStep.mutate(values);
  }

  function handleCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (secondStep === null) return;
    const error = validateCode(intl, secondStep, code);
    setFieldErrors({ code: error });
    if (error) codeRef.current?.focus();
    else codeStep.mutate({ kind: secondStep, value: code });
  }

  function update(field: keyof SignInBody, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((current) => ({ ...current, [field]: undefined }));
  }

  function switchMethod(kind: SecondStep) {
    setSecondStep(kind);
    setCode('');
    setFieldErrors({});
    codeStep.reset();
  }

  function startOver() {
    setSecondStep(null);
    setValues((current) => ({ ...current, password: '' }));
    setCode('');
    setFieldErrors({});
    passwordStep.reset();
    codeStep.reset();
  }

  const activeMutation = secondStep === null ? passwordStep : codeStep;
  const failedWith = activeMutation.error;
  // Field messages sit on their field; the alert carries the rest.
  const failure =
    failedWith &&
    !(failedWith instanceof SessionNotKeptError) &&
    !signInFailure(intl, failedWith).fieldErrors.code
      ? signInFailure(intl, failedWith)
      : null;

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
              Tandem
            </Title>
            <Text c="dimmed" size="sm">
              {secondStep === null ? (
                <FormattedMessage id="auth.signInPage.subtitle" defaultMessage="Sign in to your account" />
              ) : (
                <FormattedMessage
                  id="auth.signInPage.twoStepSubtitle"
                  defaultMessage="Two-step verification"
                />
              )}
            </Text>
          </Stack>
          {idleSeconds !== undefined && secondStep === null && !failure && (
            <Alert
              color="blue"
              variant="light"
              icon={<IconClockPause />}
              title={intl.formatMessage({ id: 'auth.signInPage.idleTitle', defaultMessage: 'Signed out' })}
              role="status"
            >
              <FormattedMessage
                id="auth.signInPage.idleExplanation"
                defaultMessage="Signed out after {duration} of inactivity, to protect patients' information. Sign in again to continue."
                values={{ duration: durationText(intl, idleSeconds) }}
              />
            </Alert>
          )}
          {failure && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} title={failure.title}>
              {failure.detail}
              {failure.requestId && (
                <Text size="xs" c="dimmed" mt={4}>
                  <FormattedMessage
                    id="auth.signInPage.requestId"
                    defaultMessage="Request id: {requestId}"
                    values={{ requestId: failure.requestId }}
                  />
                </Text>
              )}
            </Alert>
          )}
          {failedWith instanceof SessionNotKeptError && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertCircle />}
              title={intl.formatMessage({
                id: 'auth.signInPage.noSessionTitle',
                defaultMessage: 'Signed in, but no session',
              })}
            >
              <FormattedMessage
                id="auth.signInPage.noSessionExplanation"
                defaultMessage="The server accepted the sign-in but the browser did not keep the session cookie. Check that cookies are allowed for this site."
              />
            </Alert>
          )}
          {secondStep === null ? (
            <form onSubmit={handlePassword} noValidate>
              <Stack>
                <TextInput
                  ref={emailRef}
                  label={intl.formatMessage({ id: 'auth.signInPage.email', defaultMessage: 'Email' })}
                  type="email"
                  autoComplete="username"
                  value={values.email}
                  onChange={(event) => update('email', event.currentTarget.value)}
                  error={fieldErrors.email}
                  withAsterisk
                />
                <PasswordInput
                  ref={passwordRef}
                  label={intl.formatMessage({ id: 'auth.signInPage.password', defaultMessage: 'Password' })}
                  autoComplete="current-password"
                  value={values.password}
                  onChange={(event) => update('password', event.currentTarget.value)}
                  error={fieldErrors.password}
                  withAsterisk
                  visibilityToggleButtonProps={{ 'aria-label': intl.formatMessage(messages.showTyped) }}
                />
                <Button type="submit" fullWidth loading={passwordStep.isPending}>
                  <FormattedMessage id="auth.signInPage.submit" defaultMessage="Sign in" />
                </Button>
                <AnchorLink to="/forgot-password" size="sm" ta="center">
                  <FormattedMessage id="auth.signInPage.forgotPassword" defaultMessage="Forgot password?" />
                </AnchorLink>
              </Stack>
            </form>
          ) : (
            <form onSubmit={handleCode} noValidate>
              <Stack>
                <Text size="sm">
                  {secondStep === 'totp' ? (
                    <FormattedMessage
                      id="auth.signInPage.totpInstructions"
                      defaultMessage="Open your authenticator app and enter the 6-digit code it shows for Tandem."
                    />
                  ) : (
                    <FormattedMessage
                      id="auth.signInPage.recoveryInstructions"
                      defaultMessage="Enter one of the recovery codes you saved when you set up two-step verification. Each works once."
                    />
                  )}
                </Text>
                <TextInput
                  ref={codeRef}
                  label={
                    secondStep === 'totp'
                      ? intl.formatMessage({
                          id: 'auth.signInPage.authenticationCode',
                          defaultMessage: 'Authentication code',
                        })
                      : intl.formatMessage({
                          id: 'auth.signInPage.recoveryCode',
                          defaultMessage: 'Recovery code',
                        })
                  }
                  value={code}
                  onChange={(event) => {
                    setCode(event.currentTarget.value);
                    setFieldErrors({});
                  }}
                  error={fieldErrors.code}
                  autoComplete="one-time-code"
                  {...(secondStep === 'totp'
                    ? { inputMode: 'numeric' as const, maxLength: 7, placeholder: '123456' }
                    : { maxLength: 64, spellCheck: false })}
                  withAsterisk
                />
                <Button type="submit" fullWidth loading={codeStep.isPending}>
                  <FormattedMessage id="auth.signInPage.verify" defaultMessage="Verify" />
                </Button>
                <Group justify="space-between">
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => switchMethod(secondStep === 'totp' ? 'recovery' : 'totp')}
                  >
                    {secondStep === 'totp' ? (
                      <FormattedMessage
                        id="auth.signInPage.useRecoveryCode"
                        defaultMessage="Use a recovery code instead"
                      />
                    ) : (
                      <FormattedMessage
                        id="auth.signInPage.useAuthenticator"
                        defaultMessage="Use my authenticator app"
                      />
                    )}
                  </Anchor>
                  <Anchor component="button" type="button" size="sm" c="dimmed" onClick={startOver}>
                    <FormattedMessage id="auth.signInPage.startOver" defaultMessage="Start over" />
                  </Anchor>
                </Group>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
