import { Alert, Button, Group, NumberInput, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, unwrap } from '../../api/client.ts';
import { asApiError } from '../../api/problem.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { FormProblemAlert } from '../../forms/FormProblemAlert.tsx';
import { LeaveWarningDialog } from '../../forms/LeaveConfirmDialog.tsx';
import { useTandemForm } from '../../forms/use-tandem-form.ts';

const caseloadQueryOptions = queryOptions({
  queryKey: ['organization', 'caseload'] as const,
  queryFn: ({ signal }) => unwrap(api.GET('/api/organization/caseload', { signal })),
});

/** The caseload a clinician carries when their own maximum is not set (administrators). */
export function CaseloadSettingSection() {
  const setting = useQuery(caseloadQueryOptions);
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
        {setting.isSuccess && <CaseloadForm setting={setting.data} />}
      </Stack>
    </Paper>
  );
}

function CaseloadForm({ setting }: { setting: { defaultMaxCaseload: number; version: number } }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const { form, problem, showProblem, clearProblem } = useTandemForm<{ defaultMaxCaseload: number | '' }>({
    initialValues: { defaultMaxCaseload: setting.defaultMaxCaseload },
    rules: ({ defaultMaxCaseload: shown }) =>
      shown === '' || !Number.isInteger(shown) || shown < 1 || shown > 500
        ? {
            defaultMaxCaseload: intl.formatMessage({
              id: 'staff.caseloadSettingSection.range',
              defaultMessage: 'Use a whole number from 1 to 500',
            }),
          }
        : {},
  });
  const save = useMutation({
    mutationFn: (defaultMaxCaseload: number) =>
      unwrap(
        api.PUT('/api/organization/caseload', {
          body: { defaultMaxCaseload, version: setting.version },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(caseloadQueryOptions.queryKey, saved);
      form.setInitialValues({ defaultMaxCaseload: saved.defaultMaxCaseload });
      form.reset();
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
      showProblem(failure);
      // The number typed stays; the version refreshes so that saving again applies it.
      if (asApiError(failure).status === 409) {
        void queryClient.invalidateQueries({ queryKey: caseloadQueryOptions.queryKey });
      }
    },
  });
  return (
    <Stack gap="sm">
      {problem?.status === 409 && (
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
            values={{ problem: problem.detail ?? problem.title }}
          />
        </Alert>
      )}
      {problem?.status !== 409 && <FormProblemAlert problem={problem} />}
      <form
        onSubmit={form.onSubmit(({ defaultMaxCaseload }) => {
          clearProblem();
          if (defaultMaxCaseload !== '') save.mutate(defaultMaxCaseload);
        })}
        noValidate
      >
        <Group align="flex-end">
          <NumberInput
            label={intl.formatMessage({
              id: 'staff.caseloadSettingSection.patientsPerClinician',
              defaultMessage: 'Patients per clinician',
            })}
            key={form.key('defaultMaxCaseload')}
            {...form.getInputProps('defaultMaxCaseload')}
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
      <LeaveWarningDialog hasChanges={() => form.isDirty()} />
    </Stack>
  );
}
