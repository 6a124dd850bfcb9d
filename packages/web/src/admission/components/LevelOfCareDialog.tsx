import { Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { levelOfCareMisfit } from '@tandem/core/admission/level-of-care-fit';
import type { AsamEdition, CareSetting } from '@tandem/core/admission/vocabulary';
import { type FormEvent, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { Dialog } from '../../app/Dialog.tsx';
import { useProgramToday } from '../../app/program-today.ts';
import { asamLevelOptions } from '../admission-form.ts';
import { admissionProblemMessage } from '../admission-problems.ts';
import { changeLevelOfCare } from '../api.ts';
import {
  careSettingLabels,
  levelOfCareChangeDirectionLabels,
  levelOfCareLabel,
  optionsOf,
} from '../labels.ts';
import {
  EpisodeDialogFooter,
  type EpisodeDialogProps,
  FailureNotice,
  StaleNotice,
  useEpisodeWrite,
} from './EpisodeWriteParts.tsx';

const messages = defineMessages({
  title: { id: 'admission.levelOfCareDialog.title', defaultMessage: 'Change the level of care' },
  changed: { id: 'admission.levelOfCareDialog.changed', defaultMessage: 'Level of care changed.' },
  settingMissing: {
    id: 'admission.levelOfCareDialog.settingMissing',
    defaultMessage: 'Choose the new setting of care',
  },
  reasonMissing: {
    id: 'admission.levelOfCareDialog.reasonMissing',
    defaultMessage: 'Say why the level of care changes',
  },
  effectiveOn: { id: 'admission.levelOfCareDialog.effectiveOn', defaultMessage: 'Effective on' },
  direction: { id: 'admission.levelOfCareDialog.direction', defaultMessage: 'Direction' },
  newSetting: { id: 'admission.levelOfCareDialog.newSetting', defaultMessage: 'New setting' },
  choose: { id: 'admission.levelOfCareDialog.choose', defaultMessage: 'Choose…' },
  asamEdition: { id: 'admission.levelOfCareDialog.asamEdition', defaultMessage: 'ASAM edition' },
  fourth: { id: 'admission.levelOfCareDialog.fourthEdition', defaultMessage: '4th' },
  third: { id: 'admission.levelOfCareDialog.thirdEdition', defaultMessage: '3rd' },
  asamLevel: { id: 'admission.levelOfCareDialog.asamLevel', defaultMessage: 'ASAM level' },
  notAssessed: { id: 'admission.levelOfCareDialog.notAssessed', defaultMessage: 'Not assessed' },
  reason: { id: 'admission.levelOfCareDialog.reason', defaultMessage: 'Reason' },
});

/** Step-down, step-up or lateral move: a dated event in the episode. */
export function LevelOfCareDialog({ patientId, episode, opened, onClose }: EpisodeDialogProps) {
  const intl = useIntl();
  const today = useProgramToday();
  const [values, setValues] = useState({
    effectiveOn: today,
    direction: 'step_down',
    setting: '',
    asamEdition: (episode.asam?.edition ?? '4') as AsamEdition,
    asamLevel: '',
    reason: '',
  });
  const { mutation, errors, setErrors, stale, save, saveOnVersion } = useEpisodeWrite(
    patientId,
    episode,
    (atVersion: number) =>
      changeLevelOfCare(patientId, episode.id, {
        effectiveOn: values.effectiveOn,
        direction: values.direction as never,
        setting: values.setting as never,
        asam: values.asamLevel === '' ? null : { edition: values.asamEdition, level: values.asamLevel },
        reason: values.reason,
        version: atVersion,
      }),
    () => {
      notifications.show({ color: 'green', message: intl.formatMessage(messages.changed) });
      onClose();
    },
  );
  const set = (change: Partial<typeof values>) => {
    setValues((current) => ({ ...current, ...change }));
    setErrors({});
  };
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (values.setting === '') found.setting = intl.formatMessage(messages.settingMissing);
    else {
      const misfit = levelOfCareMisfit(values.setting as CareSetting, {
        edition: values.asamEdition,
        level: values.asamLevel,
      });
      if (misfit !== undefined) found[misfit.path] = admissionProblemMessage(intl, misfit);
    }
    if (values.reason.trim() === '') found.reason = intl.formatMessage(messages.reasonMissing);
    setErrors(found);
    if (Object.keys(found).length === 0) save();
  }
  return (
    <Dialog opened={opened} onClose={onClose} title={intl.formatMessage(messages.title)} size="lg">
      <form onSubmit={submit} noValidate aria-label={intl.formatMessage(messages.title)}>
        <Stack>
          {stale && (
            <StaleNotice onReapply={() => saveOnVersion(stale.version)}>
              <Text size="sm">
                <FormattedMessage
                  id="admission.levelOfCareDialog.nowAt"
                  defaultMessage="The episode is now at {level}."
                  values={{ level: levelOfCareLabel(intl, stale.setting, stale.asam) }}
                />
              </Text>
            </StaleNotice>
          )}
          <FailureNotice error={mutation.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={intl.formatMessage(messages.effectiveOn)}
              withAsterisk
              data-autofocus
              value={values.effectiveOn}
              onChange={(event) => set({ effectiveOn: event.currentTarget.value })}
              error={errors.effectiveOn}
            />
            <NativeSelect
              label={intl.formatMessage(messages.direction)}
              value={values.direction}
              data={optionsOf(intl, levelOfCareChangeDirectionLabels)}
              onChange={(event) => set({ direction: event.currentTarget.value })}
            />
            <NativeSelect
              label={intl.formatMessage(messages.newSetting)}
              withAsterisk
              value={values.setting}
              data={[
                { value: '', label: intl.formatMessage(messages.choose) },
                ...optionsOf(intl, careSettingLabels),
              ]}
              onChange={(event) => set({ setting: event.currentTarget.value })}
              error={errors.setting}
            />
            <Group grow align="flex-start">
              <NativeSelect
                label={intl.formatMessage(messages.asamEdition)}
                value={values.asamEdition}
                data={[
                  { value: '4', label: intl.formatMessage(messages.fourth) },
                  { value: '3', label: intl.formatMessage(messages.third) },
                ]}
                onChange={(event) =>
                  set({ asamEdition: event.currentTarget.value as AsamEdition, asamLevel: '' })
                }
              />
              <NativeSelect
                label={intl.formatMessage(messages.asamLevel)}
                value={values.asamLevel}
                data={[
                  { value: '', label: intl.formatMessage(messages.notAssessed) },
                  ...asamLevelOptions(intl, values.asamEdition),
                ]}
                onChange={(event) => set({ asamLevel: event.currentTarget.value })}
                error={errors['asam.level']}
              />
            </Group>
          </SimpleGrid>
          <Textarea
            label={intl.formatMessage(messages.reason)}
            withAsterisk
            autosize
            minRows={2}
            value={values.reason}
            onChange={(event) => set({ reason: event.currentTarget.value })}
            error={errors.reason}
          />
          <EpisodeDialogFooter onCancel={onClose} pending={mutation.isPending}>
            <FormattedMessage id="admission.levelOfCareDialog.submit" defaultMessage="Record the change" />
          </EpisodeDialogFooter>
        </Stack>
      </form>
    </Dialog>
  );
}
