import {
  Badge,
  Button,
  Checkbox,
  EmptyState,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeProblem } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { InviteSupportContactButton } from '../../invitations/components/PortalInvitationButtons.tsx';
import { consentQueryKeys, createSupportContact, supportContactListQueryOptions } from '../api.ts';
import {
  type SupportContactFormValues,
  supportContactBody,
  validateSupportContact,
} from '../support-contact-form.ts';

/** The patient's loved ones. Naming one shares nothing: only a written consent does. */
export function SupportContactsPanel({ patientId, canEdit }: { patientId: string; canEdit: boolean }) {
  const contacts = useQuery(supportContactListQueryOptions(patientId));
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} size="h4">
            Support contacts
          </Title>
          <Text size="sm" c="dimmed">
            Family and friends the patient names. They see nothing unless a consent below names them.
          </Text>
        </Stack>
        {canEdit && (
          <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>
            Add support contact
          </Button>
        )}
      </Group>
      {contacts.isPending && <Skeleton height={80} aria-label="Loading support contacts" />}
      {contacts.isError && <ErrorPanel error={contacts.error} onRetry={() => void contacts.refetch()} />}
      {contacts.isSuccess && contacts.data.length === 0 && (
        <EmptyState icon={<IconUsers />} withIndicatorBackground title="No support contacts named yet" />
      )}
      {contacts.isSuccess && contacts.data.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" data-testid="support-contacts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Relationship</Table.Th>
                <Table.Th>Phone</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Portal</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.data.map((contact) => (
                <Table.Tr key={contact.id} c={contact.active ? undefined : 'dimmed'}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {contact.name}
                    </Text>
                    <Group gap={4}>
                      {!contact.active && (
                        <Badge size="xs" color="gray">
                          Inactive
                        </Badge>
                      )}
                      {contact.tookPartInAdmission && (
                        <Badge size="xs" variant="light">
                          At admission
                        </Badge>
                      )}
                      {contact.mayJoinFamilySessions && (
                        <Badge size="xs" variant="light" color="grape">
                          Family sessions
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{contact.relationship}</Table.Td>
                  <Table.Td>{contact.phone}</Table.Td>
                  <Table.Td>{contact.email}</Table.Td>
                  <Table.Td>
                    {contact.hasPortalAccount ? (
                      <Badge size="sm" color="teal" variant="light">
                        Signs in
                      </Badge>
                    ) : (
                      canEdit &&
                      contact.active && (
                        <InviteSupportContactButton
                          patientId={patientId}
                          supportContactId={contact.id}
                          contactName={contact.name}
                          emailOnRecord={contact.email}
                          size="xs"
                          variant="subtle"
                        />
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Dialog opened={adding} onClose={() => setAdding(false)} title="Add a support contact">
        {adding && <AddSupportContactForm patientId={patientId} onDone={() => setAdding(false)} />}
      </Dialog>
    </Stack>
  );
}

const emptyContact: SupportContactFormValues = {
  name: '',
  relationship: '',
  phone: '',
  email: '',
  tookPartInAdmission: false,
  mayJoinFamilySessions: false,
};

function AddSupportContactForm({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(emptyContact);
  const [errors, setErrors] = useState<Partial<Record<keyof SupportContactFormValues, string>>>({});
  const create = useMutation({
    mutationFn: () => createSupportContact(patientId, supportContactBody(values)),
    onSuccess: (contact) => {
      notifications.show({ color: 'teal', message: `${contact.name} added as a support contact.` });
      void queryClient.invalidateQueries({ queryKey: consentQueryKeys.supportContacts(patientId) });
      onDone();
    },
    onError: (error) => setErrors(describeProblem(error).fieldErrors),
  });
  const set = <K extends keyof SupportContactFormValues>(field: K, value: SupportContactFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateSupportContact(values);
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate();
  };
  const problem = create.isError ? describeProblem(create.error) : null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Name"
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={errors.name}
          withAsterisk
          maxLength={200}
        />
        <TextInput
          label="Relationship to the patient"
          placeholder="Partner, mother, friend"
          value={values.relationship}
          onChange={(event) => set('relationship', event.currentTarget.value)}
          error={errors.relationship}
          withAsterisk
          maxLength={100}
        />
        <Group grow>
          <TextInput
            label="Phone"
            value={values.phone}
            onChange={(event) => set('phone', event.currentTarget.value)}
            error={errors.phone}
            maxLength={40}
          />
          <TextInput
            label="Email"
            type="email"
            value={values.email}
            onChange={(event) => set('email', event.currentTarget.value)}
            error={errors.email}
            maxLength={320}
          />
        </Group>
        <Checkbox
          label="Came along at admission"
          checked={values.tookPartInAdmission}
          onChange={(event) => set('tookPartInAdmission', event.currentTarget.checked)}
        />
        <Checkbox
          label="May join family sessions"
          checked={values.mayJoinFamilySessions}
          onChange={(event) => set('mayJoinFamilySessions', event.currentTarget.checked)}
        />
        {problem !== null && Object.keys(problem.fieldErrors).length === 0 && (
          <Text c="red" size="sm">
            {problem.detail ?? problem.title}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Add support contact
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
