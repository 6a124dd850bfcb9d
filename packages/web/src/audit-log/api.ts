import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { components } from '../api/schema.generated.ts';
import { type AuditFilters, auditQueryParams } from './filters.ts';

export type AuditLogEntry = components['schemas']['AuditLogEntry'];
export type AccessLogEntry = components['schemas']['AccessLogEntry'];
export type BreakGlassGrantEntry = components['schemas']['BreakGlassGrantEntry'];
export type OrganizationMember = components['schemas']['OrganizationMember'];

const pageSize = 50;

export const auditQueryKeys = {
  all: ['audit'] as const,
  events: (filters: AuditFilters) => [...auditQueryKeys.all, 'events', auditQueryParams(filters)] as const,
  members: () => [...auditQueryKeys.all, 'members'] as const,
  grants: (reviewed: boolean) => [...auditQueryKeys.all, 'break-glass-grants', { reviewed }] as const,
  accessLog: (patientId: string) => [...auditQueryKeys.all, 'access-log', patientId] as const,
};

/** The audit trail page by page, newest first ("Load more" asks for the next, older page). */
export function auditEventsQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: auditQueryKeys.events(filters),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/audit-events', {
          params: {
            query: {
              ...auditQueryParams(filters),
              limit: pageSize,
              ...(pageParam === undefined ? {} : { cursor: pageParam }),
            },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // The trail grows with every request (reading it included): never show a cached page as current.
    staleTime: 0,
  });
}

export const organizationMembersQueryOptions = queryOptions({
  queryKey: auditQueryKeys.members(),
  queryFn: async ({ signal }) => (await unwrap(api.GET('/api/audit-events/members', { signal }))).items,
  staleTime: 5 * 60_000,
});

export function accessLogQueryOptions(patientId: string) {
  return infiniteQueryOptions({
    queryKey: auditQueryKeys.accessLog(patientId),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/patients/{patientId}/access-log', {
          params: {
            path: { patientId },
            query: { limit: pageSize, ...(pageParam === undefined ? {} : { cursor: pageParam }) },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 0,
  });
}

export function breakGlassGrantsQueryOptions(reviewed: boolean) {
  return infiniteQueryOptions({
    queryKey: auditQueryKeys.grants(reviewed),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/break-glass-grants', {
          params: {
            query: {
              reviewed: reviewed ? 'true' : 'false',
              limit: pageSize,
              ...(pageParam === undefined ? {} : { cursor: pageParam }),
            },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** One break-the-glass access, by id (a `break_glass_review` alert links to it). */
export function breakGlassGrantQueryOptions(grantId: string) {
  return queryOptions({
    queryKey: [...auditQueryKeys.all, 'grant', grantId] as const,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/break-glass-grants/{grantId}', { params: { path: { grantId } }, signal })),
    staleTime: 0,
  });
}

export function reviewBreakGlassGrant(
  grant: BreakGlassGrantEntry,
  note: string,
): Promise<BreakGlassGrantEntry> {
  return unwrap(
    api.POST('/api/break-glass-grants/{grantId}/review', {
      params: { path: { grantId: grant.id } },
      body: { version: grant.version, note },
    }),
  );
}
