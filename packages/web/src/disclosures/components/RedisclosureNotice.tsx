import { Alert, Spoiler, Stack, Text, type TextProps } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  readsOfficialLanguage,
  redisclosureNotice,
  redisclosureStatement,
  redisclosureTranslations,
} from '../redisclosure-notice.ts';

/**
 * The law's English text, and beneath it the translation, each labelled: a translation of a legal notice never
 * stands alone, the English is what binds.
 */
function OfficialWithTranslation({
  official,
  translation,
  ...textProps
}: { official: string; translation: string } & TextProps) {
  return (
    <Stack gap={6}>
      <div>
        <Text size="xs" c="dimmed" fw={600} ta={textProps.ta}>
          <FormattedMessage
            id="disclosures.redisclosureNotice.officialLabel"
            description="Shown only in a translation, above the official English text of a legal notice"
            defaultMessage="Official text (English)"
          />
        </Text>
        {/* The law's own words: never translated, by a person or a browser's translation tool. */}
        <Text lang="en" translate="no" {...textProps}>
          {official}
        </Text>
      </div>
      <div>
        <Text size="xs" c="dimmed" fw={600} ta={textProps.ta}>
          <FormattedMessage
            id="disclosures.redisclosureNotice.translationLabel"
            description="Shown only in a translation, above the translation of a legal notice into the page's language"
            defaultMessage="Translation"
          />
        </Text>
        <Text {...textProps}>{translation}</Text>
      </div>
    </Stack>
  );
}

/**
 * The notice 42 CFR 2.32 requires with every disclosure made under the patient's consent: the abbreviated
 * statement, large, and the full statement beneath it. The official text comes from core; a reader of another
 * language reads it with its translation.
 */
export function RedisclosureNotice() {
  const intl = useIntl();
  const official = readsOfficialLanguage(intl.locale);
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconShieldLock />}
      title={official ? <span translate="no">{redisclosureNotice}</span> : undefined}
      data-testid="redisclosure-notice"
      styles={{ title: { fontSize: 'var(--mantine-font-size-md)' } }}
    >
      <Stack gap={4}>
        {!official && (
          <OfficialWithTranslation
            official={redisclosureNotice}
            translation={intl.formatMessage(redisclosureTranslations.notice)}
            fw={700}
          />
        )}
        <Text size="sm">
          <FormattedMessage
            id="disclosures.redisclosureNotice.doNotShare"
            defaultMessage="Do not share what you see here with anyone else."
          />
        </Text>
        <Spoiler
          maxHeight={0}
          showLabel={intl.formatMessage({
            id: 'disclosures.redisclosureNotice.showFull',
            defaultMessage: 'Read the full notice',
          })}
          hideLabel={intl.formatMessage({
            id: 'disclosures.redisclosureNotice.hideFull',
            defaultMessage: 'Hide the full notice',
          })}
        >
          {official ? (
            <Text size="xs" translate="no">
              {redisclosureStatement}
            </Text>
          ) : (
            <OfficialWithTranslation
              official={redisclosureStatement}
              translation={intl.formatMessage(redisclosureTranslations.statement)}
              size="xs"
            />
          )}
        </Spoiler>
      </Stack>
    </Alert>
  );
}

/** The abbreviated notice once more, where what was disclosed ends. */
export function RedisclosureNoticeLine() {
  const intl = useIntl();
  if (readsOfficialLanguage(intl.locale)) {
    return (
      <Text size="sm" fw={700} ta="center" translate="no">
        {redisclosureNotice}
      </Text>
    );
  }
  return (
    <OfficialWithTranslation
      official={redisclosureNotice}
      translation={intl.formatMessage(redisclosureTranslations.notice)}
      size="sm"
      fw={700}
      ta="center"
    />
  );
}
