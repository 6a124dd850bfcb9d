import { Container, Stack, Text, Title } from '@mantine/core';
import { useContext } from 'react';
import { MeContext } from '../auth/me-context.ts';
import { ButtonLink } from './links.tsx';

export function NotFoundPage() {
  // Inside a signed-in frame the page is already in its <main>; on its own it is the main content itself.
  const inFrame = useContext(MeContext) !== null;
  return (
    <Container component={inFrame ? 'div' : 'main'} size="sm" py="xl">
      <Stack align="flex-start">
        <Title order={1}>Page not found</Title>
        <Text c="dimmed">
          There is no page at this address. It may have moved, or the link may be mistyped.
        </Text>
        <ButtonLink to="/">Go to the dashboard</ButtonLink>
      </Stack>
    </Container>
  );
}
