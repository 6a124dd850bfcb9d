import { Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { substanceClasses } from '@tandem/core/admission/vocabulary';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { defineMessages, FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import { mayInOrganization } from '../../access/policy.ts';
import type { StaffMember } from '../../api/types.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { useMe } from '../../auth/me-context.ts';
import { roleLabels } from '../../auth/roles.ts';
import { staffMemberQueryOptions } from '../api.ts';
import { ActiveBadge } from '../components/ActiveBadge.tsx';
import { DeactivateStaffButton } from '../components/DeactivateStaffButton.tsx';
import { MatchingProfileForm } from '../components/MatchingProfileForm.tsx';
import { SendPasswordResetButton } from '../components/SendPasswordResetButton.tsx';
import {
  approachLabel,
  conditionLabels,
  genderLabels,
  languageName,
  substanceLabels,
  yearsText,
} from '../labels.ts';

const messages = defineMessages({
  loading: { id: 'staff.staffDetailPage.loading', defaultMessage: 'Loading staff member' },
  role: { id: 'staff.staffDetailPage.role', defaultMessage: 'Role' },
  email: { id: 'staff.staffDetailPage.email', defaultMessage: 'Email' },
  credentials: { id: 'staff.staffDetailPage.credentials', defaultMessage: 'Credentials' },
  license: { id: 'staff.staffDetailPage.license', defaultMessage: 'License' },
  addictionExperience: {
    id: 'staff.staffDetailPage.addictionExperience',
    defaultMessage: 'Addiction experience',
  },
  maximumCaseload: { id: 'staff.staffDetailPage.maximumCaseload', defaultMessage: 'Maximum caseload' },
  programDefault: { id: 'staff.staffDetailPage.programDefault', defaultMessage: 'Program default' },
  languages: { id: 'staff.staffDetailPage.languages', defaultMessage: 'Languages' },
  approaches: { id: 'staff.staffDetailPage.approaches', defaultMessage: 'Approaches' },
  gender: { id: 'staff.staffDetailPage.gender', defaultMessage: 'Gender' },
  acceptingNewPatients: {
    id: 'staff.staffDetailPage.acceptingNewPatients',
    defaultMessage: 'Accepting new patients',
  },
  yes: { id: 'staff.staffDetailPage.yes', defaultMessage: 'Yes' },
  no: { id: 'staff.staffDetailPage.no', defaultMessage: 'No' },
  experienceBySubstance: {
    id: 'staff.staffDetailPage.experienceBySubstance',
    defaultMessage: 'Experience by substance',
  },
  coOccurringConditions: {
    id: 'staff.staffDetailPage.coOccurringConditions',
    defaultMessage: 'Co-occurring conditions',
  },
});

export function StaffDetailPage({ staffMemberId }: { staffMemberId: string }) {
  const intl = useIntl();
  const staffMember = useQuery(staffMemberQueryOptions(staffMemberId));
  return (
    <Stack gap="lg">
      <AnchorLink to="/staff" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          <FormattedMessage id="staff.staffDetailPage.allStaff" defaultMessage="All staff" />
        </Group>
      </AnchorLink>
      {staffMember.isPending && (
        <Stack gap="sm" aria-busy="true" aria-label={intl.formatMessage(messages.loading)}>
          <Skeleton height={36} width="40%" />
          <Skeleton height={160} />
        </Stack>
      )}
      {staffMember.isError && (
        <ErrorPanel error={staffMember.error} onRetry={() => void staffMember.refetch()} />
      )}
      {staffMember.isSuccess && <StaffMemberDetails member={staffMember.data} />}
    </Stack>
  );
}

function licenseText(intl: IntlShape, member: StaffMember): string {
  const license = [member.licenseNumber, member.licenseState].filter(Boolean).join(', ');
  if (!member.licenseExpiresOn) return license;
  // License dates are calendar dates ("2027-06-30"): formatted in UTC so no time zone shifts the day.
  const date = intl.formatDate(member.licenseExpiresOn, { dateStyle: 'medium', timeZone: 'UTC' });
  return license
    ? intl.formatMessage(
        { id: 'staff.staffDetailPage.licenseExpires', defaultMessage: '{license}; expires {date}' },
        { license, date },
      )
    : intl.formatMessage({ id: 'staff.staffDetailPage.expires', defaultMessage: 'expires {date}' }, { date });
}

function StaffMemberDetails({ member }: { member: StaffMember }) {
  const me = useMe();
  const intl = useIntl();
  const mayDeactivate =
    mayInOrganization(me.role, 'update', 'staff_directory') &&
    member.active &&
    me.staffMemberId !== member.id;
  const [editingMatching, setEditingMatching] = useState(false);
  const substanceYears = substanceClasses
    .filter((substance) => (member.substanceExperience[substance] ?? 0) > 0)
    .map((substance) =>
      intl.formatMessage(
        { id: 'staff.staffDetailPage.substanceYears', defaultMessage: '{substance}: {years}' },
        {
          substance: intl.formatMessage(substanceLabels[substance]),
          years: yearsText(intl, member.substanceExperience[substance] ?? 0),
        },
      ),
    )
    .join('; ');
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            {member.displayName}
          </Title>
          {member.pronouns && <Text c="dimmed">({member.pronouns})</Text>}
          <ActiveBadge active={member.active} />
        </Group>
        {mayDeactivate && (
          <Group gap="sm">
            <SendPasswordResetButton member={member} />
            <DeactivateStaffButton member={member} />
          </Group>
        )}
      </Group>
      <Paper withBorder p="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md">
          <Field label={intl.formatMessage(messages.role)}>
            <FormattedMessage {...roleLabels[member.role]} />
          </Field>
          <Field label={intl.formatMessage(messages.email)}>
            {member.email ? <Anchor href={`mailto:${member.email}`}>{member.email}</Anchor> : null}
          </Field>
          <Field label={intl.formatMessage(messages.credentials)}>
            {intl.formatList(member.credentials, { type: 'unit' })}
          </Field>
          <Field label={intl.formatMessage(messages.license)}>{licenseText(intl, member)}</Field>
          <Field label={intl.formatMessage(messages.addictionExperience)}>
            {yearsText(intl, member.yearsAddictionExperience)}
          </Field>
          <Field label={intl.formatMessage(messages.maximumCaseload)}>
            {member.maxCaseload === null
              ? intl.formatMessage(messages.programDefault)
              : intl.formatNumber(member.maxCaseload)}
          </Field>
          <Field label={intl.formatMessage(messages.languages)}>
            {intl.formatList(
              member.languages.map((tag) => languageName(intl, tag)),
              { type: 'unit' },
            )}
          </Field>
          <Field label={intl.formatMessage(messages.approaches)}>
            {intl.formatList(
              member.approaches.map((approach) => approachLabel(intl, approach)),
              { type: 'unit' },
            )}
          </Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={2} size="h4">
              <FormattedMessage
                id="staff.staffDetailPage.matchingProfile"
                defaultMessage="Matching profile"
              />
            </Title>
            {mayInOrganization(me.role, 'update', 'staff_directory') && (
              <Button variant="light" onClick={() => setEditingMatching(true)}>
                <FormattedMessage
                  id="staff.staffDetailPage.editMatchingProfile"
                  defaultMessage="Edit matching profile"
                />
              </Button>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="staff.staffDetailPage.matchingProfileExplanation"
              defaultMessage="What therapist matching weighs when a patient needs a primary therapist."
            />
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md">
            <Field label={intl.formatMessage(messages.gender)}>
              {member.gender === null ? null : intl.formatMessage(genderLabels[member.gender])}
            </Field>
            <Field label={intl.formatMessage(messages.acceptingNewPatients)}>
              {intl.formatMessage(member.acceptsNewPatients ? messages.yes : messages.no)}
            </Field>
            <Field label={intl.formatMessage(messages.experienceBySubstance)}>{substanceYears}</Field>
            <Field label={intl.formatMessage(messages.coOccurringConditions)}>
              {intl.formatList(
                member.conditionExperience.map((condition) => intl.formatMessage(conditionLabels[condition])),
                { type: 'unit' },
              )}
            </Field>
          </SimpleGrid>
        </Stack>
      </Paper>
      {editingMatching && <MatchingProfileForm member={member} onClose={() => setEditingMatching(false)} />}
    </Stack>
  );
}

/** One labelled value; an empty value reads as "Not recorded" rather than a blank. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {empty ? (
        <Text size="sm" c="dimmed">
          <FormattedMessage id="staff.staffDetailPage.notRecorded" defaultMessage="Not recorded" />
        </Text>
      ) : (
        <Text size="sm" component="div">
          {children}
        </Text>
      )}
    </Stack>
  );
}
