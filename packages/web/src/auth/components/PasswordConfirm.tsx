import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

/** Asks for the current password before a change to how the person signs in. */
export function PasswordConfirm({
  label,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  danger = false,
}: {
  label: string;
  submitLabel: string;
  pending: boolean;
  error: string | undefined;
  onSubmit: (password: string) => void;
  onCancel?: () => void;
  danger?: boolean;
}) {
  const intl = useIntl();
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password === '') setMissing(true);
    else onSubmit(password);
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={360}>
        <PasswordInput
          label={label}
          autoComplete="current-password"
          value={password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            setMissing(false);
          }}
          error={
            missing
              ? intl.formatMessage({
                  id: 'auth.passwordConfirm.missing',
                  defaultMessage: 'Enter your password',
                })
              : error
          }
          withAsterisk
          visibilityToggleButtonProps={{
            'aria-label': intl.formatMessage({
              id: 'auth.passwordConfirm.showTypedCharacters',
              defaultMessage: 'Show typed characters',
            }),
          }}
        />
        <Group gap="sm">
          <Button type="submit" loading={pending} color={danger ? 'red' : undefined}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              <FormattedMessage id="auth.passwordConfirm.cancel" defaultMessage="Cancel" />
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
