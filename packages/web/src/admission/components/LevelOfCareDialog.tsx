import { Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { levelOfCareMisfit } from '@tandem/core/admission/level-of-care-fit';
import {
  type AsamEdition,
  type CareSetting,
  careSettingLabels,
  levelOfCareChangeDirectionLabels,
} from '@tandem/core/admission/vocabulary';
import { type FormEvent, useState } from 'react';
import { Dialog } from '../../app/Dialog.tsx';
import { useProgramToday } from '../../app/program-today.ts';
import { asamLevelOptions } from '../admission-form.ts';
import { changeLevelOfCare } from '../api.ts';
import { optionsOf } from '../labels.ts';
import {
  EpisodeDialogFooter,
  type EpisodeDialogProps,
  FailureNotice,
  StaleNotice,
  useEpisodeWrite,
} from './EpisodeWriteParts.tsx';

/** Step-down, step-up or lateral move: a dated event in the episode. */
export function LevelOfCareDialog({ patientId, episode, opened, onClose }: EpisodeDialogProps) {
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
      notifications.show({ color: 'green', message: 'Level of care changed.' });
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
    if (values.setting === '') found.setting = 'Choose the new setting of care';
    else {
      const misfit = levelOfCareMisfit(values.setting as CareSetting, {
        edition: values.asamEdition,
        level: values.asamLevel,
      });
      if (misfit !== undefined) found[misfit.path] = misfit.message;
    }
    if (values.reason.trim() === '') found.reason = 'Say why the level of care changes';
    setErrors(found);
    if (Object.keys(found).length === 0) save();
  }
  return (
    <Dialog opened={opened} onClose={onClose} title="Change the level of care" size="lg">
      <form onSubmit={submit} noValidate aria-label="Change the level of care">
        <Stack>
          {stale && (
            <StaleNotice onReapply={() => saveOnVersion(stale.version)}>
              <Text size="sm">
                The episode is now at {careSettingLabels[stale.setting]}
                {stale.asam ? ` (ASAM ${stale.asam.level})` : ''}.
              </Text>
            </StaleNotice>
          )}
          <FailureNotice error={mutation.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label="Effective on"
              withAsterisk
              data-autofocus
              value={values.effectiveOn}
              onChange={(event) => set({ effectiveOn: event.currentTarget.value })}
              error={errors.effectiveOn}
            />
            <NativeSelect
              label="Direction"
              value={values.direction}
              data={optionsOf(levelOfCareChangeDirectionLabels)}
              onChange={(event) => set({ direction: event.currentTarget.value })}
            />
            <NativeSelect
              label="New setting"
              withAsterisk
              value={values.setting}
              data={[{ value: '', label: 'Choose…' }, ...optionsOf(careSettingLabels)]}
              onChange={(event) => set({ setting: event.currentTarget.value })}
              error={errors.setting}
            />
            <Group grow align="flex-start">
              <NativeSelect
                label="ASAM edition"
                value={values.asamEdition}
                data={[
                  { value: '4', label: '4th' },
                  { value: '3', label: '3rd' },
                ]}
                onChange={(event) =>
                  set({ asamEdition: event.currentTarget.value as AsamEdition, asamLevel: '' })
                }
              />
              <NativeSelect
                label="ASAM level"
                value={values.asamLevel}
                data={[{ value: '', label: 'Not assessed' }, ...asamLevelOptions(values.asamEdition)]}
                onChange={(event) => set({ asamLevel: event.currentTarget.value })}
                error={errors['asam.level']}
              />
            </Group>
          </SimpleGrid>
          <Textarea
            label="Reason"
            withAsterisk
            autosize
            minRows={2}
            value={values.reason}
            onChange={(event) => set({ reason: event.currentTarget.value })}
            error={errors.reason}
          />
          <EpisodeDialogFooter onCancel={onClose} pending={mutation.isPending}>
            Record the change
          </EpisodeDialogFooter>
        </Stack>
      </form>
    </Dialog>
  );
}
