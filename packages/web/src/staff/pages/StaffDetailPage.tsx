import { Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import {
  coOccurringConditionLabels,
  substanceClasses,
  substanceClassLabels,
} from '@tandem/core/admission/vocabulary';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { FormattedMessage } from 'react-intl';
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
import { approachLabel, genderLabels, languageName, yearsText } from '../labels.ts';

export function StaffDetailPage({ staffMemberId }: { staffMemberId: string }) {
  const staffMember = useQuery(staffMemberQueryOptions(staffMemberId));
  return (
    <Stack gap="lg">
      <AnchorLink to="/staff" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          All staff
        </Group>
      </AnchorLink>
      {staffMember.isPending && (
        <Stack gap="sm" aria-busy="true" aria-label="Loading staff member">
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

// License dates are calendar dates ("2027-06-30"): formatted in UTC so no time zone shifts the day.
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

function licenseText(member: StaffMember): string {
  const license = [member.licenseNumber, member.licenseState].filter(Boolean).join(', ');
  if (!member.licenseExpiresOn) return license;
  const expires = `expires ${dateFormat.format(new Date(member.licenseExpiresOn))}`;
  return license ? `${license}; ${expires}` : expires;
}

function StaffMemberDetails({ member }: { member: StaffMember }) {
  const me = useMe();
  const mayDeactivate =
    mayInOrganization(me.role, 'update', 'staff_directory') &&
    member.active &&
    me.staffMemberId !== member.id;
  const [editingMatching, setEditingMatching] = useState(false);
  const substanceYears = substanceClasses
    .filter((substance) => (member.substanceExperience[substance] ?? 0) > 0)
    .map(
      (substance) =>
        `${substanceClassLabels[substance]}: ${yearsText(member.substanceExperience[substance] ?? 0)}`,
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
          <Field label="Role">
            <FormattedMessage {...roleLabels[member.role]} />
          </Field>
          <Field label="Email">
            {member.email ? <Anchor href={`mailto:${member.email}`}>{member.email}</Anchor> : null}
          </Field>
          <Field label="Credentials">{member.credentials.join(', ')}</Field>
          <Field label="License">{licenseText(member)}</Field>
          <Field label="Addiction experience">{yearsText(member.yearsAddictionExperience)}</Field>
          <Field label="Maximum caseload">{member.maxCaseload ?? 'Program default'}</Field>
          <Field label="Languages">{member.languages.map(languageName).join(', ')}</Field>
          <Field label="Approaches">{member.approaches.map(approachLabel).join(', ')}</Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={2} size="h4">
              Matching profile
            </Title>
            {mayInOrganization(me.role, 'update', 'staff_directory') && (
              <Button variant="light" onClick={() => setEditingMatching(true)}>
                Edit matching profile
              </Button>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            What therapist matching weighs when a patient needs a primary therapist.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md">
            <Field label="Gender">{member.gender === null ? null : genderLabels[member.gender]}</Field>
            <Field label="Accepting new patients">{member.acceptsNewPatients ? 'Yes' : 'No'}</Field>
            <Field label="Experience by substance">{substanceYears}</Field>
            <Field label="Co-occurring conditions">
              {member.conditionExperience
                .map((condition) => coOccurringConditionLabels[condition])
                .join(', ')}
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
          Not recorded
        </Text>
      ) : (
        <Text size="sm" component="div">
          {children}
        </Text>
      )}
    </Stack>
  );
}
