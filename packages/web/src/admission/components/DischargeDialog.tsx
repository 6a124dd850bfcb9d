import {
  Alert,
  Button,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { careTeamRoleLabels, dischargeTypeLabels } from '@tandem/core/admission/vocabulary';
import { type FormEvent, useState } from 'react';
import { Dialog } from '../../app/Dialog.tsx';
import { useProgramToday } from '../../app/program-today.ts';
import { dischargeEpisode } from '../api.ts';
import { optionsOf } from '../labels.ts';
import {
  EpisodeDialogFooter,
  type EpisodeDialogProps,
  FailureNotice,
  StaleNotice,
  useEpisodeWrite,
} from './EpisodeWriteParts.tsx';

/** Discharge: date, type and aftercare plan. The care team stays in place; the answer says who. */
export function DischargeDialog({ patientId, episode, opened, onClose }: EpisodeDialogProps) {
  const today = useProgramToday();
  const [values, setValues] = useState({ dischargedOn: today, dischargeType: '', aftercarePlan: '' });
  const [remains, setRemains] = useState<{ displayName: string; role: string }[] | null>(null);
  const { mutation, errors, setErrors, stale, save, saveOnVersion } = useEpisodeWrite(
    patientId,
    episode,
    (atVersion: number) =>
      dischargeEpisode(patientId, episode.id, {
        dischargedOn: values.dischargedOn,
        dischargeType: values.dischargeType as never,
        aftercarePlan: values.aftercarePlan,
        version: atVersion,
      }),
    (result) => setRemains(result.careTeamRemains),
  );
  const set = (change: Partial<typeof values>) => {
    setValues((current) => ({ ...current, ...change }));
    setErrors({});
  };
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (values.dischargeType === '') found.dischargeType = 'Choose the type of discharge';
    if (values.dischargeType !== 'death' && values.aftercarePlan.trim() === '')
      found.aftercarePlan = 'Write the aftercare plan: follow-up, recovery supports, who to call';
    setErrors(found);
    if (Object.keys(found).length === 0) save();
  }
  if (remains !== null) {
    return (
      <Dialog opened={opened} onClose={onClose} title="Discharged" size="lg">
        <Stack>
          <Text>The episode is closed. The care team stays in place for aftercare and follow-up:</Text>
          <List>
            {remains.map((member) => (
              <List.Item key={`${member.displayName}-${member.role}`}>
                {member.displayName}, {careTeamRoleLabels[member.role as keyof typeof careTeamRoleLabels]}
              </List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            End places on the care team tab when they are no longer needed.
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              Done
            </Button>
          </Group>
        </Stack>
      </Dialog>
    );
  }
  return (
    <Dialog opened={opened} onClose={onClose} title="Discharge" size="lg">
      <form onSubmit={submit} noValidate aria-label="Discharge">
        <Stack>
          {stale && stale.status === 'active' && (
            <StaleNotice onReapply={() => saveOnVersion(stale.version)}>
              <Text size="sm">Review the episode's latest level of care before discharging.</Text>
            </StaleNotice>
          )}
          {stale && stale.status !== 'active' && (
            <Alert color="orange" variant="light" title="Already discharged">
              Someone else discharged this episode on {stale.dischargedOn}. Your aftercare plan is still below
              to copy.
            </Alert>
          )}
          <FailureNotice error={mutation.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label="Discharge date"
              withAsterisk
              data-autofocus
              value={values.dischargedOn}
              onChange={(event) => set({ dischargedOn: event.currentTarget.value })}
              error={errors.dischargedOn}
            />
            <NativeSelect
              label="Type of discharge"
              withAsterisk
              value={values.dischargeType}
              data={[{ value: '', label: 'Choose…' }, ...optionsOf(dischargeTypeLabels)]}
              onChange={(event) => set({ dischargeType: event.currentTarget.value })}
              error={errors.dischargeType}
            />
          </SimpleGrid>
          <Textarea
            label="Aftercare plan"
            description="Follow-up appointments, recovery supports, medication continuity, who to call"
            autosize
            minRows={4}
            value={values.aftercarePlan}
            onChange={(event) => set({ aftercarePlan: event.currentTarget.value })}
            error={errors.aftercarePlan}
          />
          <EpisodeDialogFooter onCancel={onClose} pending={mutation.isPending} color="red">
            Discharge
          </EpisodeDialogFooter>
        </Stack>
      </form>
    </Dialog>
  );
}
