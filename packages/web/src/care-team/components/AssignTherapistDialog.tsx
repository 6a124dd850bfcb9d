import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  ScrollArea,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { asApiError } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { DialogCloseWarning } from '../../forms/DialogCloseWarning.tsx';
import { FormProblemAlert } from '../../forms/FormProblemAlert.tsx';
import { useCloseWarning } from '../../forms/use-leave-warning.ts';
import { useTandemForm } from '../../forms/use-tandem-form.ts';
import { staffListQueryOptions } from '../../staff/api.ts';
import {
  assignCareTeamPlace,
  type CareTeamPlace,
  invalidateAfterTeamChange,
  type TherapistSuggestion,
  type TherapistSuggestions,
  therapistSuggestionsQueryOptions,
} from '../api.ts';
import {
  type AssignmentValues,
  concernsLine,
  confirmationFor,
  reasonsLine,
  validateAssignment,
} from '../choice.ts';
import { therapeuticApproachLabels } from '../labels.ts';

const messages = defineMessages({
  assignTitle: {
    id: 'careTeam.assignTherapistDialog.assignTitle',
    defaultMessage: 'Assign a primary therapist',
  },
  changeTitle: {
    id: 'careTeam.assignTherapistDialog.changeTitle',
    defaultMessage: 'Change the primary therapist',
  },
  theClinician: { id: 'careTeam.assignTherapistDialog.theClinician', defaultMessage: 'The clinician' },
  conflictTitle: {
    id: 'careTeam.assignTherapistDialog.conflictTitle',
    defaultMessage: 'The care team changed meanwhile',
  },
  ranking: { id: 'careTeam.assignTherapistDialog.ranking', defaultMessage: 'Ranking clinicians' },
  primaryTherapist: {
    id: 'careTeam.assignTherapistDialog.primaryTherapist',
    defaultMessage: 'Primary therapist',
  },
  bestFitFirst: {
    id: 'careTeam.assignTherapistDialog.bestFitFirst',
    defaultMessage: 'Clinicians, best fit first',
  },
  bestFitFirstDescription: {
    id: 'careTeam.assignTherapistDialog.bestFitFirstDescription',
    defaultMessage: 'The ranking suggests; the choice is yours. Use the arrow keys to move through the list.',
  },
  reason: { id: 'careTeam.assignTherapistDialog.reason', defaultMessage: 'Reason' },
  reasonOptional: {
    id: 'careTeam.assignTherapistDialog.reasonOptional',
    defaultMessage: 'Optional; kept in the care team history.',
  },
  reasonForChange: {
    id: 'careTeam.assignTherapistDialog.reasonForChange',
    defaultMessage: 'Why the primary therapist changes; kept in the care team history.',
  },
});

interface AssignTherapistDialogProps {
  patientId: string;
  /** The current primary therapist place, which the assignment replaces. */
  current: CareTeamPlace | null;
  /** The viewer may read the episode, and so the ranking; otherwise a plain list of clinicians. */
  canRank: boolean;
  onClose: () => void;
}

/**
 * Choosing a primary therapist: Tandem ranks the clinicians and says why; the clinician chooses any of them
 * (one without room after confirming) and says why when it replaces someone. A conflict keeps what was typed.
 */
