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
import { therapeuticApproachLabels } from '@tandem/core/staff/approaches';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeProblem } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
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
  type AssignmentErrors,
  type AssignmentValues,
  concernsLine,
  confirmationFor,
  reasonsLine,
  validateAssignment,
} from '../choice.ts';

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
  const queryClient = useQueryClient();
  const suggestions = useQuery({ ...therapistSuggestionsQueryOptions(patientId), enabled: canRank });
  const staff = useQuery({ ...staffListQueryOptions, enabled: !canRank });
  const [values, setValues] = useState<AssignmentValues>({
    staffMemberId: null,
    reason: '',
    confirmedUnavailable: false,
  });
  const [errors, setErrors] = useState<AssignmentErrors>({});
  const [conflict, setConflict] = useState<string | null>(null);

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
  const chosen = options.find((option) => option.staffMemberId === values.staffMemberId);

  const assign = useMutation({
    mutationFn: () =>
      assignCareTeamPlace(patientId, {
        staffMemberId: values.staffMemberId ?? '',
        role: 'primary_therapist',
        reason: values.reason.trim() === '' ? undefined : values.reason.trim(),
        replacesMemberId: current?.id ?? null,
      }),
    onSuccess: () => {
      notifications.show({
        color: 'teal',
        message: `${chosen?.displayName ?? 'The clinician'} is now the primary therapist.`,
      });
      invalidateAfterTeamChange(queryClient, patientId);
      onClose();
    },
    onError: (error) => {
      const problem = describeProblem(error);
      if (problem.status === 409) {
        // The team changed meanwhile: show it as it is now, keep the choice and the reason typed.
        setConflict(problem.detail ?? problem.title);
        invalidateAfterTeamChange(queryClient, patientId);
        return;
      }
      setErrors({
        staffMemberId: problem.fieldErrors.staffMemberId ?? problem.fieldErrors.role,
        reason: problem.fieldErrors.reason,
      });
    },
  });

  const set = <K extends keyof AssignmentValues>(field: K, value: AssignmentValues[K]) => {
    setValues((before) => ({
      ...before,
      [field]: value,
      ...(field === 'staffMemberId' ? { confirmedUnavailable: false } : {}),
    }));
    setErrors((before) => ({ ...before, [field]: undefined }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateAssignment(values, { replacing: current !== null, chosen });
    setErrors(found);
    if (Object.keys(found).length === 0) {
      setConflict(null);
      assign.mutate();
    }
  };
  const problem = assign.isError ? describeProblem(assign.error) : null;
  const confirmation = chosen === undefined ? null : confirmationFor(chosen);

  return (
    <Dialog
      opened
      onClose={onClose}
      size="xl"
      title={current === null ? 'Assign a primary therapist' : 'Change the primary therapist'}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {current !== null && (
            <Text size="sm">
              Now: <strong>{current.staffName}</strong>. Assigning someone else ends their place.
            </Text>
          )}
          {conflict !== null && (
            <Alert color="yellow" icon={<IconAlertTriangle />} title="The care team changed meanwhile">
              {conflict} Your choice and reason are kept: check the list and assign again.
            </Alert>
          )}
          {canRank && suggestions.isPending && <Skeleton height={240} aria-label="Ranking clinicians" />}
          {canRank && suggestions.isError && (
            <ErrorPanel error={suggestions.error} onRetry={() => void suggestions.refetch()} />
          )}
          {canRank && suggestions.isSuccess && <RankingBasis ranking={suggestions.data} />}
          {!canRank && (
            <Text size="sm" c="dimmed">
              The ranking reads the patient’s admission, which is open to the care team only; choose from the
              program’s clinicians.
            </Text>
          )}
          {!canRank ? (
            <Select
              label="Primary therapist"
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
                label="Clinicians, best fit first"
                description="The ranking suggests; the choice is yours. Use the arrow keys to move through the list."
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
            label="Reason"
            description={
              current === null
                ? 'Optional; kept in the care team history.'
                : 'Why the primary therapist changes; kept in the care team history.'
            }
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
          {problem !== null && problem.status !== 409 && Object.keys(problem.fieldErrors).length === 0 && (
            <Text c="red" size="sm">
              {problem.detail ?? problem.title}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={assign.isPending} disabled={options.length === 0}>
              Assign {chosen?.displayName ?? ''}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

/** What the ranking was given, so the clinician can check it: substances, conditions, language, preferences. */
function RankingBasis({ ranking }: { ranking: TherapistSuggestions }) {
  const { basis } = ranking;
  return (
    <Stack gap="xs">
      {ranking.episode === null && (
        <Text size="sm" c="dimmed">
          No admission recorded yet: the ranking weighs language, preferences and caseload only.
        </Text>
      )}
      {ranking.suggestedApproaches.length > 0 && (
        <Text size="sm">
          <strong>Suggested approaches: </strong>
          {ranking.suggestedApproaches.map((suggested, index) => (
            <span key={suggested.approach} title={`${suggested.reason}. Source: ${suggested.source}`}>
              {index > 0 ? ', ' : ''}
              {therapeuticApproachLabels[suggested.approach]} ({suggested.reason})
            </span>
          ))}
        </Text>
      )}
      {basis.earlierTherapists.length > 0 && (
        <Text size="sm">
          <strong>Earlier therapists: </strong>
          {basis.earlierTherapists.map((therapist) => therapist.displayName).join(', ')}
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
  return (
    <Paper withBorder p="sm" bg={suggestion.available ? undefined : 'var(--mantine-color-gray-light)'}>
      <Radio
        value={suggestion.staffMemberId}
        aria-label={`${suggestion.displayName}, score ${suggestion.score}${suggestion.available ? '' : ', unavailable'}`}
        label={
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} size="sm">
              {suggestion.rank}. {suggestion.displayName}
            </Text>
            <Badge variant="light" color={suggestion.available ? 'teal' : 'gray'}>
              {suggestion.score}
            </Badge>
            {!suggestion.available && (
              <Badge color="orange" variant="light">
                Unavailable
              </Badge>
            )}
            {suggestion.isCurrentPrimaryTherapist && <Badge variant="outline">Current</Badge>}
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
