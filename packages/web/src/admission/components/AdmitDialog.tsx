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
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { Dialog } from '../../app/Dialog.tsx';
import { useProgramToday } from '../../app/program-today.ts';
import { FormProblemAlert } from '../../forms/FormProblemAlert.tsx';
import { LeaveConfirmDialog } from '../../forms/LeaveConfirmDialog.tsx';
import { useCloseWarning } from '../../forms/use-leave-warning.ts';
import { useTandemForm } from '../../forms/use-tandem-form.ts';
import { patientQueryKeys } from '../../patients/api.ts';
import {
  type AdmissionFormValues,
  admissionBody,
  admissionFormChecks,
  asamLevelOptions,
  emptyAdmission,
  emptySubstance,
  removeSubstance,
} from '../admission-form.ts';
import { admitPatient, WriteConflict } from '../api.ts';
import {
  careSettingLabels,
  coOccurringConditionLabels,
  optionsOf,
  referralSourceLabels,
  substanceClassLabels,
  useFrequencyLabels,
  useRouteLabels,
} from '../labels.ts';
import { DiagnosisPicker } from './DiagnosisPicker.tsx';

const messages = defineMessages({
  title: { id: 'admission.admitDialog.title', defaultMessage: 'Admit to an episode of care' },
  formName: { id: 'admission.admitDialog.formName', defaultMessage: 'Admit' },
  admitted: { id: 'admission.admitDialog.admitted', defaultMessage: 'Admitted.' },
  admittedJoined: {
    id: 'admission.admitDialog.admittedJoinedCareTeam',
    defaultMessage: 'Admitted. You joined the care team as case manager.',
  },
  notAdmitted: { id: 'admission.admitDialog.notAdmitted', defaultMessage: 'Not admitted' },
  choose: { id: 'admission.admitDialog.choose', defaultMessage: 'Choose…' },
  admissionDate: { id: 'admission.admitDialog.admissionDate', defaultMessage: 'Admission date' },
  referralSource: { id: 'admission.admitDialog.referralSource', defaultMessage: 'Referral source' },
  referralNote: { id: 'admission.admitDialog.referralNote', defaultMessage: 'Referral note' },
  setting: { id: 'admission.admitDialog.setting', defaultMessage: 'Setting of care' },
  asamEdition: { id: 'admission.admitDialog.asamEdition', defaultMessage: 'ASAM edition' },
  fourthEdition: { id: 'admission.admitDialog.fourthEdition', defaultMessage: '4th edition (2023)' },
  thirdEdition: { id: 'admission.admitDialog.thirdEdition', defaultMessage: '3rd edition (2013)' },
  asamLevel: { id: 'admission.admitDialog.asamLevel', defaultMessage: 'ASAM level of care' },
  notAssessed: { id: 'admission.admitDialog.notAssessed', defaultMessage: 'Not assessed' },
  substances: { id: 'admission.admitDialog.substances', defaultMessage: 'Substances' },
  primarySubstance: { id: 'admission.admitDialog.primarySubstance', defaultMessage: 'Primary substance' },
  substance: { id: 'admission.admitDialog.substance', defaultMessage: 'Substance' },
  specifically: { id: 'admission.admitDialog.specifically', defaultMessage: 'Specifically' },
  specificallyPlaceholder: {
    id: 'admission.admitDialog.specificallyPlaceholder',
    defaultMessage: 'fentanyl, vape…',
  },
  route: { id: 'admission.admitDialog.route', defaultMessage: 'Route' },
  frequency: { id: 'admission.admitDialog.frequency', defaultMessage: 'Frequency (past month)' },
  ageOfFirstUse: { id: 'admission.admitDialog.ageOfFirstUse', defaultMessage: 'Age of first use' },
  diagnoses: { id: 'admission.admitDialog.diagnoses', defaultMessage: 'Diagnoses (ICD-10-CM)' },
  addDiagnosis: { id: 'admission.admitDialog.addDiagnosis', defaultMessage: 'Add a diagnosis' },
  primaryDiagnosis: { id: 'admission.admitDialog.primaryDiagnosis', defaultMessage: 'Primary diagnosis' },
  coOccurringConditions: {
    id: 'admission.admitDialog.coOccurringConditions',
    defaultMessage: 'Co-occurring conditions',
  },
  presentingProblems: {
    id: 'admission.admitDialog.presentingProblems',
    defaultMessage: 'Presenting problems',
  },
});

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
  const intl = useIntl();
  const today = useProgramToday();
  const queryClient = useQueryClient();
  const { form, problem, showProblem, clearProblem } = useTandemForm<AdmissionFormValues>({
    initialValues: emptyAdmission(today),
    ...admissionFormChecks(intl, today),
  });
  const closeWarning = useCloseWarning(
    () => form.isDirty(),
    () => {
      form.reset();
      clearProblem();
      onClose();
    },
  );
  const admit = useMutation({
    mutationFn: () => admitPatient(patientId, admissionBody(form.getValues())),
    onSuccess: (admitted) => {
      void queryClient.invalidateQueries({ queryKey: patientQueryKeys.record(patientId) });
      notifications.show({
        color: 'green',
        message: intl.formatMessage(
          admitted.joinedCareTeamAs === 'case_manager' ? messages.admittedJoined : messages.admitted,
        ),
      });
      form.setInitialValues(emptyAdmission(today));
      form.reset();
      onClose();
    },
    onError: (error) => {
      if (!(error instanceof WriteConflict)) showProblem(error);
    },
  });

  const values = form.getValues();
  const errors = form.errors;
  const update = (change: Partial<AdmissionFormValues>, ...fields: string[]) => {
    form.setValues(change);
    for (const field of fields) form.clearFieldError(field);
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

  const choose = intl.formatMessage(messages.choose);
  const conflict = admit.error instanceof WriteConflict ? admit.error : null;
  return (
    <>
      <Dialog
        opened={opened}
        onClose={closeWarning.requestClose}
        title={intl.formatMessage(messages.title)}
        size="xl"
      >
        <form
          onSubmit={form.onSubmit(() => {
            clearProblem();
            admit.mutate();
          })}
          noValidate
          aria-label={intl.formatMessage(messages.formName)}
        >
          <Stack gap="md">
            {conflict && (
              <Alert
                color="orange"
                variant="light"
                icon={<IconAlertCircle />}
                title={intl.formatMessage(messages.notAdmitted)}
              >
                {conflict.message}
              </Alert>
            )}
            {!conflict && <FormProblemAlert problem={problem} />}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                type="date"
                label={intl.formatMessage(messages.admissionDate)}
                withAsterisk
                data-autofocus
                value={values.admittedOn}
                onChange={(event) => update({ admittedOn: event.currentTarget.value }, 'admittedOn')}
                error={errors.admittedOn}
              />
              <NativeSelect
                label={intl.formatMessage(messages.referralSource)}
                withAsterisk
                value={values.referralSource}
                data={[{ value: '', label: choose }, ...optionsOf(intl, referralSourceLabels)]}
                onChange={(event) =>
                  update({ referralSource: event.currentTarget.value as never }, 'referralSource')
                }
                error={errors.referralSource}
              />
              <TextInput
                label={intl.formatMessage(messages.referralNote)}
                value={values.referralNote}
                onChange={(event) => update({ referralNote: event.currentTarget.value }, 'referralNote')}
                error={errors.referralNote}
              />
              <NativeSelect
                label={intl.formatMessage(messages.setting)}
                withAsterisk
                value={values.setting}
                data={[{ value: '', label: choose }, ...optionsOf(intl, careSettingLabels)]}
                onChange={(event) => update({ setting: event.currentTarget.value as never }, 'setting')}
                error={errors.setting}
              />
              <NativeSelect
                label={intl.formatMessage(messages.asamEdition)}
                value={values.asamEdition}
                data={[
                  { value: '4', label: intl.formatMessage(messages.fourthEdition) },
                  { value: '3', label: intl.formatMessage(messages.thirdEdition) },
                ]}
                onChange={(event) =>
                  update({ asamEdition: event.currentTarget.value as never, asamLevel: '' }, 'asam.level')
                }
              />
              <NativeSelect
                label={intl.formatMessage(messages.asamLevel)}
                value={values.asamLevel}
                data={[
                  { value: '', label: intl.formatMessage(messages.notAssessed) },
                  ...asamLevelOptions(intl, values.asamEdition),
                ]}
                onChange={(event) => update({ asamLevel: event.currentTarget.value }, 'asam.level')}
                error={errors['asam.level']}
              />
            </SimpleGrid>

            <Fieldset legend={intl.formatMessage(messages.substances)}>
              <Stack gap="sm">
                {errors.substances && (
                  <Text c="red" size="sm" role="alert">
                    {errors.substances}
                  </Text>
                )}
                <Radio.Group
                  value={String(values.primarySubstance)}
                  onChange={(value) => update({ primarySubstance: Number(value) }, 'substances')}
                  label={intl.formatMessage(messages.primarySubstance)}
                >
                  <Stack gap="sm" mt="xs">
                    {values.substances.map((row, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before they are saved
                      <Group key={index} align="flex-start" wrap="nowrap" data-testid={`substance-${index}`}>
                        <Radio
                          value={String(index)}
                          aria-label={intl.formatMessage(
                            {
                              id: 'admission.admitDialog.primarySubstanceRow',
                              defaultMessage: 'Primary substance {number}',
                            },
                            { number: index + 1 },
                          )}
                          mt={32}
                        />
                        <NativeSelect
                          label={intl.formatMessage(messages.substance)}
                          value={row.substanceClass}
                          data={[{ value: '', label: choose }, ...optionsOf(intl, substanceClassLabels)]}
                          onChange={(event) =>
                            updateSubstance(index, { substanceClass: event.currentTarget.value as never })
                          }
                          error={errors[`substances.${index}.substanceClass`]}
                        />
                        <TextInput
                          label={intl.formatMessage(messages.specifically)}
                          placeholder={intl.formatMessage(messages.specificallyPlaceholder)}
                          value={row.specificSubstance}
                          onChange={(event) =>
                            updateSubstance(index, { specificSubstance: event.currentTarget.value })
                          }
                        />
                        <NativeSelect
                          label={intl.formatMessage(messages.route)}
                          value={row.route}
                          data={[{ value: '', label: choose }, ...optionsOf(intl, useRouteLabels)]}
                          onChange={(event) =>
                            updateSubstance(index, { route: event.currentTarget.value as never })
                          }
                          error={errors[`substances.${index}.route`]}
                        />
                        <NativeSelect
                          label={intl.formatMessage(messages.frequency)}
                          value={row.frequency}
                          data={[{ value: '', label: choose }, ...optionsOf(intl, useFrequencyLabels)]}
                          onChange={(event) =>
                            updateSubstance(index, { frequency: event.currentTarget.value as never })
                          }
                          error={errors[`substances.${index}.frequency`]}
                        />
                        <TextInput
                          label={intl.formatMessage(messages.ageOfFirstUse)}
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
                          aria-label={intl.formatMessage(
                            {
                              id: 'admission.admitDialog.removeSubstance',
                              defaultMessage: 'Remove substance {number}',
                            },
                            { number: index + 1 },
                          )}
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
                    <FormattedMessage
                      id="admission.admitDialog.addSubstance"
                      defaultMessage="Add a substance"
                    />
                  </Button>
                </Group>
              </Stack>
            </Fieldset>

            <Fieldset legend={intl.formatMessage(messages.diagnoses)}>
              <Stack gap="sm">
                <DiagnosisPicker
                  label={intl.formatMessage(messages.addDiagnosis)}
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
                    label={intl.formatMessage(messages.primaryDiagnosis)}
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
                            aria-label={intl.formatMessage(
                              {
                                id: 'admission.admitDialog.removeDiagnosis',
                                defaultMessage: 'Remove {code}',
                              },
                              { code: diagnosis.code },
                            )}
                            onClick={() =>
                              update(
                                {
                                  diagnoses: values.diagnoses.filter(
                                    (other) => other.code !== diagnosis.code,
                                  ),
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
              label={intl.formatMessage(messages.coOccurringConditions)}
              data={optionsOf(intl, coOccurringConditionLabels)}
              value={values.coOccurringConditions}
              onChange={(selected) =>
                update({ coOccurringConditions: selected as never }, 'coOccurringConditions')
              }
              searchable
              clearable
            />
            <Textarea
              label={intl.formatMessage(messages.presentingProblems)}
              autosize
              minRows={3}
              value={values.presentingProblems}
              onChange={(event) =>
                update({ presentingProblems: event.currentTarget.value }, 'presentingProblems')
              }
              error={errors.presentingProblems}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={closeWarning.requestClose}>
                <FormattedMessage id="admission.admitDialog.cancel" defaultMessage="Cancel" />
              </Button>
              <Button type="submit" loading={admit.isPending}>
                <FormattedMessage id="admission.admitDialog.submit" defaultMessage="Admit" />
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
      <LeaveConfirmDialog
        inDialog
        opened={closeWarning.asking}
        onStay={closeWarning.stay}
        onLeave={closeWarning.leave}
      />
    </>
  );
}
