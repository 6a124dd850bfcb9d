import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { IconUserExclamation } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import type { Me } from '../../api/types.ts';
import { meQueryKey, signOut } from '../../auth/api.ts';
import { invitationQueryKeys } from '../api.ts';

/**
 * An invitation link opened in a browser that is signed in: accepting makes a new sign-in for the person the
 * link was sent to, so the server refuses it to anyone signed in. Signing out here shows the form.
 */
export function SignedInAsSomeoneElse({ me, inviteeEmail }: { me: Me; inviteeEmail: string }) {
  const queryClient = useQueryClient();
  const intl = useIntl();
  const signingOut = useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      // Nothing the signed-in person saw may outlive their session; the link's preview and "nobody signed in"
      // stay, so that the form shows at once.
      queryClient.removeQueries({
        predicate: ({ queryKey }) =>
          queryKey[0] !== invitationQueryKeys.all[0] &&
          !(queryKey.length === 1 && queryKey[0] === meQueryKey[0]),
      });
      queryClient.setQueryData(meQueryKey, null);
    },
  });
  const failure = signingOut.error ? describeProblem(signingOut.error) : null;
  return (
    <Stack>
      <Title order={1} size="h2">
        <FormattedMessage id="invitations.signedInAsSomeoneElse.title" defaultMessage="Sign out to accept" />
      </Title>
      <Alert
        color="orange"
        variant="light"
        icon={<IconUserExclamation />}
        title={intl.formatMessage({
          id: 'invitations.signedInAsSomeoneElse.signedInTitle',
          defaultMessage: 'You are signed in',
        })}
      >
        <FormattedMessage
          id="invitations.signedInAsSomeoneElse.explanation"
          defaultMessage="This browser is signed in to Tandem as <b>{name}</b>. The invitation is for <b>{email}</b> and makes a new sign-in for them. Sign out first, then accept it; if it is not meant for you, close this page."
          values={{ name: me.user.name, email: inviteeEmail, b: (chunks) => <b>{chunks}</b> }}
        />
      </Alert>
      {failure && (
        <Text c="red" size="sm">
          {failure.detail ?? failure.title}
        </Text>
      )}
      <Button onClick={() => signingOut.mutate()} loading={signingOut.isPending}>
        <FormattedMessage id="invitations.signedInAsSomeoneElse.signOut" defaultMessage="Sign out" />
      </Button>
    </Stack>
  );
}
