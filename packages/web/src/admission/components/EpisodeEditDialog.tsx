import { Button, List, MultiSelect, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { coOccurringConditionLabels, referralSourceLabels } from '@tandem/core/admission/vocabulary';
import { useState } from 'react';
import { Dialog } from '../../app/Dialog.tsx';
import { type Episode, updateEpisode } from '../api.ts';
import { conflictingFields } from '../conflict.ts';
import { optionsOf } from '../labels.ts';
import {
  EpisodeDialogFooter,
  type EpisodeDialogProps,
  FailureNotice,
  StaleNotice,
  useEpisodeWrite,
} from './EpisodeWriteParts.tsx';

const editableFields = [
  'referralSource',
  'referralNote',
  'presentingProblems',
  'coOccurringConditions',
] as const;
type Editable = Pick<Episode, (typeof editableFields)[number]>;
const fieldLabels: Record<(typeof editableFields)[number], string> = {
  referralSource: 'Referral source',
  referralNote: 'Referral note',
  presentingProblems: 'Presenting problems',
  coOccurringConditions: 'Co-occurring conditions',
};

/** Edits the referral, presenting problems and co-occurring conditions; a stale save keeps what was typed. */
export function EpisodeEditDialog({ patientId, episode, opened, onClose }: EpisodeDialogProps) {
  const [values, setValues] = useState<Editable>({
    referralSource: episode.referralSource,
    referralNote: episode.referralNote ?? '',
    presentingProblems: episode.presentingProblems,
    coOccurringConditions: episode.coOccurringConditions,
  });
  const { mutation, errors, setErrors, stale, save, saveOnVersion, setVersion } = useEpisodeWrite(
    patientId,
    episode,
    (atVersion: number) => updateEpisode(patientId, episode.id, { ...values, version: atVersion }),
    () => {
      notifications.show({ color: 'green', message: 'Episode saved.' });
      onClose();
    },
  );
  const set = (change: Partial<Editable>) => {
    setValues((current) => ({ ...current, ...change }));
    setErrors({});
  };
  const differences = stale
    ? conflictingFields(values, { ...stale, referralNote: stale.referralNote ?? '' }, editableFields)
    : [];
  return (
    <Dialog opened={opened} onClose={onClose} title="Edit the episode" size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
        noValidate
        aria-label="Edit the episode"
      >
        <Stack>
          {stale && (
            <StaleNotice onReapply={() => saveOnVersion(stale.version)}>
              {differences.length === 0 ? (
                <Text size="sm">Their change does not touch what you edited.</Text>
              ) : (
                <List size="sm">
                  {differences.map((difference) => (
                    <List.Item key={difference.field}>
                      {fieldLabels[difference.field]} is now: <em>{String(difference.theirs ?? '—')}</em>
                    </List.Item>
                  ))}
                </List>
              )}
              <Button
                size="xs"
                variant="subtle"
                onClick={() => {
                  setVersion(stale.version);
                  setValues({
                    referralSource: stale.referralSource,
                    referralNote: stale.referralNote ?? '',
                    presentingProblems: stale.presentingProblems,
                    coOccurringConditions: stale.coOccurringConditions,
                  });
                  mutation.reset();
                }}
              >
                Discard mine and load theirs
              </Button>
            </StaleNotice>
          )}
          <FailureNotice error={mutation.error} />
          <NativeSelect
            label="Referral source"
            data-autofocus
            value={values.referralSource}
            data={optionsOf(referralSourceLabels)}
            onChange={(event) => set({ referralSource: event.currentTarget.value as never })}
          />
          <TextInput
            label="Referral note"
            value={values.referralNote ?? ''}
            onChange={(event) => set({ referralNote: event.currentTarget.value })}
            error={errors.referralNote}
          />
          <MultiSelect
            label="Co-occurring conditions"
            data={optionsOf(coOccurringConditionLabels)}
            value={values.coOccurringConditions}
            onChange={(selected) => set({ coOccurringConditions: selected as never })}
            searchable
          />
          <Textarea
            label="Presenting problems"
            autosize
            minRows={4}
            value={values.presentingProblems}
            onChange={(event) => set({ presentingProblems: event.currentTarget.value })}
            error={errors.presentingProblems}
          />
          <EpisodeDialogFooter onCancel={onClose} pending={mutation.isPending}>
            Save
          </EpisodeDialogFooter>
        </Stack>
      </form>
    </Dialog>
  );
}
