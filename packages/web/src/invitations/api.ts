import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { components } from '../api/schema.generated.ts';

export type Invitation = components['schemas']['Invitation'];
export type CreatedInvitation = components['schemas']['CreatedInvitation'];
export type InvitationPreview = components['schemas']['InvitationPreview'];
export type StaffCandidate = components['schemas']['StaffInvitationCandidate'];
export type StaffInvitationRequest = components['schemas']['StaffInvitationRequestInput'];

export const invitationQueryKeys = {
  all: ['invitations'] as const,
  open: (patientId?: string) => [...invitationQueryKeys.all, 'open', patientId ?? 'all'] as const,
  staffCandidates: () => [...invitationQueryKeys.all, 'staff-candidates'] as const,
  preview: (token: string) => [...invitationQueryKeys.all, 'preview', token] as const,
};

/** Open invitations the signed-in person may see (the server filters): all of them, or one patient's. */
export function openInvitationsQueryOptions(patientId?: string) {
  return queryOptions({
    queryKey: invitationQueryKeys.open(patientId),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/invitations', {
            params: { query: patientId === undefined ? {} : { patientId } },
            signal,
          }),
        )
      ).items,
  });
}

export const staffCandidatesQueryOptions = queryOptions({
  queryKey: invitationQueryKeys.staffCandidates(),
  queryFn: async ({ signal }) =>
    (await unwrap(api.GET('/api/invitations/staff-candidates', { signal }))).items,
});

export function invitationPreviewQueryOptions(token: string) {
  return queryOptions({
    queryKey: invitationQueryKeys.preview(token),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/invitations/{token}', { params: { path: { token } }, signal })),
    // A link's page is read once; asking again would only add audit events.
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function inviteStaff(body: StaffInvitationRequest): Promise<CreatedInvitation> {
  return unwrap(api.POST('/api/invitations/staff', { body }));
}

export function invitePatient(patientId: string, email?: string): Promise<CreatedInvitation> {
  return unwrap(
    api.POST('/api/patients/{patientId}/invitation', {
      params: { path: { patientId } },
      body: email === undefined ? {} : { email },
    }),
  );
}

export function inviteSupportContact(
  patientId: string,
  supportContactId: string,
  email?: string,
): Promise<CreatedInvitation> {
  return unwrap(
    api.POST('/api/patients/{patientId}/support-contacts/{supportContactId}/invitation', {
      params: { path: { patientId, supportContactId } },
      body: email === undefined ? {} : { email },
    }),
  );
}

export function revokeInvitation(invitation: Pick<Invitation, 'id' | 'version'>): Promise<Invitation> {
  return unwrap(
    api.POST('/api/invitations/{invitationId}/revoke', {
      params: { path: { invitationId: invitation.id } },
      body: { version: invitation.version },
    }),
  );
}

export function acceptInvitation(token: string, body: { name: string; password: string }) {
  return unwrap(api.POST('/api/invitations/{token}/accept', { params: { path: { token } }, body }));
}
