import { Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { levelOfCareChangeInputSchema } from '@tandem/core/admission/episode-request';
import { levelOfCareMisfit } from '@tandem/core/admission/level-of-care-fit';
import type { AsamEdition, CareSetting, LevelOfCareChangeDirection } from '@tandem/core/admission/vocabulary';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { Dialog } from '../../app/Dialog.tsx';
import { useProgramToday } from '../../app/program-today.ts';
import { DialogCloseWarning } from '../../forms/DialogCloseWarning.tsx';
import { FormProblemAlert } from '../../forms/FormProblemAlert.tsx';
import { useCloseWarning } from '../../forms/use-leave-warning.ts';
import { useTandemForm } from '../../forms/use-tandem-form.ts';
import { asamLevelOptions } from '../admission-form.ts';
import { admissionProblemMessage } from '../admission-problems.ts';
import { changeLevelOfCare } from '../api.ts';
import { episodeRequestRuleMessages } from '../episode-request-messages.ts';
import {
  careSettingLabels,
  levelOfCareChangeDirectionLabels,
  levelOfCareLabel,
  optionsOf,
} from '../labels.ts';
import {
  EpisodeDialogFooter,
  type EpisodeDialogProps,
  StaleNotice,
  useEpisodeWrite,
} from './EpisodeWriteParts.tsx';

const messages = defineMessages({
  title: { id: 'admission.levelOfCareDialog.title', defaultMessage: 'Change the level of care' },
  changed: { id: 'admission.levelOfCareDialog.changed', defaultMessage: 'Level of care changed.' },
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

interface LevelOfCareValues {
  effectiveOn: string;
  direction: string;
  setting: string;
  asamEdition: AsamEdition;
  asamLevel: string;
  reason: string;
}

function changeRequest(values: LevelOfCareValues, version: number) {
  return {
    effectiveOn: values.effectiveOn,
    direction: values.direction as LevelOfCareChangeDirection,
    setting: values.setting as CareSetting,
    asam: values.asamLevel === '' ? null : { edition: values.asamEdition, level: values.asamLevel },
    reason: values.reason,
    version,
  };
}

/** Step-down, step-up or lateral move: a dated event in the episode. */
export function LevelOfCareDialog({ patientId, episode, opened, onClose }: EpisodeDialogProps) {
  const intl = useIntl();
  const today = useProgramToday();
  const { form, problem, showProblem, clearProblem } = useTandemForm<LevelOfCareValues>({
    initialValues: {
      effectiveOn: today,
      direction: 'step_down',
      setting: '',
      asamEdition: (episode.asam?.edition ?? '4') as AsamEdition,
      asamLevel: '',
      reason: '',
    },
    schema: levelOfCareChangeInputSchema,
    toRequest: (values) => changeRequest(values, episode.version),
    messages: episodeRequestRuleMessages,
    // Core's fit of setting and level, in the reader's words.
    rules: (values) => {
      if (values.setting === '') return {};
      const misfit = levelOfCareMisfit(values.setting as CareSetting, {
        edition: values.asamEdition,
        level: values.asamLevel,
      });
      return misfit === undefined ? {} : { [misfit.path]: admissionProblemMessage(intl, misfit) };
    },
    isField: (path, values) => path.startsWith('asam.') || path in values,
  });
  const closeWarning = useCloseWarning(() => form.isDirty(), onClose);
  const { stale, save, saveOnVersion, mutation } = useEpisodeWrite(
    patientId,
    episode,
    (atVersion: number) =>
      changeLevelOfCare(patientId, episode.id, changeRequest(form.getValues(), atVersion)),
    () => {
      notifications.show({ color: 'green', message: intl.formatMessage(messages.changed) });
      form.resetDirty();
      onClose();
    },
    showProblem,
  );
  const values = form.getValues();
  const errors = form.errors;
  const set = (change: Partial<typeof values>) => form.setValues(change);
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
            <FormProblemAlert problem={problem} />
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
            <EpisodeDialogFooter onCancel={closeWarning.requestClose} pending={mutation.isPending}>
              <FormattedMessage id="admission.levelOfCareDialog.submit" defaultMessage="Record the change" />
            </EpisodeDialogFooter>
          </Stack>
        </form>
      </Dialog>
      <DialogCloseWarning warning={closeWarning} />
    </>
  );
}
