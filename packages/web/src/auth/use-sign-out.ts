import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { describeProblem } from '../api/problem.ts';
import { signOut } from './api.ts';

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const intl = useIntl();
  return useMutation({
    mutationFn: signOut,
    onSuccess: async () => {
      // The sign-in route asks the server again, finds no session and stays; then everything cached for
      // this person goes, so nothing they saw outlives the session on a shared workstation.
      await navigate({ to: '/sign-in' });
      queryClient.clear();
    },
    onError: (error) => {
      const problem = describeProblem(error);
      notifications.show({
        color: 'red',
        title: intl.formatMessage({ id: 'auth.useSignOut.failed', defaultMessage: 'Could not sign out' }),
        message: problem.detail ?? problem.title,
      });
    },
  });
}
