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
import { FormattedMessage, useIntl } from 'react-intl';
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
  const intl = useIntl();
  const contacts = useQuery(supportContactListQueryOptions(patientId));
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} size="h4">
            <FormattedMessage id="consents.supportContactsPanel.title" defaultMessage="Support contacts" />
          </Title>
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="consents.supportContactsPanel.explanation"
              defaultMessage="Family and friends the patient names. They see nothing unless a consent below names them."
            />
          </Text>
        </Stack>
        {canEdit && (
          <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>
            <FormattedMessage id="consents.supportContactsPanel.add" defaultMessage="Add support contact" />
          </Button>
        )}
      </Group>
      {contacts.isPending && (
        <Skeleton
          height={80}
          aria-label={intl.formatMessage({
            id: 'consents.supportContactsPanel.loading',
            defaultMessage: 'Loading support contacts',
          })}
        />
      )}
      {contacts.isError && <ErrorPanel error={contacts.error} onRetry={() => void contacts.refetch()} />}
      {contacts.isSuccess && contacts.data.length === 0 && (
        <EmptyState
          icon={<IconUsers />}
          withIndicatorBackground
          title={intl.formatMessage({
            id: 'consents.supportContactsPanel.empty',
            defaultMessage: 'No support contacts named yet',
          })}
        />
      )}
      {contacts.isSuccess && contacts.data.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" data-testid="support-contacts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <FormattedMessage id="consents.supportContactsPanel.name" defaultMessage="Name" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage
                    id="consents.supportContactsPanel.relationship"
                    defaultMessage="Relationship"
                  />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="consents.supportContactsPanel.phone" defaultMessage="Phone" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="consents.supportContactsPanel.email" defaultMessage="Email" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="consents.supportContactsPanel.portal" defaultMessage="Portal" />
                </Table.Th>
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
                          <FormattedMessage
                            id="consents.supportContactsPanel.inactive"
                            defaultMessage="Inactive"
                          />
                        </Badge>
                      )}
                      {contact.tookPartInAdmission && (
                        <Badge size="xs" variant="light">
                          <FormattedMessage
                            id="consents.supportContactsPanel.atAdmission"
                            defaultMessage="At admission"
                          />
                        </Badge>
                      )}
                      {contact.mayJoinFamilySessions && (
                        <Badge size="xs" variant="light" color="grape">
                          <FormattedMessage
                            id="consents.supportContactsPanel.familySessions"
                            defaultMessage="Family sessions"
                          />
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
                        <FormattedMessage
                          id="consents.supportContactsPanel.signsIn"
                          defaultMessage="Signs in"
                        />
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
      <Dialog
        opened={adding}
        onClose={() => setAdding(false)}
        title={intl.formatMessage({
          id: 'consents.supportContactsPanel.addTitle',
          defaultMessage: 'Add a support contact',
        })}
      >
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
  const intl = useIntl();
  const [values, setValues] = useState(emptyContact);
  const [errors, setErrors] = useState<Partial<Record<keyof SupportContactFormValues, string>>>({});
  const create = useMutation({
    mutationFn: () => createSupportContact(patientId, supportContactBody(values)),
    onSuccess: (contact) => {
      notifications.show({
        color: 'teal',
        message: intl.formatMessage(
          {
            id: 'consents.addSupportContactForm.added',
            defaultMessage: '{name} added as a support contact.',
          },
          { name: contact.name },
        ),
      });
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
    const found = validateSupportContact(intl, values);
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate();
  };
  const problem = create.isError ? describeProblem(create.error) : null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={intl.formatMessage({ id: 'consents.addSupportContactForm.name', defaultMessage: 'Name' })}
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={errors.name}
          withAsterisk
          maxLength={200}
        />
        <TextInput
          label={intl.formatMessage({
            id: 'consents.addSupportContactForm.relationship',
            defaultMessage: 'Relationship to the patient',
          })}
          placeholder={intl.formatMessage({
            id: 'consents.addSupportContactForm.relationshipExample',
            defaultMessage: 'Partner, mother, friend',
          })}
          value={values.relationship}
          onChange={(event) => set('relationship', event.currentTarget.value)}
          error={errors.relationship}
          withAsterisk
          maxLength={100}
        />
        <Group grow>
          <TextInput
            label={intl.formatMessage({
              id: 'consents.addSupportContactForm.phone',
              defaultMessage: 'Phone',
            })}
            value={values.phone}
            onChange={(event) => set('phone', event.currentTarget.value)}
            error={errors.phone}
            maxLength={40}
          />
          <TextInput
            label={intl.formatMessage({
              id: 'consents.addSupportContactForm.email',
              defaultMessage: 'Email',
            })}
            type="email"
            value={values.email}
            onChange={(event) => set('email', event.currentTarget.value)}
            error={errors.email}
            maxLength={320}
          />
        </Group>
        <Checkbox
          label={intl.formatMessage({
            id: 'consents.addSupportContactForm.tookPartInAdmission',
            defaultMessage: 'Came along at admission',
          })}
          checked={values.tookPartInAdmission}
          onChange={(event) => set('tookPartInAdmission', event.currentTarget.checked)}
        />
        <Checkbox
          label={intl.formatMessage({
            id: 'consents.addSupportContactForm.mayJoinFamilySessions',
            defaultMessage: 'May join family sessions',
          })}
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
            <FormattedMessage id="consents.addSupportContactForm.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" loading={create.isPending}>
            <FormattedMessage
              id="consents.addSupportContactForm.submit"
              defaultMessage="Add support contact"
            />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
