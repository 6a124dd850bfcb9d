import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { describeProblem, type ProblemMessage } from '../../api/problem.ts';
import type { SignInBody } from '../../api/types.ts';
import { ColorSchemeToggle } from '../../app/ColorSchemeToggle.tsx';
import { meQueryOptions, signIn } from '../api.ts';
import { safeRedirectTarget } from '../redirect-target.ts';

type FieldErrors = Partial<Record<keyof SignInBody, string>>;

function validate(values: SignInBody): FieldErrors {
  const errors: FieldErrors = {};
  if (values.email.trim() === '') errors.email = 'Email is required';
  if (values.password === '') errors.password = 'Password is required';
  return errors;
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

export function SignInPage({ redirectTo }: { redirectTo?: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState<SignInBody>({ email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  useEffect(() => {
    emailRef.current?.focus();
  }, []);

  const mutation = useMutation({
    mutationFn: async (body: SignInBody) => {
      await signIn({ ...body, email: body.email.trim() });
      // Start from an empty cache: nothing from an earlier session may show to this person.
      queryClient.clear();
      const me = await queryClient.fetchQuery(meQueryOptions);
      if (!me) throw new SessionNotKeptError();
    },
    onSuccess: () => navigate({ href: safeRedirectTarget(redirectTo), replace: true }),
    onError: (error) => {
      if (error instanceof SessionNotKeptError) return;
      setFieldErrors(signInFailure(error).fieldErrors);
    },
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = validate(values);
    setFieldErrors(errors);
    if (errors.email) emailRef.current?.focus();
    else if (errors.password) passwordRef.current?.focus();
    if (Object.keys(errors).length === 0) mutation.mutate(values);
  }

  function update(field: keyof SignInBody, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((current) => ({ ...current, [field]: undefined }));
  }

  const failure =
    mutation.error && !(mutation.error instanceof SessionNotKeptError) ? signInFailure(mutation.error) : null;

  return (
    <Center mih="100vh" p="md" pos="relative">
      <div
        style={{ position: 'absolute', top: 'var(--mantine-spacing-md)', right: 'var(--mantine-spacing-md)' }}
      >
        <ColorSchemeToggle />
      </div>
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={handleSubmit} noValidate>
          <Stack>
            <Stack gap={4}>
              <Title order={1} size="h2">
                Tandem
              </Title>
              <Text c="dimmed" size="sm">
                Sign in to your account
              </Text>
            </Stack>
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
            {mutation.error instanceof SessionNotKeptError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle />} title="Signed in, but no session">
                The server accepted the password but the browser did not keep the session cookie. Check that
                cookies are allowed for this site.
              </Alert>
            )}
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
            <Button type="submit" fullWidth loading={mutation.isPending}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
