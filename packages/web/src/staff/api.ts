import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';

export const staffQueryKeys = {
  all: ['staff'] as const,
  list: () => [...staffQueryKeys.all, 'list'] as const,
  detail: (staffMemberId: string) => [...staffQueryKeys.all, 'detail', staffMemberId] as const,
};

export const staffListQueryOptions = queryOptions({
  queryKey: staffQueryKeys.list(),
  queryFn: async ({ signal }) => (await unwrap(api.GET('/api/staff', { signal }))).items,
});

export function staffMemberQueryOptions(staffMemberId: string) {
  return queryOptions({
    queryKey: staffQueryKeys.detail(staffMemberId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/staff/{staffMemberId}', { params: { path: { staffMemberId } }, signal })),
  });
}

export function deactivateStaffMember(staffMemberId: string) {
  return unwrap(
    api.POST('/api/staff/{staffMemberId}/deactivate', { params: { path: { staffMemberId } }, body: {} }),
  );
}
