import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { type IntakeItemKind, intakeItemKinds } from '@tandem/core/admission/intake-items';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { defineMessages, FormattedMessage, type MessageDescriptor, useIntl } from 'react-intl';
import { api, unwrap } from '../../api/client.ts';
import { describeProblem } from '../../api/problem.ts';
import type { components } from '../../api/schema.generated.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { FormProblemAlert } from '../../forms/FormProblemAlert.tsx';
import { LeaveWarningDialog } from '../../forms/LeaveConfirmDialog.tsx';
import { useTandemForm } from '../../forms/use-tandem-form.ts';

type ChecklistItem = components['schemas']['IntakeChecklistItem'];

/** Who completes an item of each kind. */
const intakeItemKindLabels: Record<IntakeItemKind, MessageDescriptor> = defineMessages({
  clinical: { id: 'admission.intakeItemKind.clinical', defaultMessage: 'Clinical (clinical staff only)' },
  administrative: {
    id: 'admission.intakeItemKind.administrative',
    defaultMessage: 'Administrative (any staff)',
  },
});

const messages = defineMessages({
  loading: {
    id: 'admission.intakeChecklistSettings.loading',
    defaultMessage: 'Loading the intake checklist',
  },
  conflict: {
    id: 'admission.intakeChecklistSettings.conflict',
    defaultMessage: 'Someone changed this item meanwhile. Your changes are kept; save again to apply them.',
  },
  nameTheItem: { id: 'admission.intakeChecklistSettings.nameTheItem', defaultMessage: 'Name the item' },
  addFormName: {
    id: 'admission.intakeChecklistSettings.addFormName',
    defaultMessage: 'Add an intake checklist item',
  },
  newItem: { id: 'admission.intakeChecklistSettings.newItem', defaultMessage: 'New item' },
  newItemPlaceholder: {
    id: 'admission.intakeChecklistSettings.newItemPlaceholder',
    defaultMessage: 'Medication reconciliation',
  },
  dueWithin: { id: 'admission.intakeChecklistSettings.dueWithin', defaultMessage: 'Due within (days)' },
  whoCompletes: { id: 'admission.intakeChecklistSettings.whoCompletes', defaultMessage: 'Who completes it' },
});

const checklistQueryOptions = queryOptions({
  queryKey: ['settings', 'intake-checklist'] as const,
  queryFn: async ({ signal }) => (await unwrap(api.GET('/api/settings/intake-checklist', { signal }))).items,
});

/**
 * The program's intake checklist (administrators): what every new episode must have, and within how many days of
 * admission; the dashboards show what is overdue. An item is retired, never deleted, so that past episodes keep it.
 */
