import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { defineMessages, FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import { Dialog } from '../../app/Dialog.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useProgramToday } from '../../app/program-today.ts';
import { FormProblemAlert } from '../../forms/FormProblemAlert.tsx';
import { LeaveWarningDialog } from '../../forms/LeaveConfirmDialog.tsx';
import { useTandemForm } from '../../forms/use-tandem-form.ts';
import { patientQueryKeys } from '../../patients/api.ts';
import { formatCalendarDate, sexAssignedAtBirthLabels } from '../../patients/labels.ts';
import { checkDuplicates, type PossibleDuplicate, registerPatient, WriteConflict } from '../api.ts';
import { preferredLanguageOptions } from '../preferred-languages.ts';
import {
  emptyRegistration,
  type RegistrationFormValues,
  registrationBody,
  registrationFormChecks,
} from '../registration-form.ts';

const messages = defineMessages({
  title: { id: 'admission.registerPatientPage.title', defaultMessage: 'Register a patient' },
  description: {
    id: 'admission.registerPatientPage.description',
    defaultMessage: 'Demographics and contact details. Admission comes next.',
  },
  nameAndIdentity: {
    id: 'admission.registerPatientPage.nameAndIdentity',
    defaultMessage: 'Name and identity',
  },
  legalGivenName: { id: 'admission.registerPatientPage.legalGivenName', defaultMessage: 'Legal given name' },
  legalFamilyName: {
    id: 'admission.registerPatientPage.legalFamilyName',
    defaultMessage: 'Legal family name',
  },
  preferredName: { id: 'admission.registerPatientPage.preferredName', defaultMessage: 'Preferred name' },
  preferredNameDescription: {
    id: 'admission.registerPatientPage.preferredNameDescription',
    defaultMessage: 'What they want to be called',
  },
  pronouns: { id: 'admission.registerPatientPage.pronouns', defaultMessage: 'Pronouns' },
  pronounsPlaceholder: {
    id: 'admission.registerPatientPage.pronounsPlaceholder',
    defaultMessage: 'she/her, he/him, they/them',
  },
  dateOfBirth: { id: 'admission.registerPatientPage.dateOfBirth', defaultMessage: 'Date of birth' },
  sexAssignedAtBirth: {
    id: 'admission.registerPatientPage.sexAssignedAtBirth',
    defaultMessage: 'Sex assigned at birth',
  },
  genderIdentity: { id: 'admission.registerPatientPage.genderIdentity', defaultMessage: 'Gender identity' },
  preferredLanguage: {
    id: 'admission.registerPatientPage.preferredLanguage',
    defaultMessage: 'Preferred language',
  },
  preferredLanguageNothingFound: {
    id: 'admission.registerPatientPage.preferredLanguageNothingFound',
    defaultMessage: 'No language by that name',
  },
  interpreterNeeded: {
    id: 'admission.registerPatientPage.interpreterNeeded',
    defaultMessage: 'Interpreter needed',
  },
  interpreterNeededDescription: {
    id: 'admission.registerPatientPage.interpreterNeededDescription',
    defaultMessage: 'Book an interpreter for sessions with this patient',
  },
  therapistGender: {
    id: 'admission.registerPatientPage.therapistGender',
    defaultMessage: 'Preferred gender of therapist',
  },
  therapistGenderDescription: {
    id: 'admission.registerPatientPage.therapistGenderDescription',
    defaultMessage: 'A preference matching honours, never a filter',
  },
  noPreference: { id: 'admission.registerPatientPage.noPreference', defaultMessage: 'No preference' },
  woman: { id: 'admission.registerPatientPage.woman', defaultMessage: 'Woman' },
  man: { id: 'admission.registerPatientPage.man', defaultMessage: 'Man' },
  nonBinary: { id: 'admission.registerPatientPage.nonBinary', defaultMessage: 'Non-binary' },
  contact: { id: 'admission.registerPatientPage.contact', defaultMessage: 'Contact' },
  phone: { id: 'admission.registerPatientPage.phone', defaultMessage: 'Phone' },
  email: { id: 'admission.registerPatientPage.email', defaultMessage: 'Email' },
  address: { id: 'admission.registerPatientPage.address', defaultMessage: 'Address' },
  addressLine2: { id: 'admission.registerPatientPage.addressLine2', defaultMessage: 'Address line 2' },
  city: { id: 'admission.registerPatientPage.city', defaultMessage: 'City' },
  region: { id: 'admission.registerPatientPage.region', defaultMessage: 'State or region' },
  postalCode: { id: 'admission.registerPatientPage.postalCode', defaultMessage: 'Postal code' },
  country: { id: 'admission.registerPatientPage.country', defaultMessage: 'Country' },
  countryDescription: {
    id: 'admission.registerPatientPage.countryDescription',
    defaultMessage: 'Two-letter code',
  },
  emergencyContact: {
    id: 'admission.registerPatientPage.emergencyContact',
    defaultMessage: 'Emergency contact',
  },
  emergencyContactName: { id: 'admission.registerPatientPage.emergencyContactName', defaultMessage: 'Name' },
  emergencyContactRelationship: {
    id: 'admission.registerPatientPage.emergencyContactRelationship',
    defaultMessage: 'Relationship',
  },
  duplicateTitle: {
    id: 'admission.duplicateDialog.title',
    defaultMessage: 'This person may already be registered',
  },
});

/** The therapist-gender select's options: no preference, then the genders matching knows. */
function therapistGenderOptions(intl: IntlShape) {
  return [
    { value: '', label: intl.formatMessage(messages.noPreference) },
    { value: 'woman', label: intl.formatMessage(messages.woman) },
    { value: 'man', label: intl.formatMessage(messages.man) },
    { value: 'non_binary', label: intl.formatMessage(messages.nonBinary) },
  ];
}

/** Registering a patient: demographics, contact, emergency contact; a likely duplicate is offered to open. */
export function RegisterPatientPage() {
  const intl = useIntl();
  const today = useProgramToday();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { form, problem, showProblem, clearProblem } = useTandemForm<RegistrationFormValues>({
    initialValues: emptyRegistration,
    ...registrationFormChecks(intl, today),
  });
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[] | null>(null);

  const register = useMutation({
    mutationFn: async (confirmedNotDuplicate: boolean) => {
      const body = registrationBody(form.getValues(), confirmedNotDuplicate);
      if (!confirmedNotDuplicate) {
        const { matches } = await checkDuplicates({
          legalGivenName: body.legalGivenName,
          legalFamilyName: body.legalFamilyName,
          preferredName: body.preferredName,
          dateOfBirth: body.dateOfBirth,
        });
        if (matches.length > 0) return { matches };
      }
      return { created: await registerPatient(body) };
    },
    onSuccess: (outcome) => {
      if ('matches' in outcome) {
        setDuplicates(outcome.matches ?? []);
        return;
      }
      void queryClient.invalidateQueries({ queryKey: patientQueryKeys.all });
      form.resetDirty();
      void navigate({
        to: '/patients/$patientId',
        params: { patientId: outcome.created.id },
        search: { tab: 'episodes' },
      });
    },
    onError: async (error) => {
      if (error instanceof WriteConflict && error.reason === 'possible_duplicate') {
        // Registered elsewhere a moment ago: show who.
        const { matches } = await checkDuplicates(registrationBody(form.getValues(), false));
        setDuplicates(matches);
        return;
      }
      showProblem(error);
    },
  });

  type TextField = Exclude<keyof RegistrationFormValues, 'interpreterNeeded'>;
  const text = (field: TextField, label: keyof typeof messages, extra: object = {}) => (
    <TextInput
      label={intl.formatMessage(messages[label])}
      key={form.key(field)}
      {...form.getInputProps(field)}
      {...extra}
    />
  );

  const values = form.getValues();
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader
        title={intl.formatMessage(messages.title)}
        description={intl.formatMessage(messages.description)}
      />
      <form
        onSubmit={form.onSubmit(() => {
          clearProblem();
          register.mutate(false);
        })}
        noValidate
        aria-label={intl.formatMessage(messages.title)}
      >
        <Stack gap="md">
          <FormProblemAlert problem={problem} />
          <Fieldset legend={intl.formatMessage(messages.nameAndIdentity)}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {text('legalGivenName', 'legalGivenName', {
                withAsterisk: true,
                'data-autofocus': true,
                autoComplete: 'off',
              })}
              {text('legalFamilyName', 'legalFamilyName', { withAsterisk: true, autoComplete: 'off' })}
              {text('preferredName', 'preferredName', {
                description: intl.formatMessage(messages.preferredNameDescription),
              })}
              {text('pronouns', 'pronouns', {
                placeholder: intl.formatMessage(messages.pronounsPlaceholder),
              })}
              {text('dateOfBirth', 'dateOfBirth', { type: 'date', withAsterisk: true })}
              <NativeSelect
                label={intl.formatMessage(messages.sexAssignedAtBirth)}
                key={form.key('sexAssignedAtBirth')}
                {...form.getInputProps('sexAssignedAtBirth')}
                data={(['unknown', 'female', 'male', 'intersex'] as const).map((value) => ({
                  value,
                  label: intl.formatMessage(sexAssignedAtBirthLabels[value]),
                }))}
              />
              {text('genderIdentity', 'genderIdentity')}
              <Select
                label={intl.formatMessage(messages.preferredLanguage)}
                withAsterisk
                searchable
                allowDeselect={false}
                data={preferredLanguageOptions(intl, values.preferredLanguage)}
                key={form.key('preferredLanguage')}
                {...form.getInputProps('preferredLanguage')}
                nothingFoundMessage={intl.formatMessage(messages.preferredLanguageNothingFound)}
                maxDropdownHeight={280}
              />
              <NativeSelect
                label={intl.formatMessage(messages.therapistGender)}
                description={intl.formatMessage(messages.therapistGenderDescription)}
                key={form.key('preferredTherapistGender')}
                {...form.getInputProps('preferredTherapistGender')}
                data={therapistGenderOptions(intl)}
              />
              <Checkbox
                label={intl.formatMessage(messages.interpreterNeeded)}
                description={intl.formatMessage(messages.interpreterNeededDescription)}
                key={form.key('interpreterNeeded')}
                {...form.getInputProps('interpreterNeeded', { type: 'checkbox' })}
                mt={{ sm: 'xl' }}
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={intl.formatMessage(messages.contact)}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {text('phone', 'phone', { type: 'tel' })}
              {text('email', 'email', { type: 'email' })}
              {text('addressLine1', 'address')}
              {text('addressLine2', 'addressLine2')}
              {text('city', 'city')}
              {text('region', 'region')}
              {text('postalCode', 'postalCode')}
              {text('country', 'country', {
                description: intl.formatMessage(messages.countryDescription),
                maxLength: 2,
              })}
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={intl.formatMessage(messages.emergencyContact)}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {text('emergencyContactName', 'emergencyContactName')}
              {text('emergencyContactRelationship', 'emergencyContactRelationship')}
              {text('emergencyContactPhone', 'phone', { type: 'tel' })}
            </SimpleGrid>
          </Fieldset>
          <Group justify="flex-end">
            <Button type="submit" leftSection={<IconUserPlus size={16} />} loading={register.isPending}>
              <FormattedMessage id="admission.registerPatientPage.submit" defaultMessage="Register patient" />
            </Button>
          </Group>
        </Stack>
      </form>
      <LeaveWarningDialog hasChanges={() => form.isDirty()} />
      <DuplicateDialog
        matches={duplicates}
        onClose={() => setDuplicates(null)}
        onConfirmNew={() => {
          setDuplicates(null);
          register.mutate(true);
        }}
      />
    </Stack>
  );
}

