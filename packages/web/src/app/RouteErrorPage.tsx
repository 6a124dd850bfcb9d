import { Container, Stack, Title } from '@mantine/core';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { ErrorPanel } from './ErrorPanel.tsx';

/** The root error boundary: anything a route failed to load or render lands here, with a way to retry. */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const queryErrorResetBoundary = useQueryErrorResetBoundary();

  useEffect(() => {
    // Let failed suspense queries run again when the route is retried.
    queryErrorResetBoundary.reset();
  }, [queryErrorResetBoundary]);

  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1} size="h2">
          This page could not be shown
        </Title>
        <ErrorPanel
          error={error}
          onRetry={() => {
            reset();
            void router.invalidate();
          }}
        />
      </Stack>
    </Container>
  );
}