export function IntakeChecklistSettings() {
  const intl = useIntl();
  const items = useQuery(checklistQueryOptions);
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          <FormattedMessage id="admission.intakeChecklistSettings.title" defaultMessage="Intake checklist" />
        </Title>
        <Text size="sm" c="dimmed">
          <FormattedMessage
            id="admission.intakeChecklistSettings.description"
            defaultMessage="What every admission must have, due within the days given after the admission date. Overdue items show on the dashboards."
          />
        </Text>
        {items.isPending && <Skeleton height={120} aria-label={intl.formatMessage(messages.loading)} />}
        {items.isError && <ErrorPanel error={items.error} onRetry={() => void items.refetch()} />}
        {items.isSuccess && (
          <Table verticalSpacing="xs" data-testid="intake-checklist-settings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <FormattedMessage id="admission.intakeChecklistSettings.item" defaultMessage="Item" />
                </Table.Th>
                <Table.Th w={140}>{intl.formatMessage(messages.dueWithin)}</Table.Th>
                <Table.Th w={110}>
                  <FormattedMessage id="admission.intakeChecklistSettings.inUse" defaultMessage="In use" />
                </Table.Th>
                <Table.Th w={100}>
                  <VisuallyHidden>
                    <FormattedMessage
                      id="admission.intakeChecklistSettings.actions"
                      defaultMessage="Actions"
                    />
                  </VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.data.map((item) => (
                <ChecklistItemRow key={item.id} item={item} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {items.isSuccess && <AddChecklistItem position={items.data.length} />}
      </Stack>
    </Paper>
  );
}

function ChecklistItemRow({ item }: { item: ChecklistItem }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  // What the administrator typed: kept through a conflict, so that saving again applies it on the new version.
  const [label, setLabel] = useState(item.label);
  const [days, setDays] = useState<number | ''>(item.dueWithinDays);
  const [active, setActive] = useState(item.active);
  const [errors, setErrors] = useState<{ label?: string; dueWithinDays?: string; form?: string }>({});
  const changed = label !== item.label || days !== item.dueWithinDays || active !== item.active;
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/settings/intake-checklist/{itemId}', {
          params: { path: { itemId: item.id } },
          body: { label, dueWithinDays: days === '' ? -1 : days, active, version: item.version },
        }),
      ),
    onSuccess: async (saved) => {
      setErrors({});
      await queryClient.invalidateQueries({ queryKey: checklistQueryOptions.queryKey });
      notifications.show({
        color: 'teal',
        message: intl.formatMessage(
          { id: 'admission.intakeChecklistSettings.saved', defaultMessage: '“{label}” saved.' },
          { label: saved.label },
        ),
      });
    },
    onError: (failure) => {
      const problem = describeProblem(failure);
      if (problem.status === 409) {
        void queryClient.invalidateQueries({ queryKey: checklistQueryOptions.queryKey });
        setErrors({ form: intl.formatMessage(messages.conflict) });
        return;
      }
      setErrors({
        label: problem.fieldErrors.label,
        dueWithinDays: problem.fieldErrors.dueWithinDays,
        form: problem.fieldErrors.label || problem.fieldErrors.dueWithinDays ? undefined : problem.detail,
      });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Table.Tr>
      <Table.Td>
        <form id={`intake-item-${item.id}`} onSubmit={submit} noValidate>
          <TextInput
            aria-label={intl.formatMessage(
              { id: 'admission.intakeChecklistSettings.nameOf', defaultMessage: 'Name of “{label}”' },
              { label: item.label },
            )}
            value={label}
            onChange={(event) => setLabel(event.currentTarget.value)}
            error={errors.label}
          />
        </form>
        {errors.form !== undefined && (
          <Alert mt="xs" color="yellow" icon={<IconAlertTriangle />}>
            {errors.form}
          </Alert>
        )}
      </Table.Td>
      <Table.Td>
        <NumberInput
          form={`intake-item-${item.id}`}
          aria-label={intl.formatMessage(
            {
              id: 'admission.intakeChecklistSettings.daysToComplete',
              defaultMessage: 'Days to complete “{label}”',
            },
            { label: item.label },
          )}
          value={days}
          onChange={(next) => setDays(next === '' ? '' : Number(next))}
          min={0}
          max={365}
          allowDecimal={false}
          error={errors.dueWithinDays}
        />
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={intl.formatMessage(
            { id: 'admission.intakeChecklistSettings.labelInUse', defaultMessage: '“{label}” in use' },
            { label: item.label },
          )}
          checked={active}
          onChange={(event) => setActive(event.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        <Button
          type="submit"
          form={`intake-item-${item.id}`}
          size="xs"
          variant="light"
          disabled={!changed}
          loading={save.isPending}
        >
          <FormattedMessage id="admission.intakeChecklistSettings.save" defaultMessage="Save" />
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

interface NewItemValues {
  label: string;
  dueWithinDays: number | '';
  kind: IntakeItemKind;
}

function AddChecklistItem({ position }: { position: number }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const { form, problem, showProblem, clearProblem } = useTandemForm<NewItemValues>({
    initialValues: { label: '', dueWithinDays: 7, kind: 'clinical' },
    rules: (values) =>
      values.label.trim() === '' ? { label: intl.formatMessage(messages.nameTheItem) } : {},
  });
  const add = useMutation({
    mutationFn: ({ label, dueWithinDays, kind }: NewItemValues) =>
      unwrap(
        api.POST('/api/settings/intake-checklist', {
          body: {
            label,
            dueWithinDays: dueWithinDays === '' ? -1 : dueWithinDays,
            position,
            active: true,
            kind,
          },
        }),
      ),
    onSuccess: async (created) => {
      // The next item likely shares the deadline and kind: only the name starts over.
      form.setInitialValues({ ...form.getValues(), label: '' });
      form.reset();
      await queryClient.invalidateQueries({ queryKey: checklistQueryOptions.queryKey });
      notifications.show({
        color: 'teal',
        message: intl.formatMessage(
          {
            id: 'admission.intakeChecklistSettings.added',
            defaultMessage: '“{label}” added to the intake checklist.',
          },
          { label: created.label },
        ),
      });
    },
    onError: showProblem,
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        clearProblem();
        add.mutate(values);
      })}
      noValidate
      aria-label={intl.formatMessage(messages.addFormName)}
    >
      <Stack gap="xs">
        <FormProblemAlert problem={problem} />
        <Group align="flex-start">
          <TextInput
            label={intl.formatMessage(messages.newItem)}
            placeholder={intl.formatMessage(messages.newItemPlaceholder)}
            key={form.key('label')}
            {...form.getInputProps('label')}
            style={{ flex: 1 }}
          />
          <NumberInput
            label={intl.formatMessage(messages.dueWithin)}
            key={form.key('dueWithinDays')}
            {...form.getInputProps('dueWithinDays')}
            min={0}
            max={365}
            allowDecimal={false}
            w={160}
          />
          <NativeSelect
            label={intl.formatMessage(messages.whoCompletes)}
            key={form.key('kind')}
            {...form.getInputProps('kind')}
            data={intakeItemKinds.map((value) => ({
              value,
              label: intl.formatMessage(intakeItemKindLabels[value]),
            }))}
            w={240}
          />
          <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} loading={add.isPending}>
            <FormattedMessage id="admission.intakeChecklistSettings.addItem" defaultMessage="Add item" />
          </Button>
        </Group>
      </Stack>
      <LeaveWarningDialog hasChanges={() => form.isDirty()} />
    </form>
  );
}
