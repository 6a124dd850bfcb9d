import { Alert, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import type { Role } from '@tandem/core/identity/roles';
import type { ReactNode } from 'react';
import {
  defineMessages,
  FormattedMessage,
  type IntlShape,
  type MessageDescriptor,
  useIntl,
} from 'react-intl';
import { clinicalAccess, offersBreakGlass } from '../../access/policy.ts';
import { languageName, sexAssignedAtBirthLabels } from '../labels.ts';
import type { RecordTabContext } from '../record-tab-context.ts';

const messages = defineMessages({
  open: { id: 'patients.recordOverview.clinicalOpen', defaultMessage: 'Clinical record open' },
  onCareTeam: {
    id: 'patients.recordOverview.onCareTeam',
    defaultMessage: 'You are on this patient’s care team.',
  },
  closed: { id: 'patients.recordOverview.clinicalClosed', defaultMessage: 'Clinical record closed to you' },
  phone: { id: 'patients.recordOverview.phone', defaultMessage: 'Phone' },
  email: { id: 'patients.recordOverview.email', defaultMessage: 'Email' },
  preferredLanguage: {
    id: 'patients.recordOverview.preferredLanguage',
    defaultMessage: 'Preferred language',
  },
  interpreter: { id: 'patients.recordOverview.interpreter', defaultMessage: 'Interpreter' },
  interpreterNeeded: { id: 'patients.recordOverview.interpreterNeeded', defaultMessage: 'Needed' },
  interpreterNotNeeded: { id: 'patients.recordOverview.interpreterNotNeeded', defaultMessage: 'Not needed' },
  sexAssignedAtBirth: {
    id: 'patients.recordOverview.sexAssignedAtBirth',
    defaultMessage: 'Sex assigned at birth',
  },
  genderIdentity: { id: 'patients.recordOverview.genderIdentity', defaultMessage: 'Gender identity' },
  pronouns: { id: 'patients.recordOverview.pronouns', defaultMessage: 'Pronouns' },
});

/**
 * Why the clinical record is closed to the viewer, in their words. The access policy decides (its own reason is
 * English for the API); for reading the clinical record it refuses by role, so the role picks the explanation.
 */
const closedReasons: Record<'frontDesk' | 'admin' | 'portal' | 'notOnCareTeam', MessageDescriptor> =
  defineMessages({
    frontDesk: {
      id: 'patients.recordOverview.closedFrontDesk',
      defaultMessage: 'Front desk staff do not see clinical content.',
    },
    admin: {
      id: 'patients.recordOverview.closedAdmin',
      defaultMessage: 'Administrators read clinical content only when they are on the care team.',
    },
    portal: {
      id: 'patients.recordOverview.closedPortal',
      defaultMessage: 'This part of the record is not shared with you.',
    },
    notOnCareTeam: {
      id: 'patients.recordOverview.closedNotOnCareTeam',
      defaultMessage: 'You are not on this patient’s care team. In an emergency, use break-the-glass access.',
    },
  });

function closedReason(intl: IntlShape, role: Role): string {
  if (role === 'front_desk') return intl.formatMessage(closedReasons.frontDesk);
  if (role === 'admin') return intl.formatMessage(closedReasons.admin);
  if (role === 'patient' || role === 'family_member') return intl.formatMessage(closedReasons.portal);
  return intl.formatMessage(closedReasons.notOnCareTeam);
}

/** The Overview tab: contact details, and whether the care team's clinical content is open to the viewer. */
export function RecordOverview({ record, viewer, now, onBreakGlass }: RecordTabContext) {
  const intl = useIntl();
  const clinical = clinicalAccess(viewer, record, now);
  const sex = sexAssignedAtBirthLabels[record.sexAssignedAtBirth as keyof typeof sexAssignedAtBirthLabels];
  return (
    <Stack gap="lg">
      {clinical.allowed ? (
        <Alert color="teal" variant="light" icon={<IconLockOpen />} title={intl.formatMessage(messages.open)}>
          {clinical.basis === 'break_glass' && record.access.breakGlassExpiresAt ? (
            <FormattedMessage
              id="patients.recordOverview.underEmergencyAccess"
              defaultMessage="Under emergency access until {time}."
              values={{
                time: intl.formatDate(record.access.breakGlassExpiresAt, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }),
              }}
            />
          ) : (
            intl.formatMessage(messages.onCareTeam)
          )}
        </Alert>
      ) : (
        <Alert color="yellow" variant="light" icon={<IconLock />} title={intl.formatMessage(messages.closed)}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{closedReason(intl, viewer.role)}</Text>
            {offersBreakGlass(viewer, record, now) && (
              <Button color="red" variant="filled" onClick={onBreakGlass}>
                <FormattedMessage
                  id="patients.recordOverview.breakTheGlass"
                  defaultMessage="Break the glass"
                />
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Title order={2} size="h4">
            <FormattedMessage
              id="patients.recordOverview.contactAndIdentity"
              defaultMessage="Contact and identity"
            />
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg" verticalSpacing="md">
            <Fact label={intl.formatMessage(messages.phone)}>{record.phone}</Fact>
            <Fact label={intl.formatMessage(messages.email)}>{record.email}</Fact>
            <Fact label={intl.formatMessage(messages.preferredLanguage)}>
              {languageName(intl, record.preferredLanguage)}
            </Fact>
            <Fact label={intl.formatMessage(messages.interpreter)}>
              {intl.formatMessage(
                record.interpreterNeeded ? messages.interpreterNeeded : messages.interpreterNotNeeded,
              )}
            </Fact>
            <Fact label={intl.formatMessage(messages.sexAssignedAtBirth)}>
              {sex === undefined ? record.sexAssignedAtBirth : intl.formatMessage(sex)}
            </Fact>
            <Fact label={intl.formatMessage(messages.genderIdentity)}>{record.genderIdentity}</Fact>
            <Fact label={intl.formatMessage(messages.pronouns)}>{record.pronouns}</Fact>
          </SimpleGrid>
        </Stack>
      </Paper>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" c={empty ? 'dimmed' : undefined}>
        {empty ? (
          <FormattedMessage id="patients.recordOverview.notRecorded" defaultMessage="Not recorded" />
        ) : (
          children
        )}
      </Text>
    </Stack>
  );
}
