import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { patientQueryKeys } from '../../patients/api.ts';
import { type Episode, WriteConflict } from '../api.ts';

export interface EpisodeDialogProps {
  patientId: string;
  episode: Episode;
  opened: boolean;
  onClose: () => void;
}

/**
 * A write to one episode at the version the dialog was opened on. A stale write (409) leaves `stale`, the episode
 * as someone else left it; `saveOnVersion` then sends what was typed again on that version. Any other failure
 * goes to the form (`showProblem` of useTandemForm).
 */
export function useEpisodeWrite<R>(
  patientId: string,
  episode: Episode,
  write: (atVersion: number) => Promise<R>,
  onDone: (result: R) => void,
  showProblem: (error: unknown) => void,
) {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(episode.version);
  const mutation = useMutation({
    mutationFn: write,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: patientQueryKeys.record(patientId) });
      onDone(result);
    },
    onError: (error) => {
      if (!(error instanceof WriteConflict)) showProblem(error);
    },
  });
  const stale =
    mutation.error instanceof WriteConflict
      ? (mutation.error.body.current as Episode | undefined)
      : undefined;
  const saveOnVersion = (atVersion: number) => {
    setVersion(atVersion);
    mutation.mutate(atVersion);
  };
  return {
    mutation,
    stale,
    save: () => mutation.mutate(version),
    saveOnVersion,
    setVersion,
  };
}

/** The refusal of a stale write, shown above a form that keeps everything typed. */
export function StaleNotice({ children, onReapply }: { children: ReactNode; onReapply: () => void }) {
  const intl = useIntl();
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertCircle />}
      title={intl.formatMessage({
        id: 'admission.staleNotice.title',
        defaultMessage: 'Someone else changed this episode',
      })}
    >
      <Stack gap="xs">
        {children}
        <Text size="sm">
          <FormattedMessage
            id="admission.staleNotice.entriesKept"
            defaultMessage="Your entries are kept below. Check them against the change, then save again."
          />
        </Text>
        <Group>
          <Button size="xs" variant="light" color="orange" onClick={onReapply}>
            <FormattedMessage
              id="admission.staleNotice.saveMine"
              defaultMessage="Save mine on the new version"
            />
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Cancel, and the dialog's submit button showing progress while the write is on its way. */
export function EpisodeDialogFooter({
  onCancel,
  pending,
  color,
  children,
}: {
  onCancel: () => void;
  pending: boolean;
  color?: string;
  children: ReactNode;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        <FormattedMessage id="admission.episodeDialogFooter.cancel" defaultMessage="Cancel" />
      </Button>
      <Button type="submit" color={color} loading={pending}>
        {children}
      </Button>
    </Group>
  );
}
