import { Alert, Button, Checkbox, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, unwrap } from '../../api/client.ts';
import { describeProblem } from '../../api/problem.ts';

const mailWordingQueryOptions = queryOptions({
  queryKey: ['organization', 'mail-wording'],
  queryFn: ({ signal }) => unwrap(api.GET('/api/organization/mail-wording', { signal })),
});

/**
 * Administrators: whether invitations to patients and loved ones may name the program. Off by default: mail leaves
 * the program (42 CFR Part 2), and a mail client shows the first line of a message to whoever glances at it.
 */
export function MailWordingSection() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const setting = useQuery(mailWordingQueryOptions);
  const [namesProgram, setNamesProgram] = useState(false);
  useEffect(() => {
    if (setting.data) setNamesProgram(setting.data.namesProgram);
  }, [setting.data]);

  const save = useMutation({
    mutationFn: (value: boolean) =>
      unwrap(
        api.PUT('/api/organization/mail-wording', {
          body: { namesProgram: value, version: setting.data?.version ?? 1 },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(mailWordingQueryOptions.queryKey, saved);
      notifications.show({
        color: 'green',
        title: intl.formatMessage({ id: 'outbox.mailWording.saved', defaultMessage: 'Mail wording saved' }),
        message: intl.formatMessage({
          id: 'outbox.mailWording.savedDetail',
          defaultMessage: 'Invitations from now on are worded this way.',
        }),
      });
    },
    onError: () => void setting.refetch(),
  });
  const problem = save.error ? describeProblem(save.error) : null;

  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          <FormattedMessage id="outbox.mailWording.title" defaultMessage="What mail may say" />
        </Title>
        <Text size="sm" c="dimmed">
          <FormattedMessage
            id="outbox.mailWording.explanation"
            defaultMessage="Mail leaves the program: mailboxes are shared and previews are read over shoulders. Invitations to patients and loved ones never name the program or anything clinical in their subject; unless you allow it here, they do not name the program in their text either. A loved one's invitation names it only when the patient's consent also lets the program disclose attendance."
          />
        </Text>
        {problem && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={problem.title}>
            {problem.detail}
          </Alert>
        )}
        {setting.isPending ? (
          <Skeleton height={40} />
        ) : (
          <Checkbox
            checked={namesProgram}
            onChange={(event) => setNamesProgram(event.currentTarget.checked)}
            label={intl.formatMessage({
              id: 'outbox.mailWording.namesProgram',
              defaultMessage: 'Name the program in the text of invitations to patients and loved ones',
            })}
          />
        )}
        <Group>
          <Button
            onClick={() => save.mutate(namesProgram)}
            loading={save.isPending}
            disabled={setting.data === undefined || namesProgram === setting.data.namesProgram}
          >
            <FormattedMessage id="outbox.mailWording.save" defaultMessage="Save mail wording" />
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
