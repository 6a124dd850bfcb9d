import type { UiLanguage } from '@tandem/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import { meQueryKey } from '../auth/api.ts';

/** The signed-in person chooses their language (null: follow the organization); every page follows at once. */
export function useChooseLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (language: UiLanguage | null) => unwrap(api.PUT('/api/me/language', { body: { language } })),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
