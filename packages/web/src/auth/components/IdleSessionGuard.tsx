import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { Middleware } from 'openapi-fetch';
import { useCallback, useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../api/client.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { signOut } from '../api.ts';
import {
  durationText,
  type IdleClock,
  type IdlePhase,
  idlePhase,
  shouldKeepAlive,
  signOutAt,
} from '../idle-timeout.ts';
import { keepSessionAlive, securityQueryOptions } from '../security-api.ts';

/** Shared by the tabs of this browser: a request in one tab restarts the clock in all. */
const lastSeenStorageKey = 'tandem.session.lastSeenAt';
const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Signs the person out after the server's idle timeout, warning shortly before. Counts from the last request the
 * server saw from this browser; using the page (clicks, keys) sends a sign of life now and then, so an active
 * person is never signed out, and an idle one is signed out here at the moment the server ends the session.
 */
export function IdleSessionGuard() {
  const security = useQuery(securityQueryOptions);
  const seconds = security.data?.session.idleTimeoutSeconds;
  if (seconds === undefined || seconds <= 0) return null;
  return <IdleWatch idleTimeoutSeconds={seconds} />;
}

function IdleWatch({ idleTimeoutSeconds }: { idleTimeoutSeconds: number }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const intl = useIntl();
  const idleTimeoutMs = idleTimeoutSeconds * 1000;
  const lastSeenAt = useRef(Date.now());
  const keepingAlive = useRef(false);
  const signingOut = useRef(false);
  const [phase, setPhase] = useState<IdlePhase>('active');
  const [now, setNow] = useState(Date.now());

  const clock = useCallback(
    (): IdleClock => ({ lastSeenAt: lastSeenAt.current, idleTimeoutMs }),
    [idleTimeoutMs],
  );

  const seen = useCallback(
    (at: number, share: boolean) => {
      if (at <= lastSeenAt.current) return;
      lastSeenAt.current = at;
      if (share) {
        try {
          localStorage.setItem(lastSeenStorageKey, String(at));
        } catch {
          // Storage may be off (private mode): tabs then keep their own clocks.
        }
      }
      setPhase(idlePhase(clock(), Date.now()));
    },
    [clock],
  );

  const signOutIdle = useCallback(async () => {
    if (signingOut.current) return;
    signingOut.current = true;
    await signOut().catch(() => {});
    await navigate({ to: '/sign-in', search: { idle: idleTimeoutSeconds }, replace: true });
    queryClient.clear();
  }, [idleTimeoutSeconds, navigate, queryClient]);

  const keepAlive = useCallback(async () => {
    if (keepingAlive.current) return;
    keepingAlive.current = true;
    try {
      await keepSessionAlive();
    } catch {
      // The server ended the session already (or is unreachable): the me query notices on its next call.
    } finally {
      keepingAlive.current = false;
    }
  }, []);

  // Every successful API call is a request the server saw.
  useEffect(() => {
    const middleware: Middleware = {
      onResponse({ response }) {
        if (response.ok) seen(Date.now(), true);
        return response;
      },
    };
    api.use(middleware);
    return () => api.eject(middleware);
  }, [seen]);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === lastSeenStorageKey && event.newValue) seen(Number(event.newValue), false);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [seen]);

  // Using the page counts only while no warning shows: then the person has to answer it.
  useEffect(() => {
    const onActivity = () => {
      const current = Date.now();
      if (idlePhase(clock(), current) !== 'active') return;
      if (shouldKeepAlive(clock(), current)) void keepAlive();
    };
    for (const type of activityEvents) window.addEventListener(type, onActivity, { passive: true });
    return () => {
      for (const type of activityEvents) window.removeEventListener(type, onActivity);
    };
  }, [clock, keepAlive]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      const current = Date.now();
      const next = idlePhase(clock(), current);
      setPhase(next);
      if (next !== 'active') setNow(current);
      if (next === 'expired') void signOutIdle();
    }, 500);
    return () => window.clearInterval(timer);
  }, [clock, signOutIdle]);

  const secondsLeft = Math.max(0, Math.ceil((signOutAt(clock()) - now) / 1000));
  return (
    <Dialog
      opened={phase === 'warning'}
      onClose={() => void keepAlive()}
      title={intl.formatMessage({
        id: 'auth.idleSessionGuard.title',
        defaultMessage: 'Are you still there?',
      })}
      centered
      closeOnClickOutside={false}
    >
      <Stack>
        <Text size="sm">
          <FormattedMessage
            id="auth.idleSessionGuard.warning"
            defaultMessage="To protect patients' information, Tandem signs you out after {timeout} without activity. You will be signed out in <strong>{left}</strong>."
            values={{
              timeout: durationText(intl, idleTimeoutSeconds),
              left: durationText(intl, secondsLeft),
              strong: (chunks) => <strong>{chunks}</strong>,
            }}
          />
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void signOutIdle()}>
            <FormattedMessage id="auth.idleSessionGuard.signOutNow" defaultMessage="Sign out now" />
          </Button>
          <Button onClick={() => void keepAlive()} data-autofocus>
            <FormattedMessage id="auth.idleSessionGuard.staySignedIn" defaultMessage="Stay signed in" />
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
