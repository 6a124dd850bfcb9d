import { Alert, Badge, Button, Code, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { QRCodeSVG } from 'qrcode.react';
import { type FormEvent, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import type { AccountSecurity, TwoFactorEnrolment } from '../../api/types.ts';
import { meQueryKey } from '../api.ts';
import {
  confirmTwoFactorEnrolment,
  regenerateRecoveryCodes,
  startTwoFactorEnrolment,
  turnOffTwoFactor,
} from '../security-api.ts';
import { PasswordConfirm } from './PasswordConfirm.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';

type Mode = 'idle' | 'start' | 'confirm' | 'regenerate' | 'turn-off';

/** The base32 key inside the otpauth:// URI, for apps that cannot scan. */
function setupKey(totpUri: string): string {
  const secret = new URL(totpUri).searchParams.get('secret') ?? '';
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

const messages = defineMessages({
  yourPassword: { id: 'auth.twoFactorSection.yourPassword', defaultMessage: 'Your password' },
  cancel: { id: 'auth.twoFactorSection.cancel', defaultMessage: 'Cancel' },
  turnOff: { id: 'auth.twoFactorSection.turnOff', defaultMessage: 'Turn off' },
});

function problemText(error: unknown): { field?: string; alert?: string } {
  if (!error) return {};
  const problem = describeProblem(error);
  const field = problem.fieldErrors.password ?? problem.fieldErrors.code;
  return field ? { field } : { alert: problem.detail ?? problem.title };
}

/** Two-step verification: set up with an authenticator app, recovery codes, and turning it off. */
export function TwoFactorSection({ security }: { security: AccountSecurity }) {
  const queryClient = useQueryClient();
  const intl = useIntl();
  const [mode, setMode] = useState<Mode>('idle');
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [shownCodes, setShownCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const { enabled, required } = security.twoFactor;

  const refresh = () => queryClient.invalidateQueries({ queryKey: meQueryKey });

  const start = useMutation({
    mutationFn: startTwoFactorEnrolment,
    onSuccess: (data) => {
      setEnrolment(data);
      setShownCodes(null);
      setCode('');
      setMode('confirm');
    },
  });
  const confirm = useMutation({
    mutationFn: confirmTwoFactorEnrolment,
    onSuccess: async () => {
      setShownCodes(enrolment?.backupCodes ?? null);
      setEnrolment(null);
      setMode('idle');
      notifications.show({
        color: 'green',
        title: intl.formatMessage({
          id: 'auth.twoFactorSection.onTitle',
          defaultMessage: 'Two-step verification is on',
        }),
        message: intl.formatMessage({
          id: 'auth.twoFactorSection.on',
          defaultMessage: 'Save your recovery codes.',
        }),
      });
      await refresh();
    },
    onError: (error) => setCodeError(problemText(error).field),
  });
  const regenerate = useMutation({
    mutationFn: regenerateRecoveryCodes,
    onSuccess: (data) => {
      setShownCodes(data.backupCodes);
      setMode('idle');
    },
  });
  const turnOff = useMutation({
    mutationFn: turnOffTwoFactor,
    onSuccess: async () => {
      setMode('idle');
      setShownCodes(null);
      notifications.show({
        title: intl.formatMessage({
          id: 'auth.twoFactorSection.offTitle',
          defaultMessage: 'Two-step verification is off',
        }),
        message: intl.formatMessage({
          id: 'auth.twoFactorSection.off',
          defaultMessage: 'Sign-in asks for your password only.',
        }),
      });
      await refresh();
    },
  });

  // A new step starts clean: no message from an earlier one.
  function go(next: Mode) {
    for (const mutation of [start, confirm, regenerate, turnOff]) mutation.reset();
    setCodeError(undefined);
    setMode(next);
  }

  function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setCodeError(
        intl.formatMessage({
          id: 'auth.twoFactorSection.codeInvalid',
          defaultMessage: 'Enter the 6-digit code from your authenticator app',
        }),
      );
    } else confirm.mutate(digits);
  }

  const failure = problemText(start.error ?? confirm.error ?? regenerate.error ?? turnOff.error).alert;

  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4">
              <FormattedMessage id="auth.twoFactorSection.title" defaultMessage="Two-step verification" />
            </Title>
            <Text size="sm" c="dimmed">
              <FormattedMessage
                id="auth.twoFactorSection.explanation"
                defaultMessage="After your password, sign-in asks for a code from an authenticator app on your phone."
              />
            </Text>
          </Stack>
          <Group gap="xs">
            {required && (
              <Badge variant="light">
                <FormattedMessage
                  id="auth.twoFactorSection.required"
                  defaultMessage="Required for your role"
                />
              </Badge>
            )}
            <Badge
              color={enabled ? 'green' : 'gray'}
              leftSection={enabled ? <IconShieldCheck size={12} /> : null}
            >
              {enabled ? (
                <FormattedMessage id="auth.twoFactorSection.stateOn" defaultMessage="On" />
              ) : (
                <FormattedMessage id="auth.twoFactorSection.stateOff" defaultMessage="Off" />
              )}
            </Badge>
          </Group>
        </Group>

        {failure && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle />}
            title={intl.formatMessage({
              id: 'auth.twoFactorSection.failed',
              defaultMessage: 'That did not work',
            })}
          >
            {failure}
          </Alert>
        )}
        {shownCodes && <RecoveryCodes codes={shownCodes} />}

        {!enabled && mode === 'idle' && (
          <Button w="fit-content" onClick={() => go('start')}>
            <FormattedMessage
              id="auth.twoFactorSection.setUp"
              defaultMessage="Set up two-step verification"
            />
          </Button>
        )}
        {mode === 'start' && (
          <PasswordConfirm
            label={intl.formatMessage(messages.yourPassword)}
            submitLabel={intl.formatMessage({
              id: 'auth.twoFactorSection.continue',
              defaultMessage: 'Continue',
            })}
            pending={start.isPending}
            error={problemText(start.error).field}
            onSubmit={(password) => start.mutate(password)}
            onCancel={() => go('idle')}
          />
        )}
        {mode === 'confirm' && enrolment && (
          <Stack gap="sm">
            <Text size="sm">
              <FormattedMessage
                id="auth.twoFactorSection.scan"
                defaultMessage="1. Scan this code with an authenticator app (such as Google Authenticator, Microsoft Authenticator, 1Password or Aegis)."
              />
            </Text>
            <div style={{ background: 'white', padding: 12, width: 'fit-content', borderRadius: 8 }}>
              {/* The SVG is the image (role="img"); its <title> names it. */}
              <QRCodeSVG
                value={enrolment.totpUri}
                size={176}
                title={intl.formatMessage({
                  id: 'auth.twoFactorSection.qrCode',
                  defaultMessage: 'QR code for your authenticator app',
                })}
              />
            </div>
            <Text size="sm">
              <FormattedMessage
                id="auth.twoFactorSection.setupKey"
                defaultMessage="Cannot scan? Enter this setup key instead: {key}"
                values={{ key: <Code data-testid="setup-key">{setupKey(enrolment.totpUri)}</Code> }}
              />
            </Text>
            <form onSubmit={submitCode} noValidate>
              <Stack gap="sm" maw={360}>
                <TextInput
                  label={intl.formatMessage({
                    id: 'auth.twoFactorSection.codeLabel',
                    defaultMessage: '2. Enter the 6-digit code the app shows',
                  })}
                  value={code}
                  onChange={(event) => {
                    setCode(event.currentTarget.value);
                    setCodeError(undefined);
                  }}
                  error={codeError}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={7}
                  withAsterisk
                />
                <Group gap="sm">
                  <Button type="submit" loading={confirm.isPending}>
                    <FormattedMessage id="auth.twoFactorSection.turnOn" defaultMessage="Turn on" />
                  </Button>
                  <Button variant="default" onClick={() => go('idle')}>
                    <FormattedMessage {...messages.cancel} />
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stack>
        )}

        {enabled && mode === 'idle' && (
          <Group gap="sm">
            <Button variant="default" onClick={() => go('regenerate')}>
              <FormattedMessage id="auth.twoFactorSection.newCodes" defaultMessage="New recovery codes" />
            </Button>
            {!required && (
              <Button variant="subtle" color="red" onClick={() => go('turn-off')}>
                <FormattedMessage {...messages.turnOff} />
              </Button>
            )}
          </Group>
        )}
        {enabled && required && mode === 'idle' && (
          <Text size="xs" c="dimmed">
            <FormattedMessage
              id="auth.twoFactorSection.cannotTurnOff"
              defaultMessage="Your organization requires two-step verification for your role, so it cannot be turned off."
            />
          </Text>
        )}
        {mode === 'regenerate' && (
          <PasswordConfirm
            label={intl.formatMessage(messages.yourPassword)}
            submitLabel={intl.formatMessage({
              id: 'auth.twoFactorSection.replaceCodes',
              defaultMessage: 'Replace recovery codes',
            })}
            pending={regenerate.isPending}
            error={problemText(regenerate.error).field}
            onSubmit={(password) => regenerate.mutate(password)}
            onCancel={() => go('idle')}
          />
        )}
        {mode === 'turn-off' && (
          <PasswordConfirm
            label={intl.formatMessage(messages.yourPassword)}
            submitLabel={intl.formatMessage({
              id: 'auth.twoFactorSection.turnOffConfirm',
              defaultMessage: 'Turn off two-step verification',
            })}
            danger
            pending={turnOff.isPending}
            error={problemText(turnOff.error).field}
            onSubmit={(password) => turnOff.mutate(password)}
            onCancel={() => go('idle')}
          />
        )}
      </Stack>
    </Paper>
  );
}
