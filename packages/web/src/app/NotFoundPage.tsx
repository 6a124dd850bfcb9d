import { Container, Stack, Text, Title } from '@mantine/core';
import { useContext } from 'react';
import { FormattedMessage } from 'react-intl';
import { MeContext } from '../auth/me-context.ts';
import { ButtonLink } from './links.tsx';

export function NotFoundPage() {
  // Inside a signed-in frame the page is already in its <main>; on its own it is the main content itself.
  const inFrame = useContext(MeContext) !== null;
  return (
    <Container component={inFrame ? 'div' : 'main'} size="sm" py="xl">
      <Stack align="flex-start">
        <Title order={1}>
          <FormattedMessage id="app.notFound.title" defaultMessage="Page not found" />
        </Title>
        <Text c="dimmed">
          <FormattedMessage
            id="app.notFound.explanation"
            defaultMessage="There is no page at this address. It may have moved, or the link may be mistyped."
          />
        </Text>
        <ButtonLink to="/">
          <FormattedMessage id="app.notFound.toDashboard" defaultMessage="Go to the dashboard" />
        </ButtonLink>
      </Stack>
    </Container>
  );
}
