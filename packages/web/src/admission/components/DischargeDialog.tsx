import {
  Alert,
  Button,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { CareTeamRole } from '@tandem/core/access/resources';
import { dischargeSchema } from '@tandem/core/admission/episode-request';
import type { DischargeType } from '@tandem/core/admission/vocabulary';
import { useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { Dialog } from '../../app/Dialog.tsx';
import { useProgramToday } from '../../app/program-today.ts';
import { careTeamRoleLabels } from '../../care-team/labels.ts';
import { DialogCloseWarning } from '../../forms/DialogCloseWarning.tsx';
import { FormProblemAlert } from '../../forms/FormProblemAlert.tsx';
import { useCloseWarning } from '../../forms/use-leave-warning.ts';
import { useTandemForm } from '../../forms/use-tandem-form.ts';
import { formatCalendarDate } from '../../patients/labels.ts';
import { dischargeEpisode } from '../api.ts';
import { episodeRequestRuleMessages } from '../episode-request-messages.ts';
import { dischargeTypeLabels, optionsOf } from '../labels.ts';
import {
  EpisodeDialogFooter,
  type EpisodeDialogProps,
  StaleNotice,
  useEpisodeWrite,
} from './EpisodeWriteParts.tsx';

const messages = defineMessages({
  title: { id: 'admission.dischargeDialog.title', defaultMessage: 'Discharge' },
  dischargedTitle: { id: 'admission.dischargeDialog.dischargedTitle', defaultMessage: 'Discharged' },
  aftercarePlanMissing: {
    id: 'admission.dischargeDialog.aftercarePlanMissing',
    defaultMessage: 'Write the aftercare plan: follow-up, recovery supports, who to call',
  },
  alreadyDischarged: {
    id: 'admission.dischargeDialog.alreadyDischarged',
    defaultMessage: 'Already discharged',
  },
  dischargeDate: { id: 'admission.dischargeDialog.dischargeDate', defaultMessage: 'Discharge date' },
  type: { id: 'admission.dischargeDialog.type', defaultMessage: 'Type of discharge' },
  choose: { id: 'admission.dischargeDialog.choose', defaultMessage: 'Choose…' },
  aftercarePlan: { id: 'admission.dischargeDialog.aftercarePlan', defaultMessage: 'Aftercare plan' },
  aftercarePlanDescription: {
    id: 'admission.dischargeDialog.aftercarePlanDescription',
    defaultMessage: 'Follow-up appointments, recovery supports, medication continuity, who to call',
  },
});

/** Discharge: date, type and aftercare plan. The care team stays in place; the answer says who. */
export function DischargeDialog({ patientId, episode, opened, onClose }: EpisodeDialogProps) {
  const intl = useIntl();
  const today = useProgramToday();
  const { form, problem, showProblem, clearProblem } = useTandemForm({
    initialValues: { dischargedOn: today, dischargeType: '', aftercarePlan: '' },
    schema: dischargeSchema,
    toRequest: (values) => ({ ...values, version: episode.version }),
    messages: episodeRequestRuleMessages,
    // The plan is needed unless the patient died: the program's rule, not the API's.
    rules: (values) =>
      values.dischargeType !== 'death' && values.aftercarePlan.trim() === ''
        ? { aftercarePlan: intl.formatMessage(messages.aftercarePlanMissing) }
        : {},
  });
  const [remains, setRemains] = useState<{ displayName: string; role: string }[] | null>(null);
  const closeWarning = useCloseWarning(() => remains === null && form.isDirty(), onClose);
  const { mutation, stale, save, saveOnVersion } = useEpisodeWrite(
    patientId,
    episode,
    (atVersion: number) => {
      const values = form.getValues();
      return dischargeEpisode(patientId, episode.id, {
        dischargedOn: values.dischargedOn,
        dischargeType: values.dischargeType as DischargeType,
        aftercarePlan: values.aftercarePlan,
        version: atVersion,
      });
    },
    (result) => {
      form.resetDirty();
      setRemains(result.careTeamRemains);
    },
    showProblem,
  );
  const values = form.getValues();
  const errors = form.errors;
  const set = (change: Partial<typeof values>) => form.setValues(change);
  if (remains !== null) {
    return (
      <Dialog
        opened={opened}
        onClose={onClose}
        title={intl.formatMessage(messages.dischargedTitle)}
        size="lg"
      >
        <Stack>
          <Text>
            <FormattedMessage
              id="admission.dischargeDialog.careTeamStays"
              defaultMessage="The episode is closed. The care team stays in place for aftercare and follow-up:"
            />
          </Text>
          <List>
            {remains.map((member) => (
              <List.Item key={`${member.displayName}-${member.role}`}>
                <FormattedMessage
                  id="admission.dischargeDialog.careTeamMember"
                  defaultMessage="{name}, {place}"
                  values={{
                    name: member.displayName,
                    place: intl.formatMessage(careTeamRoleLabels[member.role as CareTeamRole]),
                  }}
                />
              </List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="admission.dischargeDialog.endPlacesLater"
              defaultMessage="End places on the care team tab when they are no longer needed."
            />
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              <FormattedMessage id="admission.dischargeDialog.done" defaultMessage="Done" />
            </Button>
          </Group>
        </Stack>
      </Dialog>
    );
  }
  return (
    <>
      <Dialog
        opened={opened}
        onClose={closeWarning.requestClose}
        title={intl.formatMessage(messages.title)}
        size="lg"
      >
        <form
          onSubmit={form.onSubmit(() => {
            clearProblem();
            save();
          })}
          noValidate
          aria-label={intl.formatMessage(messages.title)}
        >
          <Stack>
            {stale && stale.status === 'active' && (
              <StaleNotice onReapply={() => saveOnVersion(stale.version)}>
                <Text size="sm">
                  <FormattedMessage
                    id="admission.dischargeDialog.reviewLevel"
                    defaultMessage="Review the episode's latest level of care before discharging."
                  />
                </Text>
              </StaleNotice>
            )}
            {stale && stale.status !== 'active' && (
              <Alert color="orange" variant="light" title={intl.formatMessage(messages.alreadyDischarged)}>
                <FormattedMessage
                  id="admission.dischargeDialog.dischargedBySomeoneElse"
                  defaultMessage="Someone else discharged this episode on {date}. Your aftercare plan is still below to copy."
                  values={{
                    date: stale.dischargedOn === null ? '—' : formatCalendarDate(intl, stale.dischargedOn),
                  }}
                />
              </Alert>
            )}
            <FormProblemAlert problem={problem} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="date"
                label={intl.formatMessage(messages.dischargeDate)}
                withAsterisk
                data-autofocus
                value={values.dischargedOn}
                onChange={(event) => set({ dischargedOn: event.currentTarget.value })}
                error={errors.dischargedOn}
              />
              <NativeSelect
                label={intl.formatMessage(messages.type)}
                withAsterisk
                value={values.dischargeType}
                data={[
                  { value: '', label: intl.formatMessage(messages.choose) },
                  ...optionsOf(intl, dischargeTypeLabels),
                ]}
                onChange={(event) => set({ dischargeType: event.currentTarget.value })}
                error={errors.dischargeType}
              />
            </SimpleGrid>
            <Textarea
              label={intl.formatMessage(messages.aftercarePlan)}
              description={intl.formatMessage(messages.aftercarePlanDescription)}
              autosize
              minRows={4}
              value={values.aftercarePlan}
              onChange={(event) => set({ aftercarePlan: event.currentTarget.value })}
              error={errors.aftercarePlan}
            />
            <EpisodeDialogFooter
              onCancel={closeWarning.requestClose}
              pending={mutation.isPending}
              color="red"
            >
              <FormattedMessage id="admission.dischargeDialog.submit" defaultMessage="Discharge" />
            </EpisodeDialogFooter>
          </Stack>
        </form>
      </Dialog>
      <DialogCloseWarning warning={closeWarning} />
    </>
  );
}
