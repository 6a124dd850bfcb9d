import { Container, Stack, Text, Title } from '@mantine/core';
import { ButtonLink } from './links.tsx';

export function NotFoundPage() {
  return (
    <Container size="sm" py="xl">
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
