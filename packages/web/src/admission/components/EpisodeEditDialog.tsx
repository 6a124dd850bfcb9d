import { Button, List, MultiSelect, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { episodeUpdateSchema } from '@tandem/core/admission/episode-request';
import { defineMessages, FormattedMessage, type MessageDescriptor, useIntl } from 'react-intl';
import { Dialog } from '../../app/Dialog.tsx';
import { DialogCloseWarning } from '../../forms/DialogCloseWarning.tsx';
import { FormProblemAlert } from '../../forms/FormProblemAlert.tsx';
import { useCloseWarning } from '../../forms/use-leave-warning.ts';
import { useTandemForm } from '../../forms/use-tandem-form.ts';
import { type Episode, updateEpisode } from '../api.ts';
import { conflictingFields } from '../conflict.ts';
import { episodeRequestRuleMessages } from '../episode-request-messages.ts';
import { coOccurringConditionLabels, optionsOf, referralSourceLabels } from '../labels.ts';
import {
  EpisodeDialogFooter,
  type EpisodeDialogProps,
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
const fieldLabels: Record<(typeof editableFields)[number], MessageDescriptor> = defineMessages({
  referralSource: { id: 'admission.episodeEditDialog.referralSource', defaultMessage: 'Referral source' },
  referralNote: { id: 'admission.episodeEditDialog.referralNote', defaultMessage: 'Referral note' },
  presentingProblems: {
    id: 'admission.episodeEditDialog.presentingProblems',
    defaultMessage: 'Presenting problems',
  },
  coOccurringConditions: {
    id: 'admission.episodeEditDialog.coOccurringConditions',
    defaultMessage: 'Co-occurring conditions',
  },
});
const messages = defineMessages({
  title: { id: 'admission.episodeEditDialog.title', defaultMessage: 'Edit the episode' },
  saved: { id: 'admission.episodeEditDialog.saved', defaultMessage: 'Episode saved.' },
});

/** Edits the referral, presenting problems and co-occurring conditions; a stale save keeps what was typed. */
export function EpisodeEditDialog({ patientId, episode, opened, onClose }: EpisodeDialogProps) {
  const intl = useIntl();
  const { form, problem, showProblem, clearProblem } = useTandemForm<Editable>({
    initialValues: {
      referralSource: episode.referralSource,
      referralNote: episode.referralNote ?? '',
      presentingProblems: episode.presentingProblems,
      coOccurringConditions: episode.coOccurringConditions,
    },
    schema: episodeUpdateSchema,
    toRequest: (values) => ({ ...values, version: episode.version }),
    messages: episodeRequestRuleMessages,
  });
  const closeWarning = useCloseWarning(() => form.isDirty(), onClose);
  const { mutation, stale, save, saveOnVersion, setVersion } = useEpisodeWrite(
    patientId,
    episode,
    (atVersion: number) => updateEpisode(patientId, episode.id, { ...form.getValues(), version: atVersion }),
    () => {
      notifications.show({ color: 'green', message: intl.formatMessage(messages.saved) });
      form.resetDirty();
      onClose();
    },
    showProblem,
  );
  const values = form.getValues();
  const errors = form.errors;
  const set = (change: Partial<Editable>) => form.setValues(change);
  // What the other person saved, as the form names it: codes by their labels, free text as typed.
  const theirValue = (field: (typeof editableFields)[number], value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'referralSource')
      return intl.formatMessage(referralSourceLabels[value as Editable['referralSource']]);
    if (field === 'coOccurringConditions') {
      const conditions = value as Editable['coOccurringConditions'];
      if (conditions.length === 0) return '—';
      return intl.formatList(
        conditions.map((condition) => intl.formatMessage(coOccurringConditionLabels[condition])),
        { type: 'unit', style: 'short' },
      );
    }
    return String(value);
  };
  const differences = stale
    ? conflictingFields(values, { ...stale, referralNote: stale.referralNote ?? '' }, editableFields)
    : [];
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
                {differences.length === 0 ? (
                  <Text size="sm">
                    <FormattedMessage
                      id="admission.episodeEditDialog.untouched"
                      defaultMessage="Their change does not touch what you edited."
                    />
                  </Text>
                ) : (
                  <List size="sm">
                    {differences.map((difference) => (
                      <List.Item key={difference.field}>
                        <FormattedMessage
                          id="admission.episodeEditDialog.isNow"
                          defaultMessage="{field} is now: <em>{value}</em>"
                          values={{
                            field: intl.formatMessage(fieldLabels[difference.field]),
                            value: theirValue(difference.field, difference.theirs),
                            em: (chunks) => <em>{chunks}</em>,
                          }}
                        />
                      </List.Item>
                    ))}
                  </List>
                )}
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => {
                    setVersion(stale.version);
                    form.setValues({
                      referralSource: stale.referralSource,
                      referralNote: stale.referralNote ?? '',
                      presentingProblems: stale.presentingProblems,
                      coOccurringConditions: stale.coOccurringConditions,
                    });
                    mutation.reset();
                  }}
                >
                  <FormattedMessage
                    id="admission.episodeEditDialog.loadTheirs"
                    defaultMessage="Discard mine and load theirs"
                  />
                </Button>
              </StaleNotice>
            )}
            <FormProblemAlert problem={problem} />
            <NativeSelect
              label={intl.formatMessage(fieldLabels.referralSource)}
              data-autofocus
              value={values.referralSource}
              data={optionsOf(intl, referralSourceLabels)}
              onChange={(event) => set({ referralSource: event.currentTarget.value as never })}
            />
            <TextInput
              label={intl.formatMessage(fieldLabels.referralNote)}
              value={values.referralNote ?? ''}
              onChange={(event) => set({ referralNote: event.currentTarget.value })}
              error={errors.referralNote}
            />
            <MultiSelect
              label={intl.formatMessage(fieldLabels.coOccurringConditions)}
              data={optionsOf(intl, coOccurringConditionLabels)}
              value={values.coOccurringConditions}
              onChange={(selected) => set({ coOccurringConditions: selected as never })}
              searchable
            />
            <Textarea
              label={intl.formatMessage(fieldLabels.presentingProblems)}
              autosize
              minRows={4}
              value={values.presentingProblems}
              onChange={(event) => set({ presentingProblems: event.currentTarget.value })}
              error={errors.presentingProblems}
            />
            <EpisodeDialogFooter onCancel={closeWarning.requestClose} pending={mutation.isPending}>
              <FormattedMessage id="admission.episodeEditDialog.save" defaultMessage="Save" />
            </EpisodeDialogFooter>
          </Stack>
        </form>
      </Dialog>
      <DialogCloseWarning warning={closeWarning} />
    </>
  );
}
