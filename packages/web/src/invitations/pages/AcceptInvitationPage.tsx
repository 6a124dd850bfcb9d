import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconLinkOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import { ApiError, describeProblem } from '../../api/problem.ts';
import { ColorSchemeToggle } from '../../app/ColorSchemeToggle.tsx';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { meQueryOptions, signIn } from '../../auth/api.ts';
import { roleLabels } from '../../auth/roles.ts';
import { acceptInvitation, type InvitationPreview, invitationPreviewQueryOptions } from '../api.ts';
import { SignedInAsSomeoneElse } from '../components/SignedInAsSomeoneElse.tsx';
import { formatDateTime } from '../format.ts';

interface FormValues {
  name: string;
  password: string;
  confirmation: string;
}

type FieldErrors = Partial<Record<keyof FormValues, string>>;

function validate(intl: IntlShape, values: FormValues, minimumLength: number): FieldErrors {
  const errors: FieldErrors = {};
  if (values.name.trim() === '') {
    errors.name = intl.formatMessage({
      id: 'invitations.acceptForm.nameMissing',
      defaultMessage: 'Enter your name',
    });
  }
  if (values.password.length < minimumLength) {
    errors.password = intl.formatMessage(
      {
        id: 'invitations.acceptForm.passwordTooShort',
        defaultMessage: 'Use at least {minimumLength} characters',
      },
      { minimumLength },
    );
  }
  if (values.confirmation !== values.password) {
    errors.confirmation = intl.formatMessage({
      id: 'invitations.acceptForm.passwordsDiffer',
      defaultMessage: 'The two passwords differ',
    });
  }
  return errors;
}

/** The sign-in exists but this browser could not start a session with it (a second step, cookies off). */
class SignInNeededError extends Error {}

/**
 * Where an invitation link lands (public): who invites the person, then their name and a password. Accepting
 * creates the sign-in, and the page signs in with it at once. A browser signed in as anyone is asked to sign
 * out first (the server refuses the acceptance otherwise).
 */
export function AcceptInvitationPage({ token }: { token: string }) {
  const preview = useQuery(invitationPreviewQueryOptions(token));
  const me = useQuery(meQueryOptions);
  const intl = useIntl();
  return (
    <Center component="main" mih="100vh" p="md" pos="relative">
      <div
        style={{ position: 'absolute', top: 'var(--mantine-spacing-md)', right: 'var(--mantine-spacing-md)' }}
      >
        <ColorSchemeToggle />
      </div>
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={460}>
        {preview.isPending && (
          <Stack
            aria-busy="true"
            aria-label={intl.formatMessage({
              id: 'invitations.acceptInvitationPage.loading',
              defaultMessage: 'Loading invitation',
            })}
          >
            <Skeleton height={32} width="60%" />
            <Skeleton height={120} />
          </Stack>
        )}
        {preview.isError && <UnusableLink error={preview.error} />}
        {preview.isSuccess && me.data && (
          <SignedInAsSomeoneElse me={me.data} inviteeEmail={preview.data.email} />
        )}
        {preview.isSuccess && me.isSuccess && me.data === null && (
          <AcceptForm token={token} preview={preview.data} />
        )}
      </Paper>
    </Center>
  );
}

function UnusableLink({ error }: { error: unknown }) {
  const problem = describeProblem(error);
  const intl = useIntl();
  const title =
    problem.status === 410
      ? intl.formatMessage({
          id: 'invitations.unusableLink.gone',
          defaultMessage: 'This invitation can no longer be used',
        })
      : problem.status === 404 || problem.status === 400
        ? intl.formatMessage({
            id: 'invitations.unusableLink.invalid',
            defaultMessage: 'This invitation link is not valid',
          })
        : problem.title;
  return (
    <Stack>
      <Title order={1} size="h2">
        Tandem
      </Title>
      <Alert color="orange" variant="light" icon={<IconLinkOff />} title={title}>
        {problem.detail}
      </Alert>
      <ButtonLink to="/sign-in" variant="default">
        <FormattedMessage id="invitations.unusableLink.toSignIn" defaultMessage="Go to sign-in" />
      </ButtonLink>
    </Stack>
  );
}

function AcceptForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const intl = useIntl();
  const [values, setValues] = useState<FormValues>({ name: '', password: '', confirmation: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const mutation = useMutation({
    mutationFn: async ({ name, password }: FormValues) => {
      const { email } = await acceptInvitation(token, { name: name.trim(), password });
      try {
        await signIn({ email, password });
        // Start from an empty cache: nothing from an earlier session in this browser may show.
        queryClient.clear();
        const me = await queryClient.fetchQuery(meQueryOptions);
        if (!me) throw new SignInNeededError();
      } catch {
        throw new SignInNeededError();
      }
    },
    onSuccess: () => navigate({ to: '/', replace: true }),
    onError: (error) => {
      if (error instanceof ApiError) setFieldErrors(describeProblem(error).fieldErrors as FieldErrors);
    },
  });

  function update(field: keyof FormValues, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((current) => ({ ...current, [field]: undefined }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = validate(intl, values, preview.minimumPasswordLength);
    setFieldErrors(errors);
    if (Object.keys(errors).length === 0) mutation.mutate(values);
  }

  if (mutation.error instanceof SignInNeededError) {
    return (
      <Stack>
        <Title order={1} size="h2">
          <FormattedMessage id="invitations.acceptForm.readyTitle" defaultMessage="Your sign-in is ready" />
        </Title>
        <Text size="sm">
          <FormattedMessage
            id="invitations.acceptForm.ready"
            defaultMessage="Sign in with <b>{email}</b> and the password you chose."
            values={{ email: preview.email, b: (chunks) => <b>{chunks}</b> }}
          />
        </Text>
        <ButtonLink to="/sign-in">
          <FormattedMessage id="invitations.acceptForm.signIn" defaultMessage="Sign in" />
        </ButtonLink>
      </Stack>
    );
  }

  const failure = mutation.error ? describeProblem(mutation.error) : null;
  const showTyped = intl.formatMessage({
    id: 'invitations.acceptForm.showTypedCharacters',
    defaultMessage: 'Show typed characters',
  });
  const where = preview.organizationName ?? 'Tandem';
  // Who invites, as what and where, said as one sentence in the reader's language.
  const invitedAs =
    preview.role !== null
      ? preview.organizationName !== null
        ? 'roleAtOrganization'
        : 'role'
      : preview.organizationName !== null
        ? 'atOrganization'
        : 'other';
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <Stack gap={4}>
          <Title order={1} size="h2">
            <FormattedMessage
              id="invitations.acceptForm.title"
              defaultMessage="Join {where}"
              values={{ where }}
            />
          </Title>
          <Text c="dimmed" size="sm">
            <FormattedMessage
              id="invitations.acceptForm.invitedBy"
              defaultMessage="{invitedAs, select, roleAtOrganization {{invitedBy} has invited you as {role} at {organization}.} role {{invitedBy} has invited you as {role} to Tandem.} atOrganization {{invitedBy} has invited you at {organization}.} other {{invitedBy} has invited you to Tandem.}} Choose your password to finish. This link works once and expires {expiresAt}."
              values={{
                invitedAs,
                invitedBy: preview.invitedBy,
                role:
                  preview.role === null
                    ? ''
                    : intl.formatMessage(roleLabels[preview.role]).toLocaleLowerCase(intl.locale),
                organization: preview.organizationName ?? '',
                expiresAt: formatDateTime(preview.expiresAt, intl),
              }}
            />
          </Text>
        </Stack>
        {failure && Object.keys(failure.fieldErrors).length === 0 && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} title={failure.title}>
            {failure.detail}
          </Alert>
        )}
        <TextInput
          label={intl.formatMessage({ id: 'invitations.acceptForm.email', defaultMessage: 'Email' })}
          value={preview.email}
          readOnly
          autoComplete="username"
        />
        <TextInput
          label={intl.formatMessage({ id: 'invitations.acceptForm.name', defaultMessage: 'Your name' })}
          autoComplete="name"
          value={values.name}
          onChange={(event) => update('name', event.currentTarget.value)}
          error={fieldErrors.name}
          withAsterisk
          autoFocus
        />
        <PasswordInput
          label={intl.formatMessage({ id: 'invitations.acceptForm.password', defaultMessage: 'Password' })}
          description={intl.formatMessage(
            {
              id: 'invitations.acceptForm.passwordHint',
              defaultMessage:
                'At least {minimumLength} characters; not a common password, and not your email name',
            },
            { minimumLength: preview.minimumPasswordLength },
          )}
          autoComplete="new-password"
          value={values.password}
          onChange={(event) => update('password', event.currentTarget.value)}
          error={fieldErrors.password}
          withAsterisk
          visibilityToggleButtonProps={{ 'aria-label': showTyped }}
        />
        <PasswordInput
          label={intl.formatMessage({
            id: 'invitations.acceptForm.repeatPassword',
            defaultMessage: 'Repeat password',
          })}
          autoComplete="new-password"
          value={values.confirmation}
          onChange={(event) => update('confirmation', event.currentTarget.value)}
          error={fieldErrors.confirmation}
          withAsterisk
          visibilityToggleButtonProps={{ 'aria-label': showTyped }}
        />
        <Button type="submit" fullWidth loading={mutation.isPending}>
          <FormattedMessage id="invitations.acceptForm.submit" defaultMessage="Create my sign-in" />
        </Button>
        <Text size="xs" c="dimmed" ta="center">
          <FormattedMessage
            id="invitations.acceptForm.haveSignIn"
            defaultMessage="Already have a sign-in? <link>Sign in</link>"
            values={{ link: (chunks) => <AnchorLink to="/sign-in">{chunks}</AnchorLink> }}
          />
        </Text>
      </Stack>
    </form>
  );
}
