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
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { mayOnRecord } from '../../access/policy.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { formatCalendarDate } from '../../patients/labels.ts';
import type { RecordTabContext } from '../../patients/record-tab-context.ts';
import { type Episode, episodesQueryOptions } from '../api.ts';
import {
  coOccurringConditionLabels,
  diagnosisClinicalStatusLabels,
  episodeSpanLabel,
  inSentence,
  levelOfCareChangeDirectionLabels,
  levelOfCareLabel,
  referralSourceLabels,
  substanceClassLabels,
  useFrequencyLabels,
  useRouteLabels,
} from '../labels.ts';
import { AdmitDialog } from './AdmitDialog.tsx';
import { DischargeDialog } from './DischargeDialog.tsx';
import { EpisodeEditDialog } from './EpisodeEditDialog.tsx';
import { IntakeChecklistPanel } from './IntakeChecklistPanel.tsx';
import { LevelOfCareDialog } from './LevelOfCareDialog.tsx';

/** Bold lead-in of a fact line ("<b>Substances:</b> …"). */
const bold = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

type Dialog = { kind: 'level' | 'discharge' | 'edit'; episode: Episode } | { kind: 'admit' } | null;

/** The patient's episodes of care as a timeline, newest first, with what each one needs next. */
export function EpisodesTab({ record, viewer, now }: RecordTabContext) {
  const intl = useIntl();
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
          <FormattedMessage id="admission.episodesTab.title" defaultMessage="Episodes of care" />
        </Title>
        {canAdmit && (!canRead || (episodes.isSuccess && active === undefined)) && (
          <Button leftSection={<IconHospital size={16} />} onClick={() => setDialog({ kind: 'admit' })}>
            <FormattedMessage id="admission.episodesTab.admit" defaultMessage="Admit" />
          </Button>
        )}
      </Group>
      {!canRead && (
        <Text c="dimmed" size="sm">
          <FormattedMessage
            id="admission.episodesTab.mayAdmit"
            defaultMessage="You may admit this patient; once you do, you join the care team and see the episode here."
          />
        </Text>
      )}
      {canRead && episodes.isPending && (
        <Skeleton
          height={120}
          aria-label={intl.formatMessage({
            id: 'admission.episodesTab.loading',
            defaultMessage: 'Loading episodes',
          })}
        />
      )}
      {canRead && episodes.isError && (
        <ErrorPanel error={episodes.error} onRetry={() => void episodes.refetch()} />
      )}
      {episodes.isSuccess && episodes.data.length === 0 && (
        <EmptyState
          icon={<IconHospital />}
          withIndicatorBackground
          title={intl.formatMessage({
            id: 'admission.episodesTab.notAdmitted',
            defaultMessage: 'Not admitted yet',
          })}
        />
      )}
      {episodes.isSuccess && episodes.data.length > 0 && (
        <Timeline active={active ? 0 : -1} bulletSize={24} lineWidth={2}>
          {episodes.data.map((episode) => (
            <Timeline.Item
              key={episode.id}
              bullet={<IconStethoscope size={14} />}
              title={episodeSpanLabel(intl, episode)}
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
  const intl = useIntl();
  const substanceText = (substance: Episode['substances'][number]) =>
    intl.formatMessage(
      {
        id: 'admission.episodeCard.substance',
        defaultMessage:
          '{primary, select, true {Primary: } other {}}{substance}{specific, select, none {} other { ({specific})}}, {route}, {frequency}',
      },
      {
        primary: String(substance.isPrimary),
        substance: intl.formatMessage(substanceClassLabels[substance.substanceClass]),
        specific: substance.specificSubstance || 'none',
        route: inSentence(intl, useRouteLabels[substance.route]),
        frequency: inSentence(intl, useFrequencyLabels[substance.frequency]),
      },
    );
  const diagnosisText = (diagnosis: Episode['diagnoses'][number]) =>
    intl.formatMessage(
      {
        id: 'admission.episodeCard.diagnosis',
        defaultMessage:
          '{code} {description}{primary, select, true { (primary)} other {}}{status, select, active {} other {, {statusLabel}}}',
      },
      {
        code: diagnosis.code,
        description: diagnosis.description,
        primary: String(diagnosis.isPrimary),
        status: diagnosis.clinicalStatus,
        statusLabel: intl.formatMessage(diagnosisClinicalStatusLabels[diagnosis.clinicalStatus]),
      },
    );
  return (
    <Paper withBorder p="md" mt="xs" data-testid={`episode-${episode.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Badge color={episode.status === 'active' ? 'green' : 'gray'}>
                {episode.status === 'active' ? (
                  <FormattedMessage id="admission.episodeCard.inTreatment" defaultMessage="In treatment" />
                ) : (
                  <FormattedMessage id="admission.episodeCard.discharged" defaultMessage="Discharged" />
                )}
              </Badge>
              <Text fw={600}>{levelOfCareLabel(intl, episode.setting, episode.asam)}</Text>
            </Group>
            <Text size="sm" c="dimmed">
              <FormattedMessage
                id="admission.episodeCard.referral"
                defaultMessage="Referred by {source}{note, select, none {} other { ({note})}}{admittedBy, select, none {} other { · admitted by {admittedBy}}}"
                values={{
                  source: inSentence(intl, referralSourceLabels[episode.referralSource]),
                  note: episode.referralNote || 'none',
                  admittedBy: episode.admittedBy || 'none',
                }}
              />
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
                <FormattedMessage id="admission.episodeCard.edit" defaultMessage="Edit" />
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconArrowsExchange size={14} />}
                onClick={() => onDialog('level')}
              >
                <FormattedMessage
                  id="admission.episodeCard.changeLevelOfCare"
                  defaultMessage="Change level of care"
                />
              </Button>
              <Button
                size="xs"
                variant="light"
                color="red"
                leftSection={<IconDoorExit size={14} />}
                onClick={() => onDialog('discharge')}
              >
                <FormattedMessage id="admission.episodeCard.discharge" defaultMessage="Discharge" />
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm">
          <FormattedMessage
            id="admission.episodeCard.substances"
            defaultMessage="<b>Substances:</b> {substances}"
            values={{ b: bold, substances: episode.substances.map(substanceText).join('; ') }}
          />
        </Text>
        {episode.diagnoses.length > 0 && (
          <Text size="sm">
            <FormattedMessage
              id="admission.episodeCard.diagnoses"
              defaultMessage="<b>Diagnoses:</b> {diagnoses}"
              values={{
                b: bold,
                diagnoses: episode.diagnoses
                  .filter((diagnosis) => diagnosis.verificationStatus !== 'entered-in-error')
                  .map(diagnosisText)
                  .join('; '),
              }}
            />
          </Text>
        )}
        {episode.coOccurringConditions.length > 0 && (
          <Text size="sm">
            <FormattedMessage
              id="admission.episodeCard.coOccurring"
              defaultMessage="<b>Co-occurring:</b> {conditions}"
              values={{
                b: bold,
                conditions: intl.formatList(
                  episode.coOccurringConditions.map((condition) =>
                    intl.formatMessage(coOccurringConditionLabels[condition]),
                  ),
                  { type: 'unit', style: 'short' },
                ),
              }}
            />
          </Text>
        )}
        {episode.presentingProblems !== '' && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <FormattedMessage
              id="admission.episodeCard.presentingProblems"
              defaultMessage="<b>Presenting problems:</b> {text}"
              values={{ b: bold, text: episode.presentingProblems }}
            />
          </Text>
        )}
        {episode.levelOfCareChanges.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              <FormattedMessage
                id="admission.episodeCard.levelOfCareChanges"
                defaultMessage="Level-of-care changes"
              />
            </Text>
            {episode.levelOfCareChanges.map((change) => (
              <Text size="sm" key={change.id}>
                <FormattedMessage
                  id="admission.episodeCard.levelOfCareChange"
                  defaultMessage="{date} · {direction}: {from} → {to} — {reason}"
                  values={{
                    date: formatCalendarDate(intl, change.effectiveOn),
                    direction: intl.formatMessage(levelOfCareChangeDirectionLabels[change.direction]),
                    from: levelOfCareLabel(intl, change.fromSetting, change.fromAsam),
                    to: levelOfCareLabel(intl, change.setting, change.asam),
                    reason: change.reason,
                  }}
                />
              </Text>
            ))}
          </Stack>
        )}
        {episode.aftercarePlan && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <FormattedMessage
              id="admission.episodeCard.aftercarePlan"
              defaultMessage="<b>Aftercare plan:</b> {text}"
              values={{ b: bold, text: episode.aftercarePlan }}
            />
          </Text>
        )}
        <Divider
          label={intl.formatMessage(
            {
              id: 'admission.episodeCard.intakeChecklist',
              defaultMessage: 'Intake checklist · {completed}/{total} done',
            },
            { completed: episode.intake.completed, total: episode.intake.total },
          )}
          labelPosition="left"
        />
        <IntakeChecklistPanel patientId={patientId} episodeId={episode.id} canTick={canTick} />
      </Stack>
    </Paper>
  );
}
