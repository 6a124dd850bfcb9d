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
import {
  type IntakeItemKind,
  intakeItemKindLabels,
  intakeItemKinds,
} from '@tandem/core/admission/intake-items';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { describeProblem } from '../../api/problem.ts';
import type { components } from '../../api/schema.generated.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';

type ChecklistItem = components['schemas']['IntakeChecklistItem'];

const checklistQueryOptions = queryOptions({
  queryKey: ['settings', 'intake-checklist'] as const,
  queryFn: async ({ signal }) => (await unwrap(api.GET('/api/settings/intake-checklist', { signal }))).items,
});

/**
 * The program's intake checklist (administrators): what every new episode must have, and within how many days of
 * admission; the dashboards show what is overdue. An item is retired, never deleted, so that past episodes keep it.
 */
export function IntakeChecklistSettings() {
  const items = useQuery(checklistQueryOptions);
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Intake checklist
        </Title>
        <Text size="sm" c="dimmed">
          What every admission must have, due within the days given after the admission date. Overdue items
          show on the dashboards.
        </Text>
        {items.isPending && <Skeleton height={120} aria-label="Loading the intake checklist" />}
        {items.isError && <ErrorPanel error={items.error} onRetry={() => void items.refetch()} />}
        {items.isSuccess && (
          <Table verticalSpacing="xs" data-testid="intake-checklist-settings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th w={140}>Due within (days)</Table.Th>
                <Table.Th w={110}>In use</Table.Th>
                <Table.Th w={100}>
                  <VisuallyHidden>Actions</VisuallyHidden>
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
      notifications.show({ color: 'teal', message: `“${saved.label}” saved.` });
    },
    onError: (failure) => {
      const problem = describeProblem(failure);
      if (problem.status === 409) {
        void queryClient.invalidateQueries({ queryKey: checklistQueryOptions.queryKey });
        setErrors({
          form: 'Someone changed this item meanwhile. Your changes are kept; save again to apply them.',
        });
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
            aria-label={`Name of “${item.label}”`}
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
          aria-label={`Days to complete “${item.label}”`}
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
          aria-label={`“${item.label}” in use`}
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
          Save
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

function AddChecklistItem({ position }: { position: number }) {
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [days, setDays] = useState<number | ''>(7);
  const [kind, setKind] = useState<IntakeItemKind>('clinical');
  const [errors, setErrors] = useState<{ label?: string; dueWithinDays?: string; form?: string }>({});
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/settings/intake-checklist', {
          body: { label, dueWithinDays: days === '' ? -1 : days, position, active: true, kind },
        }),
      ),
    onSuccess: async (created) => {
      setLabel('');
      setErrors({});
      await queryClient.invalidateQueries({ queryKey: checklistQueryOptions.queryKey });
      notifications.show({ color: 'teal', message: `“${created.label}” added to the intake checklist.` });
    },
    onError: (failure) => {
      const problem = describeProblem(failure);
      setErrors({
        label: problem.fieldErrors.label,
        dueWithinDays: problem.fieldErrors.dueWithinDays,
        form: problem.fieldErrors.label || problem.fieldErrors.dueWithinDays ? undefined : problem.detail,
      });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (label.trim() === '') {
      setErrors({ label: 'Name the item' });
      return;
    }
    add.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Add an intake checklist item">
      <Group align="flex-start">
        <TextInput
          label="New item"
          placeholder="Medication reconciliation"
          value={label}
          onChange={(event) => setLabel(event.currentTarget.value)}
          error={errors.label}
          style={{ flex: 1 }}
        />
        <NumberInput
          label="Due within (days)"
          value={days}
          onChange={(next) => setDays(next === '' ? '' : Number(next))}
          min={0}
          max={365}
          allowDecimal={false}
          error={errors.dueWithinDays}
          w={160}
        />
        <NativeSelect
          label="Who completes it"
          value={kind}
          data={intakeItemKinds.map((value) => ({ value, label: intakeItemKindLabels[value] }))}
          onChange={(event) => setKind(event.currentTarget.value as IntakeItemKind)}
          w={240}
        />
        <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} loading={add.isPending}>
          Add item
        </Button>
      </Group>
      {errors.form !== undefined && (
        <Text size="sm" c="red" mt="xs">
          {errors.form}
        </Text>
      )}
    </form>
  );
}
