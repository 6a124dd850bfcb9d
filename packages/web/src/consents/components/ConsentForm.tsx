import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertCircle, IconSignature } from '@tabler/icons-react';
import { disclosureCategories } from '@tandem/core/access/resources';
import { type FormEvent, useState } from 'react';
import { defineMessages, FormattedMessage, type MessageDescriptor, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import { useMe } from '../../auth/me-context.ts';
import type { ConsentCreate, SupportContact } from '../api.ts';
import {
  amendmentReasonError,
  type ConsentEnd,
  type ConsentFormErrors,
  type ConsentFormValues,
  consentRequestBody,
  formErrorsFrom,
  type RecipientKind,
  validateConsentForm,
} from '../consent-form.ts';
import { disclosureCategoryLabels } from '../labels.ts';

interface ConsentFormProps {
  initial: ConsentFormValues;
  supportContacts: readonly SupportContact[];
  patientName: string;
  witnessName: string;
  submitLabel: string;
  /** An amendment: the form asks why the signed consent changes (required, kept with the new version). */
  asksReason?: boolean;
  /** Sends the consent (and the amendment's reason); a rejection (problem+json) puts its field errors on the form. */
  onSubmit: (body: ConsentCreate, reason: string) => Promise<unknown>;
  onCancel: () => void;
}

const recipientKinds: Record<RecipientKind, MessageDescriptor> = defineMessages({
  support_contact: {
    id: 'consents.consentForm.recipientSupportContact',
    defaultMessage: 'A support contact',
  },
  person: { id: 'consents.consentForm.recipientPerson', defaultMessage: 'Another person' },
  organization: { id: 'consents.consentForm.recipientOrganization', defaultMessage: 'An organization' },
});

const consentEnds: Record<ConsentEnd, MessageDescriptor> = defineMessages({
  date: { id: 'consents.consentForm.endsOnDate', defaultMessage: 'On a date' },
  event: { id: 'consents.consentForm.endsOnEvent', defaultMessage: 'When an event happens' },
  both: { id: 'consents.consentForm.endsOnEither', defaultMessage: 'Date or event, whichever first' },
});

/**
 * The written consent of 42 CFR 2.31: to whom, what, why, from when until when or what event, signed by the
 * patient with their typed name, witnessed by the staff member recording it.
 */
export function ConsentForm({
  initial,
  supportContacts,
  patientName,
  witnessName,
  submitLabel,
  asksReason = false,
  onSubmit,
  onCancel,
}: ConsentFormProps) {
  const programTimeZone = useMe().organization.timeZone;
  const intl = useIntl();
  const [values, setValues] = useState<ConsentFormValues>(initial);
  const [errors, setErrors] = useState<ConsentFormErrors>({});
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<{ title: string; detail?: string } | null>(null);
  const [sending, setSending] = useState(false);
  const set = <K extends keyof ConsentFormValues>(field: K, value: ConsentFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const activeContacts = supportContacts.filter((contact) => contact.active);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = validateConsentForm(intl, values, {
      now: new Date(),
      // The program's calendar, which the server judges a consent's dates by.
      timeZone: programTimeZone,
    });
    setErrors(found);
    const missingReason = asksReason ? amendmentReasonError(intl, reason) : undefined;
    setReasonError(missingReason);
    if (Object.keys(found).length > 0 || missingReason !== undefined) return;
    setSending(true);
    try {
      await onSubmit(consentRequestBody(values), reason.trim());
    } catch (error) {
      const problem = describeProblem(error);
      const fieldErrors = formErrorsFrom(problem.fieldErrors);
      setErrors(fieldErrors);
      setReasonError(problem.fieldErrors.reason);
      if (Object.keys(fieldErrors).length === 0 && problem.fieldErrors.reason === undefined)
        setFailure({ title: problem.title, detail: problem.detail });
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={intl.formatMessage({
        id: 'consents.consentForm.label',
        defaultMessage: 'Consent to disclose',
      })}
    >
      <Stack gap="md">
        <Stack gap={6}>
          <Text fw={600} size="sm">
            <FormattedMessage
              id="consents.consentForm.recipient"
              defaultMessage="Who may receive the information"
            />
          </Text>
          <SegmentedControl
            fullWidth
            data={Object.entries(recipientKinds).map(([value, label]) => ({
              value,
              label: intl.formatMessage(label),
            }))}
            value={values.recipientKind}
            onChange={(value) => set('recipientKind', value as RecipientKind)}
          />
          {values.recipientKind === 'support_contact' ? (
            <Select
              label={intl.formatMessage({
                id: 'consents.consentForm.supportContact',
                defaultMessage: 'Support contact',
              })}
              placeholder={
                activeContacts.length === 0
                  ? intl.formatMessage({
                      id: 'consents.consentForm.noSupportContact',
                      defaultMessage: 'Add a support contact first',
                    })
                  : intl.formatMessage({
                      id: 'consents.consentForm.chooseSupportContact',
                      defaultMessage: 'Choose one',
                    })
              }
              data={activeContacts.map((contact) => ({
                value: contact.id,
                label: intl.formatMessage(
                  {
                    id: 'consents.consentForm.supportContactOption',
                    defaultMessage: '{name} ({relationship})',
                  },
                  { name: contact.name, relationship: contact.relationship },
                ),
              }))}
              value={values.supportContactId}
              onChange={(value) => set('supportContactId', value)}
              error={errors.supportContactId}
              withAsterisk
            />
          ) : (
            <TextInput
              label={
                values.recipientKind === 'person'
                  ? intl.formatMessage({
                      id: 'consents.consentForm.personName',
                      defaultMessage: 'Full name of the person',
                    })
                  : intl.formatMessage({
                      id: 'consents.consentForm.organizationName',
                      defaultMessage: 'Name of the organization',
                    })
              }
              value={values.recipientName}
              onChange={(event) => set('recipientName', event.currentTarget.value)}
              error={errors.recipientName}
              maxLength={200}
              withAsterisk
            />
          )}
        </Stack>

        <Checkbox.Group
          label={intl.formatMessage({
            id: 'consents.consentForm.categories',
            defaultMessage: 'What may be disclosed',
          })}
          description={intl.formatMessage({
            id: 'consents.consentForm.categoriesHint',
            defaultMessage: 'Only what is ticked is shared. Psychotherapy notes are never shared this way.',
          })}
          value={values.categories}
          onChange={(value) => set('categories', value as ConsentFormValues['categories'])}
          error={errors.categories}
          withAsterisk
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
            {disclosureCategories.map((category) => (
              <Checkbox
                key={category}
                value={category}
                label={intl.formatMessage(disclosureCategoryLabels[category])}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>

        <Textarea
          label={intl.formatMessage({
            id: 'consents.consentForm.purpose',
            defaultMessage: 'Purpose of the disclosure',
          })}
          placeholder={intl.formatMessage({
            id: 'consents.consentForm.purposeExample',
            defaultMessage: 'For example: family support during treatment',
          })}
          value={values.purpose}
          onChange={(event) => set('purpose', event.currentTarget.value)}
          error={errors.purpose}
          maxLength={1000}
          autosize
          minRows={2}
          withAsterisk
        />

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={intl.formatMessage({
              id: 'consents.consentForm.startsOn',
              defaultMessage: 'In effect from',
            })}
            value={values.startsOn}
            onChange={(event) => set('startsOn', event.currentTarget.value)}
            error={errors.startsOn}
            withAsterisk
          />
        </SimpleGrid>
        <Stack gap={6}>
          <Text fw={600} size="sm">
            <FormattedMessage id="consents.consentForm.ends" defaultMessage="The consent ends" />
          </Text>
          <SegmentedControl
            fullWidth
            data={Object.entries(consentEnds).map(([value, label]) => ({
              value,
              label: intl.formatMessage(label),
            }))}
            value={values.endsBy}
            onChange={(value) => set('endsBy', value as ConsentEnd)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {values.endsBy !== 'event' && (
              <TextInput
                type="date"
                label={intl.formatMessage({
                  id: 'consents.consentForm.expiresOn',
                  defaultMessage: 'Expires at the end of',
                })}
                value={values.expiresOn}
                onChange={(event) => set('expiresOn', event.currentTarget.value)}
                error={errors.expiresOn}
                withAsterisk
              />
            )}
            {values.endsBy !== 'date' && (
              <TextInput
                label={intl.formatMessage({
                  id: 'consents.consentForm.expiryEvent',
                  defaultMessage: 'Ending event',
                })}
                placeholder={intl.formatMessage({
                  id: 'consents.consentForm.expiryEventExample',
                  defaultMessage: 'For example: discharge from the program',
                })}
                value={values.expiryEvent}
                onChange={(event) => set('expiryEvent', event.currentTarget.value)}
                error={errors.expiryEvent}
                maxLength={500}
                withAsterisk
              />
            )}
          </SimpleGrid>
        </Stack>

        {asksReason && (
          <Textarea
            label={intl.formatMessage({
              id: 'consents.consentForm.reason',
              defaultMessage: 'Reason for the amendment',
            })}
            description={intl.formatMessage({
              id: 'consents.consentForm.reasonHint',
              defaultMessage: "Kept with the new version and shown in the consent's history.",
            })}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setReasonError(undefined);
            }}
            error={reasonError}
            maxLength={2000}
            autosize
            minRows={2}
            withAsterisk
          />
        )}

        <Paper withBorder p="md" bg="var(--mantine-color-default-hover)">
          <Stack gap="xs">
            <Group gap="xs">
              <IconSignature size={18} />
              <Text fw={600} size="sm">
                <FormattedMessage id="consents.consentForm.signature" defaultMessage="Signature" />
              </Text>
            </Group>
            <Text size="sm">
              <FormattedMessage
                id="consents.consentForm.statement"
                defaultMessage="{patient} consents to this disclosure and understands that they may revoke this consent at any time, except for what was already shared in reliance on it, and that their treatment does not depend on signing it."
                values={{ patient: patientName }}
              />
            </Text>
            <TextInput
              label={intl.formatMessage({
                id: 'consents.consentForm.typedName',
                defaultMessage: 'The patient types their full name',
              })}
              value={values.typedName}
              onChange={(event) => set('typedName', event.currentTarget.value)}
              error={errors.typedName}
              maxLength={200}
              autoComplete="off"
              withAsterisk
            />
            <Text size="xs" c="dimmed">
              <FormattedMessage
                id="consents.consentForm.witness"
                defaultMessage="Witnessed by {witness} (you), now."
                values={{ witness: witnessName }}
              />
            </Text>
          </Stack>
        </Paper>

        {failure !== null && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} title={failure.title}>
            {failure.detail}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            <FormattedMessage id="consents.consentForm.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" loading={sending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