export function AssignTherapistDialog({ patientId, current, canRank, onClose }: AssignTherapistDialogProps) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const suggestions = useQuery({ ...therapistSuggestionsQueryOptions(patientId), enabled: canRank });
  const staff = useQuery({ ...staffListQueryOptions, enabled: !canRank });
  const { form, problem, showProblem, clearProblem } = useTandemForm<AssignmentValues>({
    initialValues: { staffMemberId: null, reason: '', confirmedUnavailable: false },
    rules: (values) =>
      validateAssignment(intl, values, { replacing: current !== null, chosen: chosenOf(values) }),
    aliases: { role: 'staffMemberId' },
  });
  const closeWarning = useCloseWarning(() => form.isDirty(), onClose);
  const values = form.getValues();
  const errors = form.errors;

  const unranked: TherapistSuggestion[] = (staff.data ?? [])
    .filter((member) => member.active && (member.role === 'clinician' || member.role === 'supervisor'))
    .map((member, index) => ({
      staffMemberId: member.id,
      displayName: member.displayName,
      jobRole: member.role,
      credentials: member.credentials,
      score: 0,
      rank: index + 1,
      available: true,
      caseload: { current: 0, max: member.maxCaseload ?? 0 },
      reasons: [],
      concerns: [],
      factors: [],
      isCurrentPrimaryTherapist: member.id === current?.staffMemberId,
    }));
  const options = canRank ? (suggestions.data?.suggestions ?? []) : unranked;
  const chosenOf = (of: AssignmentValues) =>
    options.find((option) => option.staffMemberId === of.staffMemberId);
  const chosen = chosenOf(values);

  const assign = useMutation({
    mutationFn: (values: AssignmentValues) =>
      assignCareTeamPlace(patientId, {
        staffMemberId: values.staffMemberId ?? '',
        role: 'primary_therapist',
        reason: values.reason.trim() === '' ? undefined : values.reason.trim(),
        replacesMemberId: current?.id ?? null,
      }),
    onSuccess: () => {
      notifications.show({
        color: 'teal',
        message: intl.formatMessage(
          {
            id: 'careTeam.assignTherapistDialog.assigned',
            defaultMessage: '{name} is now the primary therapist.',
          },
          { name: chosen?.displayName ?? intl.formatMessage(messages.theClinician) },
        ),
      });
      invalidateAfterTeamChange(queryClient, patientId);
      onClose();
    },
    onError: (error) => {
      showProblem(error);
      // The team changed meanwhile: show it as it is now, keep the choice and the reason typed.
      if (asApiError(error).status === 409) invalidateAfterTeamChange(queryClient, patientId);
    },
  });

  const set = <K extends keyof AssignmentValues>(field: K, value: AssignmentValues[K]) => {
    form.setFieldValue(field, value as never);
    if (field === 'staffMemberId') form.setFieldValue('confirmedUnavailable', false);
  };
  const conflict = problem?.status === 409 ? (problem.detail ?? problem.title) : null;
  const confirmation = chosen === undefined ? null : confirmationFor(intl, chosen);

  return (
    <>
      <Dialog
        opened
        onClose={closeWarning.requestClose}
        size="xl"
        title={intl.formatMessage(current === null ? messages.assignTitle : messages.changeTitle)}
      >
        <form
          onSubmit={form.onSubmit((submitted) => {
            clearProblem();
            assign.mutate(submitted);
          })}
          noValidate
        >
          <Stack>
            {current !== null && (
              <Text size="sm">
                <FormattedMessage
                  id="careTeam.assignTherapistDialog.now"
                  defaultMessage="Now: <b>{name}</b>. Assigning someone else ends their place."
                  values={{ name: current.staffName, b: (chunks) => <strong>{chunks}</strong> }}
                />
              </Text>
            )}
            {conflict !== null && (
              <Alert
                color="yellow"
                icon={<IconAlertTriangle />}
                title={intl.formatMessage(messages.conflictTitle)}
              >
                {conflict}{' '}
                <FormattedMessage
                  id="careTeam.assignTherapistDialog.conflict"
                  defaultMessage="Your choice and reason are kept: check the list and assign again."
                />
              </Alert>
            )}
            {canRank && suggestions.isPending && (
              <Skeleton height={240} aria-label={intl.formatMessage(messages.ranking)} />
            )}
            {canRank && suggestions.isError && (
              <ErrorPanel error={suggestions.error} onRetry={() => void suggestions.refetch()} />
            )}
            {canRank && suggestions.isSuccess && <RankingBasis ranking={suggestions.data} />}
            {!canRank && (
              <Text size="sm" c="dimmed">
                <FormattedMessage
                  id="careTeam.assignTherapistDialog.unranked"
                  defaultMessage="The ranking reads the patient’s admission, which is open to the care team only; choose from the program’s clinicians."
                />
              </Text>
            )}
            {!canRank ? (
              <Select
                label={intl.formatMessage(messages.primaryTherapist)}
                data={unranked.map((option) => ({ value: option.staffMemberId, label: option.displayName }))}
                value={values.staffMemberId}
                onChange={(value) => set('staffMemberId', value)}
                error={errors.staffMemberId}
                searchable
                withAsterisk
              />
            ) : (
              suggestions.isSuccess && (
                <Radio.Group
                  label={intl.formatMessage(messages.bestFitFirst)}
                  description={intl.formatMessage(messages.bestFitFirstDescription)}
                  value={values.staffMemberId}
                  onChange={(value) => set('staffMemberId', value)}
                  error={errors.staffMemberId}
                  withAsterisk
                >
                  <ScrollArea.Autosize mah={420} mt="xs" type="auto">
                    <Stack gap="xs" data-testid="therapist-suggestions">
                      {options.map((option) => (
                        <SuggestionOption key={option.staffMemberId} suggestion={option} />
                      ))}
                    </Stack>
                  </ScrollArea.Autosize>
                </Radio.Group>
              )
            )}
            <Textarea
              label={intl.formatMessage(messages.reason)}
              description={intl.formatMessage(
                current === null ? messages.reasonOptional : messages.reasonForChange,
              )}
              value={values.reason}
              onChange={(event) => set('reason', event.currentTarget.value)}
              error={errors.reason}
              autosize
              minRows={2}
              maxLength={1000}
            />
            {confirmation !== null && (
              <Checkbox
                label={confirmation}
                checked={values.confirmedUnavailable}
                onChange={(event) => set('confirmedUnavailable', event.currentTarget.checked)}
                error={errors.confirmedUnavailable}
                color="orange"
              />
            )}
            {problem?.status !== 409 && <FormProblemAlert problem={problem} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={closeWarning.requestClose}>
                <FormattedMessage id="careTeam.assignTherapistDialog.cancel" defaultMessage="Cancel" />
              </Button>
              <Button type="submit" loading={assign.isPending} disabled={options.length === 0}>
                {chosen === undefined ? (
                  <FormattedMessage id="careTeam.assignTherapistDialog.assign" defaultMessage="Assign" />
                ) : (
                  <FormattedMessage
                    id="careTeam.assignTherapistDialog.assignName"
                    defaultMessage="Assign {name}"
                    values={{ name: chosen.displayName }}
                  />
                )}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
      <DialogCloseWarning warning={closeWarning} />
    </>
  );
}

