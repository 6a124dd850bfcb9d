import { Container, Stack, Title } from '@mantine/core';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useContext, useEffect } from 'react';
import { FormattedMessage } from 'react-intl';
import { MeContext } from '../auth/me-context.ts';
import { ErrorPanel } from './ErrorPanel.tsx';

/** The root error boundary: anything a route failed to load or render lands here, with a way to retry. */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const queryErrorResetBoundary = useQueryErrorResetBoundary();

  useEffect(() => {
    // Let failed suspense queries run again when the route is retried.
    queryErrorResetBoundary.reset();
  }, [queryErrorResetBoundary]);

  // Inside a signed-in frame the page is already in its <main>; on its own it is the main content itself.
  const inFrame = useContext(MeContext) !== null;
  return (
    <Container component={inFrame ? 'div' : 'main'} size="sm" py="xl">
      <Stack>
        <Title order={1} size="h2">
          <FormattedMessage id="app.routeErrorPage.title" defaultMessage="This page could not be shown" />
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
