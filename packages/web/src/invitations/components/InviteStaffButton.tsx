import {
  Alert,
  Button,
  Group,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertCircle, IconUserPlus } from '@tabler/icons-react';
import { staffRoles } from '@tandem/core/identity/roles';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { roleLabels } from '../../auth/roles.ts';
import { staffQueryKeys } from '../../staff/api.ts';
import {
  type CreatedInvitation,
  invitationQueryKeys,
  inviteStaff,
  type StaffInvitationRequest,
  staffCandidatesQueryOptions,
} from '../api.ts';
import { CreatedInvitationPanel } from './CreatedInvitationPanel.tsx';

type Mode = 'listed' | 'new';

interface FormValues {
  staffMemberId: string | null;
  displayName: string;
  email: string;
  jobRole: string | null;
}

const emptyForm: FormValues = { staffMemberId: null, displayName: '', email: '', jobRole: null };

type FieldErrors = Partial<Record<keyof FormValues, string>>;

function validate(mode: Mode, values: FormValues, candidateHasEmail: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (mode === 'listed') {
    if (values.staffMemberId === null) errors.staffMemberId = 'Choose a staff member';
    else if (!candidateHasEmail && values.email.trim() === '')
      errors.email = 'Enter the email address to invite';
    return errors;
  }
  if (values.displayName.trim() === '') errors.displayName = 'Enter a name';
  if (values.email.trim() === '') errors.email = 'Enter an email address';
  if (values.jobRole === null) errors.jobRole = 'Choose a role';
  return errors;
}

function requestBody(mode: Mode, values: FormValues): StaffInvitationRequest {
  const email = values.email.trim();
  if (mode === 'listed') {
    return { staffMemberId: values.staffMemberId ?? '', ...(email === '' ? {} : { email }) };
  }
  return {
    displayName: values.displayName.trim(),
    email,
    jobRole: values.jobRole as StaffInvitationRequest['jobRole'],
  };
}

/** "Invite staff" for administrators: someone already in the directory without a sign-in, or someone new. */
export function InviteStaffButton() {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button leftSection={<IconUserPlus size={18} />} onClick={() => setOpened(true)}>
        Invite staff
      </Button>
      <Dialog opened={opened} onClose={() => setOpened(false)} title="Invite a staff member" size="lg">
        {opened && <InviteStaffForm onClose={() => setOpened(false)} />}
      </Dialog>
    </>
  );
}

function InviteStaffForm({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const candidates = useQuery(staffCandidatesQueryOptions);
  const intl = useIntl();
  const [mode, setMode] = useState<Mode>('new');
  const [values, setValues] = useState<FormValues>(emptyForm);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<CreatedInvitation | null>(null);

  const mutation = useMutation({
    mutationFn: inviteStaff,
    onSuccess: (result) => {
      setCreated(result);
      void queryClient.invalidateQueries({ queryKey: invitationQueryKeys.all });
      void queryClient.invalidateQueries({ queryKey: staffQueryKeys.all });
    },
    onError: (error) => setFieldErrors(describeProblem(error).fieldErrors as FieldErrors),
  });

  if (created !== null) return <CreatedInvitationPanel created={created} onDone={onClose} />;

  const chosen = candidates.data?.find((candidate) => candidate.id === values.staffMemberId);
  const failure = mutation.error ? describeProblem(mutation.error) : null;

  function update<Field extends keyof FormValues>(field: Field, value: FormValues[Field]) {
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((current) => ({ ...current, [field]: undefined }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = validate(mode, values, Boolean(chosen?.email));
    setFieldErrors(errors);
    if (Object.keys(errors).length === 0) mutation.mutate(requestBody(mode, values));
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <SegmentedControl
          value={mode}
          onChange={(value) => {
            setMode(value as Mode);
            setValues(emptyForm);
            setFieldErrors({});
            mutation.reset();
          }}
          data={[
            { value: 'new', label: 'Someone new' },
            { value: 'listed', label: 'Already in the staff list' },
          ]}
        />
        {failure && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} title={failure.title}>
            {failure.detail}
          </Alert>
        )}
        {mode === 'new' ? (
          <>
            <TextInput
              label="Name"
              description="As it should appear in the staff list, with credentials if any"
              value={values.displayName}
              onChange={(event) => update('displayName', event.currentTarget.value)}
              error={fieldErrors.displayName}
              withAsterisk
              data-autofocus
            />
            <TextInput
              label="Email"
              type="email"
              value={values.email}
              onChange={(event) => update('email', event.currentTarget.value)}
              error={fieldErrors.email}
              withAsterisk
            />
            <Select
              label="Role"
              data={staffRoles.map((role) => ({ value: role, label: intl.formatMessage(roleLabels[role]) }))}
              value={values.jobRole}
              onChange={(value) => update('jobRole', value)}
              error={fieldErrors.jobRole}
              withAsterisk
              allowDeselect={false}
            />
          </>
        ) : candidates.isPending ? (
          <Skeleton height={60} />
        ) : candidates.isError ? (
          <Alert color="red" variant="light" title="Could not load the staff list">
            {describeProblem(candidates.error).detail}
          </Alert>
        ) : candidates.data.length === 0 ? (
          <Text c="dimmed" size="sm">
            Everyone in the staff list already has a sign-in. Invite someone new instead.
          </Text>
        ) : (
          <>
            <Select
              label="Staff member"
              description="Active staff members who have no sign-in yet"
              data={candidates.data.map((candidate) => ({
                value: candidate.id,
                label: `${candidate.displayName} (${roleLabels[candidate.role]})${
                  candidate.hasOpenInvitation ? ' · invited' : ''
                }`,
              }))}
              value={values.staffMemberId}
              onChange={(value) => update('staffMemberId', value)}
              error={fieldErrors.staffMemberId}
              searchable
              withAsterisk
            />
            {chosen?.hasOpenInvitation && (
              <Text size="sm" c="dimmed">
                {chosen.displayName} already has an open invitation; a new one replaces its link.
              </Text>
            )}
            <TextInput
              label="Email"
              type="email"
              placeholder={chosen?.email ?? undefined}
              description={
                chosen?.email
                  ? `Leave empty to use ${chosen.email}`
                  : 'This staff member has no email on file'
              }
              value={values.email}
              onChange={(event) => update('email', event.currentTarget.value)}
              error={fieldErrors.email}
              withAsterisk={chosen !== undefined && !chosen.email}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            Create invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
