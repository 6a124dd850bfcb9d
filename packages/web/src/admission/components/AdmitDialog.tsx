import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import {
  careSettingLabels,
  coOccurringConditionLabels,
  referralSourceLabels,
  substanceClassLabels,
  useFrequencyLabels,
  useRouteLabels,
} from '@tandem/core/admission/vocabulary';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeProblem } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { useProgramToday } from '../../app/program-today.ts';
import { patientQueryKeys } from '../../patients/api.ts';
import {
  type AdmissionErrors,
  type AdmissionFormValues,
  admissionBody,
  asamLevelOptions,
  emptyAdmission,
  emptySubstance,
  removeSubstance,
  validateAdmission,
} from '../admission-form.ts';
import { admitPatient, WriteConflict } from '../api.ts';
import { optionsOf } from '../labels.ts';
import { DiagnosisPicker } from './DiagnosisPicker.tsx';

/** The admission form: setting and ASAM level, substances (one primary), diagnoses, presenting problems. */
export function AdmitDialog({
  patientId,
  opened,
  onClose,
}: {
  patientId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const today = useProgramToday();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<AdmissionFormValues>(() => emptyAdmission(today));
  const [errors, setErrors] = useState<AdmissionErrors>({});
  const admit = useMutation({
    mutationFn: () => admitPatient(patientId, admissionBody(values)),
    onSuccess: (admitted) => {
      void queryClient.invalidateQueries({ queryKey: patientQueryKeys.record(patientId) });
      notifications.show({
        color: 'green',
        message:
          admitted.joinedCareTeamAs === 'case_manager'
            ? 'Admitted. You joined the care team as case manager.'
            : 'Admitted.',
      });
      setValues(emptyAdmission(today));
      onClose();
    },
    onError: (error) => {
      if (!(error instanceof WriteConflict)) setErrors(describeProblem(error).fieldErrors);
    },
  });

  const update = (change: Partial<AdmissionFormValues>, ...fields: string[]) => {
    setValues((current) => ({ ...current, ...change }));
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([key]) => !fields.includes(key))),
    );
  };
  const updateSubstance = (index: number, change: Partial<AdmissionFormValues['substances'][number]>) =>
    update(
      {
        substances: values.substances.map((row, position) =>
          position === index ? { ...row, ...change } : row,
        ),
      },
      ...Object.keys(change).map((key) => `substances.${index}.${key}`),
      'substances',
    );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateAdmission(values, today);
    setErrors(found);
    if (Object.keys(found).length === 0) admit.mutate();
  }

  const failure = admit.error ? describeProblem(admit.error) : null;
  const conflict = admit.error instanceof WriteConflict ? admit.error : null;
  return (
    <Dialog opened={opened} onClose={onClose} title="Admit to an episode of care" size="xl">
      <form onSubmit={submit} noValidate aria-label="Admit">
        <Stack gap="md">
          {conflict && (
            <Alert color="orange" variant="light" icon={<IconAlertCircle />} title="Not admitted">
              {conflict.message}
            </Alert>
          )}
          {!conflict && failure && Object.keys(failure.fieldErrors).length === 0 && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} title={failure.title}>
              {failure.detail}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label="Admission date"
              withAsterisk
              data-autofocus
              value={values.admittedOn}
              onChange={(event) => update({ admittedOn: event.currentTarget.value }, 'admittedOn')}
              error={errors.admittedOn}
            />
            <NativeSelect
              label="Referral source"
              withAsterisk
              value={values.referralSource}
              data={[{ value: '', label: 'Choose…' }, ...optionsOf(referralSourceLabels)]}
              onChange={(event) =>
                update({ referralSource: event.currentTarget.value as never }, 'referralSource')
              }
              error={errors.referralSource}
            />
            <TextInput
              label="Referral note"
              value={values.referralNote}
              onChange={(event) => update({ referralNote: event.currentTarget.value }, 'referralNote')}
              error={errors.referralNote}
            />
            <NativeSelect
              label="Setting of care"
              withAsterisk
              value={values.setting}
              data={[{ value: '', label: 'Choose…' }, ...optionsOf(careSettingLabels)]}
              onChange={(event) => update({ setting: event.currentTarget.value as never }, 'setting')}
              error={errors.setting}
            />
            <NativeSelect
              label="ASAM edition"
              value={values.asamEdition}
              data={[
                { value: '4', label: '4th edition (2023)' },
                { value: '3', label: '3rd edition (2013)' },
              ]}
              onChange={(event) =>
                update({ asamEdition: event.currentTarget.value as never, asamLevel: '' }, 'asam.level')
              }
            />
            <NativeSelect
              label="ASAM level of care"
              value={values.asamLevel}
              data={[{ value: '', label: 'Not assessed' }, ...asamLevelOptions(values.asamEdition)]}
              onChange={(event) => update({ asamLevel: event.currentTarget.value }, 'asam.level')}
              error={errors['asam.level']}
            />
          </SimpleGrid>

          <Fieldset legend="Substances">
            <Stack gap="sm">
              {errors.substances && (
                <Text c="red" size="sm" role="alert">
                  {errors.substances}
                </Text>
              )}
              <Radio.Group
                value={String(values.primarySubstance)}
                onChange={(value) => update({ primarySubstance: Number(value) }, 'substances')}
                label="Primary substance"
              >
                <Stack gap="sm" mt="xs">
                  {values.substances.map((row, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before they are saved
                    <Group key={index} align="flex-start" wrap="nowrap" data-testid={`substance-${index}`}>
                      <Radio value={String(index)} aria-label={`Primary substance ${index + 1}`} mt={32} />
                      <NativeSelect
                        label="Substance"
                        value={row.substanceClass}
                        data={[{ value: '', label: 'Choose…' }, ...optionsOf(substanceClassLabels)]}
                        onChange={(event) =>
                          updateSubstance(index, { substanceClass: event.currentTarget.value as never })
                        }
                        error={errors[`substances.${index}.substanceClass`]}
                      />
                      <TextInput
                        label="Specifically"
                        placeholder="fentanyl, vape…"
                        value={row.specificSubstance}
                        onChange={(event) =>
                          updateSubstance(index, { specificSubstance: event.currentTarget.value })
                        }
                      />
                      <NativeSelect
                        label="Route"
                        value={row.route}
                        data={[{ value: '', label: 'Choose…' }, ...optionsOf(useRouteLabels)]}
                        onChange={(event) =>
                          updateSubstance(index, { route: event.currentTarget.value as never })
                        }
                        error={errors[`substances.${index}.route`]}
                      />
                      <NativeSelect
                        label="Frequency (past month)"
                        value={row.frequency}
                        data={[{ value: '', label: 'Choose…' }, ...optionsOf(useFrequencyLabels)]}
                        onChange={(event) =>
                          updateSubstance(index, { frequency: event.currentTarget.value as never })
                        }
                        error={errors[`substances.${index}.frequency`]}
                      />
                      <TextInput
                        label="Age of first use"
                        w={110}
                        inputMode="numeric"
                        value={row.ageOfFirstUse}
                        onChange={(event) =>
                          updateSubstance(index, { ageOfFirstUse: event.currentTarget.value })
                        }
                        error={errors[`substances.${index}.ageOfFirstUse`]}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mt={28}
                        aria-label={`Remove substance ${index + 1}`}
                        disabled={values.substances.length === 1}
                        onClick={() => update(removeSubstance(values, index), 'substances')}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  ))}
                </Stack>
              </Radio.Group>
              <Group>
                <Button
                  variant="subtle"
                  leftSection={<IconPlus size={16} />}
                  onClick={() => update({ substances: [...values.substances, { ...emptySubstance }] })}
                >
                  Add a substance
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <Fieldset legend="Diagnoses (ICD-10-CM)">
            <Stack gap="sm">
              <DiagnosisPicker
                label="Add a diagnosis"
                exclude={values.diagnoses.map((diagnosis) => diagnosis.code)}
                error={errors.diagnoses ?? errors['diagnoses.0.code']}
                onPick={(diagnosis) =>
                  update(
                    {
                      diagnoses: [
                        ...values.diagnoses,
                        { code: diagnosis.code, description: diagnosis.description },
                      ],
                      primaryDiagnosis:
                        values.diagnoses.length === 0 ? diagnosis.code : values.primaryDiagnosis,
                    },
                    'diagnoses',
                  )
                }
              />
              {values.diagnoses.length > 0 && (
                <Radio.Group
                  label="Primary diagnosis"
                  value={values.primaryDiagnosis}
                  onChange={(code) => update({ primaryDiagnosis: code }, 'diagnoses')}
                >
                  <Stack gap={4} mt="xs">
                    {values.diagnoses.map((diagnosis) => (
                      <Group key={diagnosis.code} justify="space-between" wrap="nowrap">
                        <Radio
                          value={diagnosis.code}
                          label={`${diagnosis.code} — ${diagnosis.description}`}
                        />
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${diagnosis.code}`}
                          onClick={() =>
                            update(
                              {
                                diagnoses: values.diagnoses.filter((other) => other.code !== diagnosis.code),
                              },
                              'diagnoses',
                            )
                          }
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    ))}
                  </Stack>
                </Radio.Group>
              )}
            </Stack>
          </Fieldset>

          <MultiSelect
            label="Co-occurring conditions"
            data={optionsOf(coOccurringConditionLabels)}
            value={values.coOccurringConditions}
            onChange={(selected) =>
              update({ coOccurringConditions: selected as never }, 'coOccurringConditions')
            }
            searchable
            clearable
          />
          <Textarea
            label="Presenting problems"
            autosize
            minRows={3}
            value={values.presentingProblems}
            onChange={(event) =>
              update({ presentingProblems: event.currentTarget.value }, 'presentingProblems')
            }
            error={errors.presentingProblems}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={admit.isPending}>
              Admit
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
