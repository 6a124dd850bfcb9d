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
import {
  clinicianGenders,
  coOccurringConditionLabels,
  coOccurringConditions,
  substanceClasses,
  substanceClassLabels,
} from '@tandem/core/admission/vocabulary';
import { therapeuticApproaches, therapeuticApproachLabels } from '@tandem/core/staff/approaches';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { describeProblem } from '../../api/problem.ts';
import type { StaffMember } from '../../api/types.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { staffQueryKeys } from '../api.ts';
import { genderLabels } from '../labels.ts';
import {
  type MatchingProfileErrors,
  type MatchingProfileValues,
  matchingProfileChange,
  matchingProfileValues,
  validateMatchingProfile,
} from '../matching-profile-form.ts';

/**
 * What therapist matching weighs of a clinician. Edited by administrators; a conflict keeps what was typed and
 * saves on top of the other person's change once confirmed.
 */
export function MatchingProfileForm({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<MatchingProfileValues>(() => matchingProfileValues(member));
  const [errors, setErrors] = useState<MatchingProfileErrors>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/staff/{staffMemberId}', {
          params: { path: { staffMemberId: member.id } },
          body: matchingProfileChange(values, member),
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(staffQueryKeys.detail(member.id), saved);
      void queryClient.invalidateQueries({ queryKey: staffQueryKeys.list() });
      notifications.show({ color: 'teal', message: 'Matching profile saved.' });
      onClose();
    },
    onError: (error) => {
      const problem = describeProblem(error);
      if (problem.status === 409) {
        // The record behind the form refreshes (and with it the version); what was typed stays.
        setConflict(problem.detail ?? problem.title);
        void queryClient.invalidateQueries({ queryKey: staffQueryKeys.detail(member.id) });
        return;
      }
      setErrors(problem.fieldErrors);
    },
  });
  const set = <K extends keyof MatchingProfileValues>(field: K, value: MatchingProfileValues[K]) => {
    setValues((before) => ({ ...before, [field]: value }));
    setErrors((before) => ({ ...before, [field]: undefined }));
  };
  const setYears = (substance: (typeof substanceClasses)[number], value: number | '') => {
    setValues((before) => ({
      ...before,
      substanceExperience: { ...before.substanceExperience, [substance]: value },
    }));
    setErrors((before) => ({ ...before, [`substanceExperience.${substance}`]: undefined }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateMatchingProfile(values);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const numberValue = (value: string | number): number | '' => (value === '' ? '' : Number(value));
  const problem = save.isError ? describeProblem(save.error) : null;

  return (
    <Dialog opened onClose={onClose} size="lg" title={`Matching profile: ${member.displayName}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {conflict !== null && (
            <Alert color="yellow" icon={<IconAlertTriangle />} title="Changed by someone else">
              {conflict} Your changes are kept; saving again applies them on top of theirs.
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Gender"
              description="Matched against a patient's stated preference, never a filter"
              data={clinicianGenders.map((value) => ({ value, label: genderLabels[value] }))}
              value={values.gender}
              onChange={(value) => set('gender', value as MatchingProfileValues['gender'])}
              error={errors.gender}
              clearable
              placeholder="Not recorded"
            />
            <NumberInput
              label="Maximum caseload"
              description="Empty: the program default"
              value={values.maxCaseload}
              onChange={(value) => set('maxCaseload', numberValue(value))}
              error={errors.maxCaseload}
              min={0}
              max={500}
              allowDecimal={false}
            />
          </SimpleGrid>
          <MultiSelect
            label="Approaches offered"
            data={therapeuticApproaches.map((value) => ({ value, label: therapeuticApproachLabels[value] }))}
            value={values.approaches}
            onChange={(value) => set('approaches', value as MatchingProfileValues['approaches'])}
            error={errors.approaches}
            searchable
          />
          <TagsInput
            label="Languages"
            description="Language tags, such as en, es, pt-BR; press Enter after each"
            value={values.languages}
            onChange={(value) => set('languages', value)}
            error={errors.languages}
          />
          <NumberInput
            label="Years of addiction treatment experience"
            value={values.yearsAddictionExperience}
            onChange={(value) => set('yearsAddictionExperience', numberValue(value))}
            error={errors.yearsAddictionExperience}
            min={0}
            max={80}
            allowDecimal={false}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Years of experience by substance
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
              {substanceClasses.map((substance) => (
                <NumberInput
                  key={substance}
                  label={substanceClassLabels[substance]}
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
            label="Experienced with co-occurring conditions"
            data={coOccurringConditions.map((value) => ({ value, label: coOccurringConditionLabels[value] }))}
            value={values.conditionExperience}
            onChange={(value) =>
              set('conditionExperience', value as MatchingProfileValues['conditionExperience'])
            }
            error={errors.conditionExperience}
            searchable
          />
          <Switch
            label="Accepting new patients"
            description="Off keeps them in the ranked list, marked unavailable"
            checked={values.acceptsNewPatients}
            onChange={(event) => set('acceptsNewPatients', event.currentTarget.checked)}
          />
          {problem !== null && problem.status !== 409 && Object.keys(problem.fieldErrors).length === 0 && (
            <Text c="red" size="sm">
              {problem.detail ?? problem.title}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
