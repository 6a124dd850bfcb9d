import { Alert, Button, Group, Paper, Radio, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { type UiLanguage, uiLanguages } from '@tandem/core';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, unwrap } from '../../api/client.ts';
import { describeProblem } from '../../api/problem.ts';
import { meQueryKey } from '../../auth/api.ts';
import { languageEndonyms } from '../language-names.ts';

const organizationLanguageQueryOptions = queryOptions({
  queryKey: ['organization', 'language'],
  queryFn: ({ signal }) => unwrap(api.GET('/api/organization/language', { signal })),
});

/** Administrators: the language people read until they choose their own, and the program writes in by default. */
export function OrganizationLanguageSection() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const setting = useQuery(organizationLanguageQueryOptions);
  const [chosen, setChosen] = useState<UiLanguage>('en');
  useEffect(() => {
    if (setting.data) setChosen(setting.data.defaultLanguage);
  }, [setting.data]);

  const save = useMutation({
    mutationFn: (defaultLanguage: UiLanguage) =>
      unwrap(
        api.PUT('/api/organization/language', {
          body: { defaultLanguage, version: setting.data?.version ?? 1 },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(organizationLanguageQueryOptions.queryKey, saved);
      // People who follow the program's language switch with it.
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
      notifications.show({
        color: 'green',
        title: intl.formatMessage({
          id: 'i18n.organizationLanguage.saved',
          defaultMessage: 'Program language saved',
        }),
        message: intl.formatMessage({
          id: 'i18n.organizationLanguage.savedDetail',
          defaultMessage: 'Everyone who has not chosen a language of their own now reads Tandem in it.',
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
          <FormattedMessage id="i18n.organizationLanguage.title" defaultMessage="Program language" />
        </Title>
        <Text size="sm" c="dimmed">
          <FormattedMessage
            id="i18n.organizationLanguage.explanation"
            defaultMessage="What staff, patients and families read until they choose their own language, and what invitations and messages are written in when the program does not know the reader's. A patient's portal follows their preferred language when Tandem is written in it."
          />
        </Text>
        {problem && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={problem.title}>
            {problem.detail}
          </Alert>
        )}
        {setting.isPending ? (
          <Skeleton height={60} />
        ) : (
          <Radio.Group
            label={intl.formatMessage({
              id: 'i18n.organizationLanguage.label',
              defaultMessage: 'Default language',
            })}
            value={chosen}
            onChange={(value) => setChosen(value as UiLanguage)}
          >
            <Group mt="xs">
              {uiLanguages.map((language) => (
                <Radio
                  key={language}
                  value={language}
                  label={
                    <span lang={language} translate="no">
                      {languageEndonyms[language]}
                    </span>
                  }
                />
              ))}
            </Group>
          </Radio.Group>
        )}
        <Group>
          <Button
            onClick={() => save.mutate(chosen)}
            loading={save.isPending}
            disabled={setting.data === undefined || chosen === setting.data.defaultLanguage}
          >
            <FormattedMessage id="i18n.organizationLanguage.save" defaultMessage="Save program language" />
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
