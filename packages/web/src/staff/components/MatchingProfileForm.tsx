import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { clinicianGenders, coOccurringConditions, substanceClasses } from '@tandem/core/admission/vocabulary';
import { therapeuticApproaches } from '@tandem/core/staff/approaches';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { api, unwrap } from '../../api/client.ts';
import { asApiError } from '../../api/problem.ts';
import type { StaffMember } from '../../api/types.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { DialogCloseWarning } from '../../forms/DialogCloseWarning.tsx';
import { FormProblemAlert } from '../../forms/FormProblemAlert.tsx';
import { useCloseWarning } from '../../forms/use-leave-warning.ts';
import { useTandemForm } from '../../forms/use-tandem-form.ts';
import { staffQueryKeys } from '../api.ts';
import { approachLabels, conditionLabels, genderLabels, substanceLabels } from '../labels.ts';
import {
  type MatchingProfileValues,
  matchingProfileChange,
  matchingProfileValues,
  validateMatchingProfile,
} from '../matching-profile-form.ts';

const messages = defineMessages({
  saved: { id: 'staff.matchingProfileForm.saved', defaultMessage: 'Matching profile saved.' },
  changedTitle: { id: 'staff.matchingProfileForm.changedTitle', defaultMessage: 'Changed by someone else' },
  gender: { id: 'staff.matchingProfileForm.gender', defaultMessage: 'Gender' },
  genderDescription: {
    id: 'staff.matchingProfileForm.genderDescription',
    defaultMessage: "Matched against a patient's stated preference, never a filter",
  },
  notRecorded: { id: 'staff.matchingProfileForm.notRecorded', defaultMessage: 'Not recorded' },
  maximumCaseload: { id: 'staff.matchingProfileForm.maximumCaseload', defaultMessage: 'Maximum caseload' },
  maximumCaseloadDescription: {
    id: 'staff.matchingProfileForm.maximumCaseloadDescription',
    defaultMessage: 'Empty: the program default',
  },
  approaches: { id: 'staff.matchingProfileForm.approaches', defaultMessage: 'Approaches offered' },
  languages: { id: 'staff.matchingProfileForm.languages', defaultMessage: 'Languages' },
  languagesDescription: {
    id: 'staff.matchingProfileForm.languagesDescription',
    defaultMessage: 'Language tags, such as en, es, pt-BR; press Enter after each',
  },
  yearsExperience: {
    id: 'staff.matchingProfileForm.yearsExperience',
    defaultMessage: 'Years of addiction treatment experience',
  },
  conditions: {
    id: 'staff.matchingProfileForm.conditions',
    defaultMessage: 'Experienced with co-occurring conditions',
  },
  acceptingNewPatients: {
    id: 'staff.matchingProfileForm.acceptingNewPatients',
    defaultMessage: 'Accepting new patients',
  },
  acceptingNewPatientsDescription: {
    id: 'staff.matchingProfileForm.acceptingNewPatientsDescription',
    defaultMessage: 'Off keeps them in the ranked list, marked unavailable',
  },
});

/**
 * What therapist matching weighs of a clinician. Edited by administrators; a conflict keeps what was typed and
 * saves on top of the other person's change once confirmed.
 */
