import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { describeProblem } from '../../api/problem.ts';
import { patientQueryKeys } from '../../patients/api.ts';
import { type Episode, WriteConflict } from '../api.ts';

export interface EpisodeDialogProps {
  patientId: string;
  episode: Episode;
  opened: boolean;
  onClose: () => void;
}

export function useEpisodeWrite<T, R>(
  patientId: string,
  write: (body: T) => Promise<R>,
  onDone: (result: R) => void,
) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: write,
    onSuccess: (result) => {
      setErrors({});
      void queryClient.invalidateQueries({ queryKey: patientQueryKeys.record(patientId) });
      onDone(result);
    },
    onError: (error) => {
      if (!(error instanceof WriteConflict)) setErrors(describeProblem(error).fieldErrors);
    },
  });
  return { mutation, errors, setErrors };
}

/** The refusal of a stale write, shown above a form that keeps everything typed. */
export function StaleNotice({ children, onReapply }: { children: ReactNode; onReapply: () => void }) {
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertCircle />}
      title="Someone else changed this episode"
    >
      <Stack gap="xs">
        {children}
        <Text size="sm">Your entries are kept below. Check them against the change, then save again.</Text>
        <Group>
          <Button size="xs" variant="light" color="orange" onClick={onReapply}>
            Save mine on the new version
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

export function FailureNotice({ error }: { error: unknown }) {
  if (!error || error instanceof WriteConflict) return null;
  const failure = describeProblem(error);
  if (Object.keys(failure.fieldErrors).length > 0) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle />} title={failure.title}>
      {failure.detail}
    </Alert>
  );
}
