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
import { describeProblem, type ProblemMessage } from '../../api/problem.ts';
import type { SignInBody } from '../../api/types.ts';
import { ColorSchemeToggle } from '../../app/ColorSchemeToggle.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { meQueryOptions, signIn, verifySecondStep } from '../api.ts';
import { durationText } from '../idle-timeout.ts';
import { safeRedirectTarget } from '../redirect-target.ts';

type FieldErrors = Partial<Record<keyof SignInBody | 'code', string>>;
type SecondStep = 'totp' | 'recovery';

function validate(values: SignInBody): FieldErrors {
  const errors: FieldErrors = {};
  if (values.email.trim() === '') errors.email = 'Email is required';
  if (values.password === '') errors.password = 'Password is required';
  return errors;
}

function validateCode(kind: SecondStep, code: string): string | undefined {
  if (kind === 'totp' && !/^\d{6}$/.test(code.replace(/\s/g, ''))) {
    return 'Enter the 6-digit code from your authenticator app';
  }
  if (kind === 'recovery' && code.trim() === '') return 'Enter one of your recovery codes';
  return undefined;
}

/** A 401 here means wrong credentials, not "signed out", so it gets its own wording. */
function signInFailure(error: unknown): ProblemMessage {
  const problem = describeProblem(error);
  if (problem.status !== 401) return problem;
  return {
    ...problem,
    title: 'Sign-in failed',
    detail: problem.detail ?? 'The email or password is not correct.',
  };
}

class SessionNotKeptError extends Error {}

export function SignInPage({ redirectTo, idleSeconds }: { redirectTo?: string; idleSeconds?: number }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
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
    setFieldErrors(signInFailure(error).fieldErrors);
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
    const errors = validate(values);
    setFieldErrors(errors);
    if (errors.email) emailRef.current?.focus();
    else if (errors.password) passwordRef.current?.focus();
    if (Object.keys(errors).length === 0) passwordStep.mutate(values);
  }

  function handleCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (secondStep === null) return;
    const error = validateCode(secondStep, code);
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
    failedWith && !(failedWith instanceof SessionNotKeptError) && !signInFailure(failedWith).fieldErrors.code
      ? signInFailure(failedWith)
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
              {secondStep === null ? 'Sign in to your account' : 'Two-step verification'}
            </Text>
          </Stack>
          {idleSeconds !== undefined && secondStep === null && !failure && (
            <Alert color="blue" variant="light" icon={<IconClockPause />} title="Signed out" role="status">
              Signed out after {durationText(idleSeconds)} of inactivity, to protect patients' information.
              Sign in again to continue.
            </Alert>
          )}
          {failure && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} title={failure.title}>
              {failure.detail}
              {failure.requestId && (
                <Text size="xs" c="dimmed" mt={4}>
                  Request id: {failure.requestId}
                </Text>
              )}
            </Alert>
          )}
          {failedWith instanceof SessionNotKeptError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} title="Signed in, but no session">
              The server accepted the sign-in but the browser did not keep the session cookie. Check that
              cookies are allowed for this site.
            </Alert>
          )}
          {secondStep === null ? (
            <form onSubmit={handlePassword} noValidate>
              <Stack>
                <TextInput
                  ref={emailRef}
                  label="Email"
                  type="email"
                  autoComplete="username"
                  value={values.email}
                  onChange={(event) => update('email', event.currentTarget.value)}
                  error={fieldErrors.email}
                  withAsterisk
                />
                <PasswordInput
                  ref={passwordRef}
                  label="Password"
                  autoComplete="current-password"
                  value={values.password}
                  onChange={(event) => update('password', event.currentTarget.value)}
                  error={fieldErrors.password}
                  withAsterisk
                  visibilityToggleButtonProps={{ 'aria-label': 'Show typed characters' }}
                />
                <Button type="submit" fullWidth loading={passwordStep.isPending}>
                  Sign in
                </Button>
                <AnchorLink to="/forgot-password" size="sm" ta="center">
                  Forgot password?
                </AnchorLink>
              </Stack>
            </form>
          ) : (
            <form onSubmit={handleCode} noValidate>
              <Stack>
                <Text size="sm">
                  {secondStep === 'totp'
                    ? 'Open your authenticator app and enter the 6-digit code it shows for Tandem.'
                    : 'Enter one of the recovery codes you saved when you set up two-step verification. Each works once.'}
                </Text>
                <TextInput
                  ref={codeRef}
                  label={secondStep === 'totp' ? 'Authentication code' : 'Recovery code'}
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
                  Verify
                </Button>
                <Group justify="space-between">
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => switchMethod(secondStep === 'totp' ? 'recovery' : 'totp')}
                  >
                    {secondStep === 'totp' ? 'Use a recovery code instead' : 'Use my authenticator app'}
                  </Anchor>
                  <Anchor component="button" type="button" size="sm" c="dimmed" onClick={startOver}>
                    Start over
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
