import { Alert, Button, Group, NumberInput, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, unwrap } from '../../api/client.ts';
import { describeProblem } from '../../api/problem.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';

const caseloadQueryOptions = queryOptions({
  queryKey: ['organization', 'caseload'] as const,
  queryFn: ({ signal }) => unwrap(api.GET('/api/organization/caseload', { signal })),
});

/** The caseload a clinician carries when their own maximum is not set (administrators). */
export function CaseloadSettingSection() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const setting = useQuery(caseloadQueryOptions);
  const [value, setValue] = useState<number | ''>('');
  const [error, setError] = useState<string | undefined>();
  const [conflict, setConflict] = useState<string | null>(null);
  const shown = value === '' && setting.data !== undefined ? setting.data.defaultMaxCaseload : value;
  const save = useMutation({
    mutationFn: (defaultMaxCaseload: number) =>
      unwrap(
        api.PUT('/api/organization/caseload', {
          body: { defaultMaxCaseload, version: setting.data?.version ?? 0 },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(caseloadQueryOptions.queryKey, saved);
      setValue('');
      setConflict(null);
      notifications.show({
        color: 'teal',
        message: intl.formatMessage(
          {
            id: 'staff.caseloadSettingSection.saved',
            defaultMessage: 'Default maximum caseload set to {count, number}.',
          },
          { count: saved.defaultMaxCaseload },
        ),
      });
    },
    onError: (failure) => {
      const problem = describeProblem(failure);
      if (problem.status === 409) {
        // The number typed stays; the version refreshes so that saving again applies it.
        setConflict(problem.detail ?? problem.title);
        void queryClient.invalidateQueries({ queryKey: caseloadQueryOptions.queryKey });
        return;
      }
      setError(problem.fieldErrors.defaultMaxCaseload ?? problem.detail);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (shown === '' || !Number.isInteger(shown) || shown < 1 || shown > 500) {
      setError(
        intl.formatMessage({
          id: 'staff.caseloadSettingSection.range',
          defaultMessage: 'Use a whole number from 1 to 500',
        }),
      );
      return;
    }
    save.mutate(shown);
  };
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          <FormattedMessage
            id="staff.caseloadSettingSection.title"
            defaultMessage="Default maximum caseload"
          />
        </Title>
        <Text size="sm" c="dimmed">
          <FormattedMessage
            id="staff.caseloadSettingSection.explanation"
            defaultMessage="Therapist matching counts a clinician without their own maximum as full at this many primary patients."
          />
        </Text>
        {setting.isPending && <Skeleton height={36} width={200} />}
        {setting.isError && <ErrorPanel error={setting.error} onRetry={() => void setting.refetch()} />}
        {conflict !== null && (
          <Alert
            color="yellow"
            icon={<IconAlertTriangle />}
            title={intl.formatMessage({
              id: 'staff.caseloadSettingSection.changedTitle',
              defaultMessage: 'Changed by someone else',
            })}
          >
            <FormattedMessage
              id="staff.caseloadSettingSection.conflict"
              defaultMessage="{problem} Your number is kept; save again to apply it."
              values={{ problem: conflict }}
            />
          </Alert>
        )}
        {setting.isSuccess && (
          <form onSubmit={submit} noValidate>
            <Group align="flex-end">
              <NumberInput
                label={intl.formatMessage({
                  id: 'staff.caseloadSettingSection.patientsPerClinician',
                  defaultMessage: 'Patients per clinician',
                })}
                value={shown}
                onChange={(next) => {
                  setValue(next === '' ? '' : Number(next));
                  setError(undefined);
                }}
                error={error}
                min={1}
                max={500}
                allowDecimal={false}
                w={200}
              />
              <Button type="submit" loading={save.isPending}>
                <FormattedMessage id="staff.caseloadSettingSection.save" defaultMessage="Save" />
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
