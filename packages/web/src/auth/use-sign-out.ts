import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { describeProblem } from '../api/problem.ts';
import { signOut } from './api.ts';

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    onSuccess: async () => {
      // Drop everything cached for this person (the me query included) so nothing they saw outlives
      // the session on a shared workstation.
      queryClient.clear();
      await navigate({ to: '/sign-in' });
    },
    onError: (error) => {
      const problem = describeProblem(error);
      notifications.show({
        color: 'red',
        title: 'Could not sign out',
        message: problem.detail ?? problem.title,
      });
    },
  });
}
