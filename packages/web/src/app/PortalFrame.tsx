import { AppShell, Container } from '@mantine/core';
import type { ReactNode } from 'react';
import { FrameHeader } from './FrameHeader.tsx';
import { mainContentId, SkipLink } from './SkipLink.tsx';

/** The simpler frame for patients and their loved ones: no workspace navigation, a narrow reading column. */
export function PortalFrame({ children }: { children: ReactNode }) {
  return (
    <AppShell header={{ height: 56 }} padding="lg">
      <SkipLink />
      <AppShell.Header>
        <FrameHeader />
      </AppShell.Header>
      <AppShell.Main id={mainContentId} tabIndex={-1}>
        <Container size="sm" px={0}>
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