export function MatchingProfileForm({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const { form, problem, showProblem, clearProblem } = useTandemForm<MatchingProfileValues>({
    initialValues: matchingProfileValues(member),
    rules: (values) => validateMatchingProfile(intl, values),
  });
  const closeWarning = useCloseWarning(() => form.isDirty(), onClose);
  const save = useMutation({
    mutationFn: (values: MatchingProfileValues) =>
      unwrap(
        api.PATCH('/api/staff/{staffMemberId}', {
          params: { path: { staffMemberId: member.id } },
          body: matchingProfileChange(values, member),
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(staffQueryKeys.detail(member.id), saved);
      void queryClient.invalidateQueries({ queryKey: staffQueryKeys.list() });
      notifications.show({ color: 'teal', message: intl.formatMessage(messages.saved) });
      onClose();
    },
    onError: (error) => {
      showProblem(error);
      // The record behind the form refreshes (and with it the version); what was typed stays.
      if (asApiError(error).status === 409) {
        void queryClient.invalidateQueries({ queryKey: staffQueryKeys.detail(member.id) });
      }
    },
  });
  const values = form.getValues();
  const errors = form.errors;
  const set = <K extends keyof MatchingProfileValues>(field: K, value: MatchingProfileValues[K]) =>
    form.setFieldValue(field, value as never);
  const setYears = (substance: (typeof substanceClasses)[number], value: number | '') =>
    form.setFieldValue(`substanceExperience.${substance}`, value as never);
  const numberValue = (value: string | number): number | '' => (value === '' ? '' : Number(value));
  const conflict = problem?.status === 409 ? (problem.detail ?? problem.title) : null;

  return (
    <>
      <Dialog
        opened
        onClose={closeWarning.requestClose}
        size="lg"
        title={intl.formatMessage(
          { id: 'staff.matchingProfileForm.title', defaultMessage: 'Matching profile: {name}' },
          { name: member.displayName },
        )}
      >
        <form
          onSubmit={form.onSubmit((submitted) => {
            clearProblem();
            save.mutate(submitted);
          })}
          noValidate
        >
          <Stack>
            {conflict !== null && (
              <Alert
                color="yellow"
                icon={<IconAlertTriangle />}
                title={intl.formatMessage(messages.changedTitle)}
              >
                <FormattedMessage
                  id="staff.matchingProfileForm.conflict"
                  defaultMessage="{problem} Your changes are kept; saving again applies them on top of theirs."
                  values={{ problem: conflict }}
                />
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={intl.formatMessage(messages.gender)}
                description={intl.formatMessage(messages.genderDescription)}
                data={clinicianGenders.map((value) => ({
                  value,
                  label: intl.formatMessage(genderLabels[value]),
                }))}
                value={values.gender}
                onChange={(value) => set('gender', value as MatchingProfileValues['gender'])}
                error={errors.gender}
                clearable
                placeholder={intl.formatMessage(messages.notRecorded)}
              />
              <NumberInput
                label={intl.formatMessage(messages.maximumCaseload)}
                description={intl.formatMessage(messages.maximumCaseloadDescription)}
                value={values.maxCaseload}
                onChange={(value) => set('maxCaseload', numberValue(value))}
                error={errors.maxCaseload}
                min={0}
                max={500}
                allowDecimal={false}
              />
            </SimpleGrid>
            <MultiSelect
              label={intl.formatMessage(messages.approaches)}
              data={therapeuticApproaches.map((value) => ({
                value,
                label: intl.formatMessage(approachLabels[value]),
              }))}
              value={values.approaches}
              onChange={(value) => set('approaches', value as MatchingProfileValues['approaches'])}
              error={errors.approaches}
              searchable
            />
            <TagsInput
              label={intl.formatMessage(messages.languages)}
              description={intl.formatMessage(messages.languagesDescription)}
              value={values.languages}
              onChange={(value) => set('languages', value)}
              error={errors.languages}
            />
            <NumberInput
              label={intl.formatMessage(messages.yearsExperience)}
              value={values.yearsAddictionExperience}
              onChange={(value) => set('yearsAddictionExperience', numberValue(value))}
              error={errors.yearsAddictionExperience}
              min={0}
              max={80}
              allowDecimal={false}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                <FormattedMessage
                  id="staff.matchingProfileForm.yearsBySubstance"
                  defaultMessage="Years of experience by substance"
                />
              </Text>
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
                {substanceClasses.map((substance) => (
                  <NumberInput
                    key={substance}
                    label={intl.formatMessage(substanceLabels[substance])}
                    size="xs"
                    value={values.substanceExperience[substance]}
                    onChange={(value) => setYears(substance, numberValue(value))}
                    error={errors[`substanceExperience.${substance}`]}
                    min={0}
                    max={80}
                    allowDecimal={false}
                  />
                ))}
              </SimpleGrid>
            </Stack>
            <MultiSelect
              label={intl.formatMessage(messages.conditions)}
              data={coOccurringConditions.map((value) => ({
                value,
                label: intl.formatMessage(conditionLabels[value]),
              }))}
              value={values.conditionExperience}
              onChange={(value) =>
                set('conditionExperience', value as MatchingProfileValues['conditionExperience'])
              }
              error={errors.conditionExperience}
              searchable
            />
            <Switch
              label={intl.formatMessage(messages.acceptingNewPatients)}
              description={intl.formatMessage(messages.acceptingNewPatientsDescription)}
              checked={values.acceptsNewPatients}
              onChange={(event) => set('acceptsNewPatients', event.currentTarget.checked)}
            />
            {problem?.status !== 409 && <FormProblemAlert problem={problem} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={closeWarning.requestClose}>
                <FormattedMessage id="staff.matchingProfileForm.cancel" defaultMessage="Cancel" />
              </Button>
              <Button type="submit" loading={save.isPending}>
                <FormattedMessage id="staff.matchingProfileForm.save" defaultMessage="Save" />
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
      <DialogCloseWarning warning={closeWarning} />
    </>
  );
}
