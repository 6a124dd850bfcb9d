import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type CareTeamRole, careTeamRoles } from '@tandem/core/access/resources';
import { mayHoldCareTeamPlace } from '@tandem/core/care-team/places';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { asApiError } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { roleLabels } from '../../auth/roles.ts';
import { DialogCloseWarning } from '../../forms/DialogCloseWarning.tsx';
import { FormProblemAlert } from '../../forms/FormProblemAlert.tsx';
import { useCloseWarning } from '../../forms/use-leave-warning.ts';
import { useTandemForm } from '../../forms/use-tandem-form.ts';
import { staffListQueryOptions } from '../../staff/api.ts';
import { assignCareTeamPlace, invalidateAfterTeamChange } from '../api.ts';
import { careTeamRoleLabels } from '../labels.ts';

// The primary therapist place has its own dialog, with the ranking.
const otherPlaces = careTeamRoles.filter((role) => role !== 'primary_therapist');

const messages = defineMessages({
  title: { id: 'careTeam.addPlaceDialog.title', defaultMessage: 'Add to the care team' },
  added: { id: 'careTeam.addPlaceDialog.added', defaultMessage: 'Added to the care team.' },
  choosePlace: { id: 'careTeam.addPlaceDialog.choosePlace', defaultMessage: 'Choose a place' },
  chooseStaffMember: {
    id: 'careTeam.addPlaceDialog.chooseStaffMember',
    defaultMessage: 'Choose a staff member',
  },
  place: { id: 'careTeam.addPlaceDialog.place', defaultMessage: 'Place' },
  staffMember: { id: 'careTeam.addPlaceDialog.staffMember', defaultMessage: 'Staff member' },
  placeFirst: { id: 'careTeam.addPlaceDialog.placeFirst', defaultMessage: 'Choose the place first' },
  reason: { id: 'careTeam.addPlaceDialog.reason', defaultMessage: 'Reason' },
  reasonDescription: {
    id: 'careTeam.addPlaceDialog.reasonDescription',
    defaultMessage: 'Optional; kept in the care team history.',
  },
});

interface PlaceValues {
  role: CareTeamRole | null;
  staffMemberId: string | null;
  reason: string;
}

/** Adds a prescriber, case manager, supervisor or group facilitator; only staff whose job fits are offered. */
export function AddPlaceDialog({ patientId, onClose }: { patientId: string; onClose: () => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const staff = useQuery(staffListQueryOptions);
  const { form, problem, showProblem, clearProblem } = useTandemForm<PlaceValues>({
    initialValues: { role: null, staffMemberId: null, reason: '' },
    rules: (values) => ({
      ...(values.role === null && { role: intl.formatMessage(messages.choosePlace) }),
      ...(values.staffMemberId === null && {
        staffMemberId: intl.formatMessage(messages.chooseStaffMember),
      }),
    }),
  });
  const closeWarning = useCloseWarning(() => form.isDirty(), onClose);
  const { role, staffMemberId } = form.getValues();
  const eligible = (staff.data ?? []).filter(
    (member) => member.active && role !== null && mayHoldCareTeamPlace(member.role, role),
  );
  const add = useMutation({
    mutationFn: (values: PlaceValues) =>
      assignCareTeamPlace(patientId, {
        staffMemberId: values.staffMemberId ?? '',
        role: values.role ?? 'case_manager',
        reason: values.reason.trim() === '' ? undefined : values.reason.trim(),
      }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: intl.formatMessage(messages.added) });
      invalidateAfterTeamChange(queryClient, patientId);
      onClose();
    },
    onError: (error) => {
      showProblem(error);
      if (asApiError(error).status === 409) invalidateAfterTeamChange(queryClient, patientId);
    },
  });
  return (
    <>
      <Dialog opened onClose={closeWarning.requestClose} title={intl.formatMessage(messages.title)}>
        <form
          onSubmit={form.onSubmit((values) => {
            clearProblem();
            add.mutate(values);
          })}
          noValidate
        >
          <Stack>
            <Select
              label={intl.formatMessage(messages.place)}
              data={otherPlaces.map((value) => ({
                value,
                label: intl.formatMessage(careTeamRoleLabels[value]),
              }))}
              value={role}
              onChange={(value) => {
                form.setFieldValue('role', value as CareTeamRole | null);
                form.setFieldValue('staffMemberId', null);
              }}
              error={form.errors.role}
              withAsterisk
            />
            <Select
              label={intl.formatMessage(messages.staffMember)}
              description={role === null ? intl.formatMessage(messages.placeFirst) : undefined}
              data={eligible.map((member) => ({
                value: member.id,
                label: intl.formatMessage(
                  { id: 'careTeam.addPlaceDialog.staffOption', defaultMessage: '{name} ({role})' },
                  { name: member.displayName, role: intl.formatMessage(roleLabels[member.role]) },
                ),
              }))}
              value={staffMemberId}
              onChange={(value) => form.setFieldValue('staffMemberId', value)}
              error={form.errors.staffMemberId}
              disabled={role === null}
              searchable
              withAsterisk
            />
            <Textarea
              label={intl.formatMessage(messages.reason)}
              description={intl.formatMessage(messages.reasonDescription)}
              key={form.key('reason')}
              {...form.getInputProps('reason')}
              autosize
              minRows={2}
              maxLength={1000}
            />
            <FormProblemAlert problem={problem} />
            <Group justify="flex-end">
              <Button variant="default" onClick={closeWarning.requestClose}>
                <FormattedMessage id="careTeam.addPlaceDialog.cancel" defaultMessage="Cancel" />
              </Button>
              <Button type="submit" loading={add.isPending}>
                <FormattedMessage id="careTeam.addPlaceDialog.submit" defaultMessage="Add" />
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
      <DialogCloseWarning warning={closeWarning} />
    </>
  );
}
