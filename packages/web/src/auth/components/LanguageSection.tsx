import { Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isUiLanguage, uiLanguages } from '@tandem/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import { useChooseLanguage } from '../../i18n/api.ts';
import { languageEndonyms } from '../../i18n/language-names.ts';
import { useMe } from '../me-context.ts';

/** What the group's value is when the person follows the organization: their preference is null. */
const organizationDefault = 'default';

/**
 * The language the person reads Tandem in: their own choice, or the organization's default (null). Each language
 * is named in itself, so that someone who cannot read the current one still finds their own.
 */
export function LanguageSection() {
  const me = useMe();
  const intl = useIntl();
  const chooseLanguage = useChooseLanguage();
  const orgLanguage = me.organization.defaultLanguage;
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          <FormattedMessage id="auth.languageSection.title" defaultMessage="Language" />
        </Title>
        <Radio.Group
          label={intl.formatMessage({
            id: 'auth.languageSection.label',
            defaultMessage: 'Show Tandem in',
          })}
          description={intl.formatMessage({
            id: 'auth.languageSection.description',
            defaultMessage: 'Tandem shows its pages in this language wherever you sign in.',
          })}
          value={me.languagePreference ?? organizationDefault}
          onChange={(value) =>
            chooseLanguage.mutate(isUiLanguage(value) ? value : null, {
              onError: (error) => {
                const problem = describeProblem(error);
                notifications.show({
                  color: 'red',
                  title: intl.formatMessage({
                    id: 'auth.languageSection.failed',
                    defaultMessage: 'Could not change the language',
                  }),
                  message: problem.detail ?? problem.title,
                });
              },
            })
          }
          data-testid="language-preference"
        >
          <Stack gap={6} mt="xs">
            <Radio
              value={organizationDefault}
              disabled={chooseLanguage.isPending}
              label={
                <FormattedMessage
                  id="auth.languageSection.organizationDefault"
                  defaultMessage="Organization default ({language})"
                  values={{ language: <span lang={orgLanguage}>{languageEndonyms[orgLanguage]}</span> }}
                />
              }
            />
            {uiLanguages.map((language) => (
              <Radio
                key={language}
                value={language}
                disabled={chooseLanguage.isPending}
                label={<span lang={language}>{languageEndonyms[language]}</span>}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Text size="xs" c="dimmed">
          <FormattedMessage
            id="auth.languageSection.dataNote"
            defaultMessage="What people write, such as names and notes, stays in the language it was written in."
          />
        </Text>
      </Stack>
    </Paper>
  );
}
