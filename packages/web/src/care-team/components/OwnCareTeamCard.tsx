import { EmptyState, List, Skeleton, Text } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { useMe } from '../../auth/me-context.ts';
import { DashboardSection } from '../../dashboard/components/DashboardSection.tsx';
import { portalPatientsQueryOptions } from '../../disclosures/api.ts';
import { patientRecordQueryOptions } from '../../patients/api.ts';
import { careTeamRoleLabels } from '../labels.ts';

/** The patient dashboard's "Your care team": who looks after them now, from their own record. */
export function OwnCareTeamCard() {
  const intl = useIntl();
  const { organization } = useMe();
  const portal = useQuery(portalPatientsQueryOptions);
  const own = portal.data?.find((patient) => patient.relationship === 'self');
  const record = useQuery({ ...patientRecordQueryOptions(own?.patientId ?? ''), enabled: own !== undefined });
  const error = portal.error ?? record.error;
  const team = record.data?.careTeam ?? [];
  return (
    <DashboardSection
      title={intl.formatMessage({ id: 'careTeam.ownCareTeamCard.title', defaultMessage: 'Your care team' })}
    >
      {error !== null && <ErrorPanel error={error} onRetry={() => void (own ? record : portal).refetch()} />}
      {error === null && (portal.isPending || (own !== undefined && record.isPending)) && (
        <Skeleton
          height={60}
          aria-label={intl.formatMessage({
            id: 'careTeam.ownCareTeamCard.loading',
            defaultMessage: 'Loading your care team',
          })}
        />
      )}
      {error === null &&
        ((portal.isSuccess && own === undefined) || (record.isSuccess && team.length === 0)) && (
          <EmptyState
            icon={<IconHeartHandshake />}
            withIndicatorBackground
            title={intl.formatMessage({
              id: 'careTeam.ownCareTeamCard.emptyTitle',
              defaultMessage: 'Your care team will appear here',
            })}
            description={intl.formatMessage(
              {
                id: 'careTeam.ownCareTeamCard.emptyDescription',
                defaultMessage:
                  'Once {program} assigns your counselor and care team, you will find them here.',
              },
              { program: organization.name },
            )}
          />
        )}
      {record.isSuccess && team.length > 0 && (
        <List spacing="xs" data-testid="own-care-team">
          {team.map((member) => (
            <List.Item key={`${member.staffMemberId}-${member.role}`}>
              <Text span fw={500}>
                {member.displayName}
              </Text>{' '}
              <Text span c="dimmed">
                {intl.formatMessage(careTeamRoleLabels[member.role])}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </DashboardSection>
  );
}
