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
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl';
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

function validate(intl: IntlShape, mode: Mode, values: FormValues, candidateHasEmail: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (mode === 'listed') {
    if (values.staffMemberId === null) {
      errors.staffMemberId = intl.formatMessage({
        id: 'invitations.inviteStaffForm.staffMemberMissing',
        defaultMessage: 'Choose a staff member',
      });
    } else if (!candidateHasEmail && values.email.trim() === '') {
      errors.email = intl.formatMessage({
        id: 'invitations.inviteStaffForm.emailToInviteMissing',
        defaultMessage: 'Enter the email address to invite',
      });
    }
    return errors;
  }
  if (values.displayName.trim() === '') {
    errors.displayName = intl.formatMessage({
      id: 'invitations.inviteStaffForm.nameMissing',
      defaultMessage: 'Enter a name',
    });
  }
  if (values.email.trim() === '') {
    errors.email = intl.formatMessage({
      id: 'invitations.inviteStaffForm.emailMissing',
      defaultMessage: 'Enter an email address',
    });
  }
  if (values.jobRole === null) {
    errors.jobRole = intl.formatMessage({
      id: 'invitations.inviteStaffForm.roleMissing',
      defaultMessage: 'Choose a role',
    });
  }
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
  const intl = useIntl();
  return (
    <>
      <Button leftSection={<IconUserPlus size={18} />} onClick={() => setOpened(true)}>
        <FormattedMessage id="invitations.inviteStaffButton.label" defaultMessage="Invite staff" />
      </Button>
      <Dialog
        opened={opened}
        onClose={() => setOpened(false)}
        title={intl.formatMessage({
          id: 'invitations.inviteStaffButton.title',
          defaultMessage: 'Invite a staff member',
        })}
        size="lg"
      >
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
    const errors = validate(intl, mode, values, Boolean(chosen?.email));
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
            {
              value: 'new',
              label: intl.formatMessage({
                id: 'invitations.inviteStaffForm.modeNew',
                defaultMessage: 'Someone new',
              }),
            },
            {
              value: 'listed',
              label: intl.formatMessage({
                id: 'invitations.inviteStaffForm.modeListed',
                defaultMessage: 'Already in the staff list',
              }),
            },
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
              label={intl.formatMessage({ id: 'invitations.inviteStaffForm.name', defaultMessage: 'Name' })}
              description={intl.formatMessage({
                id: 'invitations.inviteStaffForm.nameHint',
                defaultMessage: 'As it should appear in the staff list, with credentials if any',
              })}
              value={values.displayName}
              onChange={(event) => update('displayName', event.currentTarget.value)}
              error={fieldErrors.displayName}
              withAsterisk
              data-autofocus
            />
            <TextInput
              label={intl.formatMessage({ id: 'invitations.inviteStaffForm.email', defaultMessage: 'Email' })}
              type="email"
              value={values.email}
              onChange={(event) => update('email', event.currentTarget.value)}
              error={fieldErrors.email}
              withAsterisk
            />
            <Select
              label={intl.formatMessage({ id: 'invitations.inviteStaffForm.role', defaultMessage: 'Role' })}
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
          <Alert
            color="red"
            variant="light"
            title={intl.formatMessage({
              id: 'invitations.inviteStaffForm.candidatesFailed',
              defaultMessage: 'Could not load the staff list',
            })}
          >
            {describeProblem(candidates.error).detail}
          </Alert>
        ) : candidates.data.length === 0 ? (
          <Text c="dimmed" size="sm">
            <FormattedMessage
              id="invitations.inviteStaffForm.noCandidates"
              defaultMessage="Everyone in the staff list already has a sign-in. Invite someone new instead."
            />
          </Text>
        ) : (
          <>
            <Select
              label={intl.formatMessage({
                id: 'invitations.inviteStaffForm.staffMember',
                defaultMessage: 'Staff member',
              })}
              description={intl.formatMessage({
                id: 'invitations.inviteStaffForm.staffMemberHint',
                defaultMessage: 'Active staff members who have no sign-in yet',
              })}
              data={candidates.data.map((candidate) => ({
                value: candidate.id,
                label: intl.formatMessage(
                  {
                    id: 'invitations.inviteStaffForm.candidate',
                    defaultMessage: '{name} ({role}){invited, select, yes { · invited} other {}}',
                  },
                  {
                    name: candidate.displayName,
                    role: intl.formatMessage(roleLabels[candidate.role]),
                    invited: candidate.hasOpenInvitation ? 'yes' : 'no',
                  },
                ),
              }))}
              value={values.staffMemberId}
              onChange={(value) => update('staffMemberId', value)}
              error={fieldErrors.staffMemberId}
              searchable
              withAsterisk
            />
            {chosen?.hasOpenInvitation && (
              <Text size="sm" c="dimmed">
                <FormattedMessage
                  id="invitations.inviteStaffForm.alreadyInvited"
                  defaultMessage="{name} already has an open invitation; a new one replaces its link."
                  values={{ name: chosen.displayName }}
                />
              </Text>
            )}
            <TextInput
              label={intl.formatMessage({ id: 'invitations.inviteStaffForm.email', defaultMessage: 'Email' })}
              type="email"
              placeholder={chosen?.email ?? undefined}
              description={
                chosen?.email
                  ? intl.formatMessage(
                      {
                        id: 'invitations.inviteStaffForm.emailOnRecord',
                        defaultMessage: 'Leave empty to use {email}',
                      },
                      { email: chosen.email },
                    )
                  : intl.formatMessage({
                      id: 'invitations.inviteStaffForm.noEmailOnRecord',
                      defaultMessage: 'This staff member has no email on file',
                    })
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
            <FormattedMessage id="invitations.inviteStaffForm.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            <FormattedMessage id="invitations.inviteStaffForm.submit" defaultMessage="Create invitation" />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
