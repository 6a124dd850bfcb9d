import {
  Badge,
  Button,
  Divider,
  EmptyState,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import {
  IconArrowsExchange,
  IconDoorExit,
  IconEdit,
  IconHospital,
  IconStethoscope,
} from '@tabler/icons-react';
import { type IntakeItemKind, mayCompleteIntakeItem } from '@tandem/core/admission/intake-items';
import {
  coOccurringConditionLabels,
  levelOfCareChangeDirectionLabels,
  referralSourceLabels,
  substanceClassLabels,
  useFrequencyLabels,
  useRouteLabels,
} from '@tandem/core/admission/vocabulary';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { mayOnRecord } from '../../access/policy.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import type { RecordTabContext } from '../../patients/record-tab-context.ts';
import { type Episode, episodesQueryOptions } from '../api.ts';
import { episodeSpanLabel, levelOfCareLabel } from '../labels.ts';
import { AdmitDialog } from './AdmitDialog.tsx';
import { DischargeDialog } from './DischargeDialog.tsx';
import { EpisodeEditDialog } from './EpisodeEditDialog.tsx';
import { IntakeChecklistPanel } from './IntakeChecklistPanel.tsx';
import { LevelOfCareDialog } from './LevelOfCareDialog.tsx';

type Dialog = { kind: 'level' | 'discharge' | 'edit'; episode: Episode } | { kind: 'admit' } | null;

/** The patient's episodes of care as a timeline, newest first, with what each one needs next. */
export function EpisodesTab({ record, viewer, now }: RecordTabContext) {
  const may = (action: 'read' | 'create' | 'update', resource: 'episode_of_care' | 'intake_checklist') =>
    mayOnRecord(viewer, record, action, resource, now);
  const canRead = may('read', 'episode_of_care');
  const episodes = useQuery({ ...episodesQueryOptions(record.id), enabled: canRead });
  const [dialog, setDialog] = useState<Dialog>(null);
  const active = episodes.data?.find((episode) => episode.status === 'active');
  const canAdmit = may('create', 'episode_of_care') && record.status !== 'deceased';
  const canUpdate = may('update', 'episode_of_care');
  const mayTickChecklist = may('update', 'intake_checklist');
  // Clinical items (assessments, the plan) are clinical staff's: core decides, the server enforces it too.
  const canTick = (kind: IntakeItemKind) => mayTickChecklist && mayCompleteIntakeItem(viewer.role, kind);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Episodes of care
        </Title>
        {canAdmit && (!canRead || (episodes.isSuccess && active === undefined)) && (
          <Button leftSection={<IconHospital size={16} />} onClick={() => setDialog({ kind: 'admit' })}>
            Admit
          </Button>
        )}
      </Group>
      {!canRead && (
        <Text c="dimmed" size="sm">
          You may admit this patient; once you do, you join the care team and see the episode here.
        </Text>
      )}
      {canRead && episodes.isPending && <Skeleton height={120} aria-label="Loading episodes" />}
      {canRead && episodes.isError && (
        <ErrorPanel error={episodes.error} onRetry={() => void episodes.refetch()} />
      )}
      {episodes.isSuccess && episodes.data.length === 0 && (
        <EmptyState icon={<IconHospital />} withIndicatorBackground title="Not admitted yet" />
      )}
      {episodes.isSuccess && episodes.data.length > 0 && (
        <Timeline active={active ? 0 : -1} bulletSize={24} lineWidth={2}>
          {episodes.data.map((episode) => (
            <Timeline.Item
              key={episode.id}
              bullet={<IconStethoscope size={14} />}
              title={episodeSpanLabel(episode)}
            >
              <EpisodeCard
                patientId={record.id}
                episode={episode}
                canUpdate={canUpdate && episode.status === 'active'}
                canTick={canTick}
                onDialog={(kind) => setDialog({ kind, episode })}
              />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {dialog?.kind === 'admit' && (
        <AdmitDialog patientId={record.id} opened onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'level' && (
        <LevelOfCareDialog
          patientId={record.id}
          episode={dialog.episode}
          opened
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'discharge' && (
        <DischargeDialog
          patientId={record.id}
          episode={dialog.episode}
          opened
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'edit' && (
        <EpisodeEditDialog
          patientId={record.id}
          episode={dialog.episode}
          opened
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}

function EpisodeCard({
  patientId,
  episode,
  canUpdate,
  canTick,
  onDialog,
}: {
  patientId: string;
  episode: Episode;
  canUpdate: boolean;
  canTick: (kind: IntakeItemKind) => boolean;
  onDialog: (kind: 'level' | 'discharge' | 'edit') => void;
}) {
  return (
    <Paper withBorder p="md" mt="xs" data-testid={`episode-${episode.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Badge color={episode.status === 'active' ? 'green' : 'gray'}>
                {episode.status === 'active' ? 'In treatment' : 'Discharged'}
              </Badge>
              <Text fw={600}>{levelOfCareLabel(episode.setting, episode.asam)}</Text>
            </Group>
            <Text size="sm" c="dimmed">
              Referred by {referralSourceLabels[episode.referralSource].toLowerCase()}
              {episode.referralNote ? ` (${episode.referralNote})` : ''}
              {episode.admittedBy ? ` · admitted by ${episode.admittedBy}` : ''}
            </Text>
          </Stack>
          {canUpdate && (
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                leftSection={<IconEdit size={14} />}
                onClick={() => onDialog('edit')}
              >
                Edit
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconArrowsExchange size={14} />}
                onClick={() => onDialog('level')}
              >
                Change level of care
              </Button>
              <Button
                size="xs"
                variant="light"
                color="red"
                leftSection={<IconDoorExit size={14} />}
                onClick={() => onDialog('discharge')}
              >
                Discharge
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm">
          <strong>Substances:</strong>{' '}
          {episode.substances
            .map(
              (substance) =>
                `${substance.isPrimary ? 'Primary: ' : ''}${substanceClassLabels[substance.substanceClass]}${
                  substance.specificSubstance ? ` (${substance.specificSubstance})` : ''
                }, ${useRouteLabels[substance.route].toLowerCase()}, ${useFrequencyLabels[substance.frequency].toLowerCase()}`,
            )
            .join('; ')}
        </Text>
        {episode.diagnoses.length > 0 && (
          <Text size="sm">
            <strong>Diagnoses:</strong>{' '}
            {episode.diagnoses
              .filter((diagnosis) => diagnosis.verificationStatus !== 'entered-in-error')
              .map(
                (diagnosis) =>
                  `${diagnosis.code} ${diagnosis.description}${diagnosis.isPrimary ? ' (primary)' : ''}${
                    diagnosis.clinicalStatus !== 'active' ? `, ${diagnosis.clinicalStatus}` : ''
                  }`,
              )
              .join('; ')}
          </Text>
        )}
        {episode.coOccurringConditions.length > 0 && (
          <Text size="sm">
            <strong>Co-occurring:</strong>{' '}
            {episode.coOccurringConditions
              .map((condition) => coOccurringConditionLabels[condition])
              .join(', ')}
          </Text>
        )}
        {episode.presentingProblems !== '' && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <strong>Presenting problems:</strong> {episode.presentingProblems}
          </Text>
        )}
        {episode.levelOfCareChanges.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              Level-of-care changes
            </Text>
            {episode.levelOfCareChanges.map((change) => (
              <Text size="sm" key={change.id}>
                {change.effectiveOn} · {levelOfCareChangeDirectionLabels[change.direction]}:{' '}
                {levelOfCareLabel(change.fromSetting, change.fromAsam)} →{' '}
                {levelOfCareLabel(change.setting, change.asam)}
                {' — '}
                {change.reason}
              </Text>
            ))}
          </Stack>
        )}
        {episode.aftercarePlan && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <strong>Aftercare plan:</strong> {episode.aftercarePlan}
          </Text>
        )}
        <Divider
          label={`Intake checklist · ${episode.intake.completed}/${episode.intake.total} done`}
          labelPosition="left"
        />
        <IntakeChecklistPanel patientId={patientId} episodeId={episode.id} canTick={canTick} />
      </Stack>
    </Paper>
  );
}
