import {
  Alert,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertCircle, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { describeProblem } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useProgramToday } from '../../app/program-today.ts';
import { patientQueryKeys } from '../../patients/api.ts';
import { checkDuplicates, type PossibleDuplicate, registerPatient, WriteConflict } from '../api.ts';
import {
  emptyRegistration,
  type RegistrationErrors,
  type RegistrationFormValues,
  registrationBody,
  validateRegistration,
} from '../registration-form.ts';

/** Registering a patient: demographics, contact, emergency contact; a likely duplicate is offered to open. */
export function RegisterPatientPage() {
  const today = useProgramToday();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<RegistrationFormValues>(emptyRegistration);
  const [errors, setErrors] = useState<RegistrationErrors>({});
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[] | null>(null);

  const register = useMutation({
    mutationFn: async (confirmedNotDuplicate: boolean) => {
      const body = registrationBody(values, confirmedNotDuplicate);
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
      void navigate({
        to: '/patients/$patientId',
        params: { patientId: outcome.created.id },
        search: { tab: 'episodes' },
      });
    },
    onError: async (error) => {
      if (error instanceof WriteConflict && error.reason === 'possible_duplicate') {
        // Registered elsewhere a moment ago: show who.
        const { matches } = await checkDuplicates(registrationBody(values, false));
        setDuplicates(matches);
        return;
      }
      setErrors(describeProblem(error).fieldErrors as RegistrationErrors);
    },
  });

  function set<K extends keyof RegistrationFormValues>(field: K, value: RegistrationFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  }
  type TextField = Exclude<keyof RegistrationFormValues, 'interpreterNeeded'>;
  const text = (field: TextField, label: string, extra: object = {}) => (
    <TextInput
      label={label}
      value={values[field]}
      onChange={(event) => set(field, event.currentTarget.value as never)}
      error={errors[field]}
      {...extra}
    />
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateRegistration(values, today);
    setErrors(found);
    if (Object.keys(found).length === 0) register.mutate(false);
  }

  const failure =
    register.error && !(register.error instanceof WriteConflict) ? describeProblem(register.error) : null;
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader
        title="Register a patient"
        description="Demographics and contact details. Admission comes next."
      />
      <form onSubmit={submit} noValidate aria-label="Register a patient">
        <Stack gap="md">
          {failure && Object.keys(failure.fieldErrors).length === 0 && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} title={failure.title}>
              {failure.detail}
            </Alert>
          )}
          <Fieldset legend="Name and identity">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {text('legalGivenName', 'Legal given name', {
                withAsterisk: true,
                'data-autofocus': true,
                autoComplete: 'off',
              })}
              {text('legalFamilyName', 'Legal family name', { withAsterisk: true, autoComplete: 'off' })}
              {text('preferredName', 'Preferred name', { description: 'What they want to be called' })}
              {text('pronouns', 'Pronouns', { placeholder: 'she/her, he/him, they/them' })}
              {text('dateOfBirth', 'Date of birth', { type: 'date', withAsterisk: true })}
              <NativeSelect
                label="Sex assigned at birth"
                value={values.sexAssignedAtBirth}
                onChange={(event) =>
                  set(
                    'sexAssignedAtBirth',
                    event.currentTarget.value as RegistrationFormValues['sexAssignedAtBirth'],
                  )
                }
                data={[
                  { value: 'unknown', label: 'Not recorded' },
                  { value: 'female', label: 'Female' },
                  { value: 'male', label: 'Male' },
                  { value: 'intersex', label: 'Intersex' },
                ]}
              />
              {text('genderIdentity', 'Gender identity')}
              {text('preferredLanguage', 'Preferred language', {
                description: 'Language tag: en, es, vi, pt-BR',
                withAsterisk: true,
              })}
              <NativeSelect
                label="Preferred gender of therapist"
                description="A preference matching honours, never a filter"
                value={values.preferredTherapistGender}
                onChange={(event) =>
                  set(
                    'preferredTherapistGender',
                    event.currentTarget.value as RegistrationFormValues['preferredTherapistGender'],
                  )
                }
                data={[
                  { value: '', label: 'No preference' },
                  { value: 'woman', label: 'Woman' },
                  { value: 'man', label: 'Man' },
                  { value: 'non_binary', label: 'Non-binary' },
                ]}
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="Contact">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {text('phone', 'Phone', { type: 'tel' })}
              {text('email', 'Email', { type: 'email' })}
              {text('addressLine1', 'Address')}
              {text('addressLine2', 'Address line 2')}
              {text('city', 'City')}
              {text('region', 'State or region')}
              {text('postalCode', 'Postal code')}
              {text('country', 'Country', { description: 'Two-letter code', maxLength: 2 })}
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="Emergency contact">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {text('emergencyContactName', 'Name')}
              {text('emergencyContactRelationship', 'Relationship')}
              {text('emergencyContactPhone', 'Phone', { type: 'tel' })}
            </SimpleGrid>
          </Fieldset>
          <Group justify="flex-end">
            <Button type="submit" leftSection={<IconUserPlus size={16} />} loading={register.isPending}>
              Register patient
            </Button>
          </Group>
        </Stack>
      </form>
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
  return (
    <Dialog
      opened={matches !== null}
      onClose={onClose}
      title="This person may already be registered"
      size="lg"
    >
      <Stack>
        <Text size="sm">
          A patient with the same date of birth and a similar name is already in the program. Open their
          record instead of registering them twice.
        </Text>
        <Table data-testid="possible-duplicates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>MRN</Table.Th>
              <Table.Th>Date of birth</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
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
                <Table.Td>{match.dateOfBirth}</Table.Td>
                <Table.Td>
                  <AnchorLink to="/patients/$patientId" params={{ patientId: match.id }} data-autofocus>
                    Open the existing record
                  </AnchorLink>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Back to the form
          </Button>
          <Button color="orange" onClick={onConfirmNew}>
            This is someone else: register
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