/** What the ranking was given, so the clinician can check it: substances, conditions, language, preferences. */
function RankingBasis({ ranking }: { ranking: TherapistSuggestions }) {
  const intl = useIntl();
  const { basis } = ranking;
  return (
    <Stack gap="xs">
      {ranking.episode === null && (
        <Text size="sm" c="dimmed">
          <FormattedMessage
            id="careTeam.rankingBasis.noAdmission"
            defaultMessage="No admission recorded yet: the ranking weighs language, preferences and caseload only."
          />
        </Text>
      )}
      {ranking.suggestedApproaches.length > 0 && (
        <Text size="sm">
          <FormattedMessage
            id="careTeam.rankingBasis.suggestedApproaches"
            defaultMessage="<b>Suggested approaches:</b> {approaches}"
            values={{
              b: (chunks) => <strong>{chunks}</strong>,
              approaches: ranking.suggestedApproaches.map((suggested, index) => (
                <span
                  key={suggested.approach}
                  title={intl.formatMessage(
                    {
                      id: 'careTeam.rankingBasis.approachSource',
                      defaultMessage: '{reason}. Source: {source}',
                    },
                    { reason: suggested.reason, source: suggested.source },
                  )}
                >
                  {index > 0 ? ', ' : ''}
                  <FormattedMessage
                    id="careTeam.rankingBasis.approach"
                    defaultMessage="{approach} ({reason})"
                    values={{
                      approach: intl.formatMessage(therapeuticApproachLabels[suggested.approach]),
                      reason: suggested.reason,
                    }}
                  />
                </span>
              )),
            }}
          />
        </Text>
      )}
      {basis.earlierTherapists.length > 0 && (
        <Text size="sm">
          <FormattedMessage
            id="careTeam.rankingBasis.earlierTherapists"
            defaultMessage="<b>Earlier therapists:</b> {names}"
            values={{
              b: (chunks) => <strong>{chunks}</strong>,
              names: intl.formatList(
                basis.earlierTherapists.map((therapist) => therapist.displayName),
                { type: 'unit', style: 'short' },
              ),
            }}
          />
        </Text>
      )}
      {ranking.notes.map((note) => (
        <Alert key={note} color="yellow" variant="light" icon={<IconInfoCircle />} p="xs">
          {note}
        </Alert>
      ))}
    </Stack>
  );
}

function SuggestionOption({ suggestion }: { suggestion: TherapistSuggestion }) {
  const intl = useIntl();
  return (
    <Paper withBorder p="sm" bg={suggestion.available ? undefined : 'var(--mantine-color-gray-light)'}>
      <Radio
        value={suggestion.staffMemberId}
        aria-label={intl.formatMessage(
          {
            id: 'careTeam.suggestionOption.label',
            defaultMessage:
              '{available, select, true {{name}, score {score}} other {{name}, score {score}, unavailable}}',
          },
          { name: suggestion.displayName, score: suggestion.score, available: String(suggestion.available) },
        )}
        label={
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} size="sm">
              <FormattedMessage
                id="careTeam.suggestionOption.rankAndName"
                defaultMessage="{rank}. {name}"
                values={{ rank: suggestion.rank, name: suggestion.displayName }}
              />
            </Text>
            <Badge variant="light" color={suggestion.available ? 'teal' : 'gray'}>
              {suggestion.score}
            </Badge>
            {!suggestion.available && (
              <Badge color="orange" variant="light">
                <FormattedMessage id="careTeam.suggestionOption.unavailable" defaultMessage="Unavailable" />
              </Badge>
            )}
            {suggestion.isCurrentPrimaryTherapist && (
              <Badge variant="outline">
                <FormattedMessage id="careTeam.suggestionOption.current" defaultMessage="Current" />
              </Badge>
            )}
          </Group>
        }
        description={
          <Stack gap={2} component="span">
            {suggestion.reasons.length > 0 && (
              <Text size="sm" component="span">
                {reasonsLine(suggestion)}
              </Text>
            )}
            {suggestion.concerns.length > 0 && (
              <Text size="sm" c="orange" component="span">
                {concernsLine(suggestion)}
              </Text>
            )}
          </Stack>
        }
      />
    </Paper>
  );
}