function DuplicateDialog({
  matches,
  onClose,
  onConfirmNew,
}: {
  matches: PossibleDuplicate[] | null;
  onClose: () => void;
  onConfirmNew: () => void;
}) {
  const intl = useIntl();
  return (
    <Dialog
      opened={matches !== null}
      onClose={onClose}
      title={intl.formatMessage(messages.duplicateTitle)}
      size="lg"
    >
      <Stack>
        <Text size="sm">
          <FormattedMessage
            id="admission.duplicateDialog.explanation"
            defaultMessage="A patient with the same date of birth and a similar name is already in the program. Open their record instead of registering them twice."
          />
        </Text>
        <Table data-testid="possible-duplicates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <FormattedMessage id="admission.duplicateDialog.name" defaultMessage="Name" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="admission.duplicateDialog.mrn" defaultMessage="MRN" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="admission.duplicateDialog.dateOfBirth" defaultMessage="Date of birth" />
              </Table.Th>
              <Table.Th>
                <VisuallyHidden>
                  <FormattedMessage id="admission.duplicateDialog.actions" defaultMessage="Actions" />
                </VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(matches ?? []).map((match) => (
              <Table.Tr key={match.id}>
                <Table.Td>
                  {match.legalGivenName} {match.legalFamilyName}
                  {match.preferredName ? ` (${match.preferredName})` : ''}
                </Table.Td>
                <Table.Td>{match.mrn}</Table.Td>
                <Table.Td>{formatCalendarDate(intl, match.dateOfBirth)}</Table.Td>
                <Table.Td>
                  <AnchorLink to="/patients/$patientId" params={{ patientId: match.id }} data-autofocus>
                    <FormattedMessage
                      id="admission.duplicateDialog.openExisting"
                      defaultMessage="Open the existing record"
                    />
                  </AnchorLink>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            <FormattedMessage id="admission.duplicateDialog.back" defaultMessage="Back to the form" />
          </Button>
          <Button color="orange" onClick={onConfirmNew}>
            <FormattedMessage
              id="admission.duplicateDialog.registerAnyway"
              defaultMessage="This is someone else: register"
            />
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
