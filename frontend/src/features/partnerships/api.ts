import { ifMatch, recordWithEtag } from '../../api/etag';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import {
  PARTNERSHIP_CONTACT_ROLE,
  type BottleneckCreate,
  type Partnership,
  type PartnershipCreate,
  type PartnershipListQuery,
  type PartnershipUpdate,
} from '../../api/registryTypes';

export interface PartnershipWithEtag {
  partnership: Partnership;
  etag: string | null;
}

export const partnershipKeys = {
  list: (query: PartnershipListQuery) => ['partnerships', 'list', query] as const,
  detail: (id: number) => ['partnerships', 'detail', id] as const,
};

export function usePartnerships(query: PartnershipListQuery, enabled = true) {
  return useQuery({
    queryKey: partnershipKeys.list(query),
    queryFn: async () => must(await api.GET('/partnerships', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePartnership(partnershipId: number) {
  return useQuery({
    queryKey: partnershipKeys.detail(partnershipId),
    queryFn: async (): Promise<PartnershipWithEtag> => {
      const result = await api.GET('/partnerships/{partnershipId}', { params: { path: { partnershipId } } });
      return recordWithEtag('partnership', result);
    },
    enabled: Number.isInteger(partnershipId) && partnershipId > 0,
  });
}

/** After any change to partnerships or their contacts: the lists and views that show them. */
export function invalidateRegistry(queryClient: QueryClient) {
  for (const key of ['partnerships', 'partners', 'gaps', 'role-assignments', 'people', 'organogram', 'induction', 'audit']) {
    void queryClient.invalidateQueries({ queryKey: [key] });
  }
}

export function useCreatePartnership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PartnershipCreate): Promise<PartnershipWithEtag> => {
      const result = await api.POST('/partnerships', { body });
      return recordWithEtag('partnership', result);
    },
    onSuccess: (data) => {
      queryClient.setQueryData(partnershipKeys.detail(data.partnership.id), data);
      invalidateRegistry(queryClient);
    },
  });
}

export function useUpdatePartnership(partnershipId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: PartnershipUpdate; etag: string | null }): Promise<PartnershipWithEtag> => {
      const result = await api.PATCH('/partnerships/{partnershipId}', {
        params: { path: { partnershipId }, header: ifMatch(etag) },
        body,
      });
      return recordWithEtag('partnership', result);
    },
    onSuccess: (data) => {
      queryClient.setQueryData(partnershipKeys.detail(partnershipId), data);
      invalidateRegistry(queryClient);
    },
  });
}

export function useDeletePartnership(partnershipId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ etag }: { etag: string | null }) => {
      await api.DELETE('/partnerships/{partnershipId}', {
        params: { path: { partnershipId }, header: ifMatch(etag) },
      });
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: partnershipKeys.detail(partnershipId) });
      invalidateRegistry(queryClient);
    },
  });
}

export function useAddBottleneck(partnershipId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: BottleneckCreate) =>
      must(await api.POST('/partnerships/{partnershipId}/bottlenecks', { params: { path: { partnershipId } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: partnershipKeys.detail(partnershipId) });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useResolveBottleneck(partnershipId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ bottleneckId, resolved }: { bottleneckId: number; resolved: boolean }) =>
      must(
        await api.PATCH('/partnerships/{partnershipId}/bottlenecks/{bottleneckId}', {
          params: { path: { partnershipId, bottleneckId } },
          body: { resolved },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: partnershipKeys.detail(partnershipId) });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Makes a person an internal contact: a role assignment `partnership-contact` for the partnership. */
export function useAddContact(partnershipId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ personId, isPrimary }: { personId: number; isPrimary: boolean }) =>
      must(
        await api.POST('/role-assignments', {
          body: { personId, role: PARTNERSHIP_CONTACT_ROLE, partnershipId, isPrimary },
        }),
      ),
    onSuccess: () => invalidateRegistry(queryClient),
  });
}

/** Ends an internal contact (the assignment gets an end date; its history is kept). */
export function useEndContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ assignmentId, endsOn, etag }: { assignmentId: number; endsOn: string; etag: string }) =>
      must(
        await api.PATCH('/role-assignments/{roleAssignmentId}', {
          params: { path: { roleAssignmentId: assignmentId }, header: ifMatch(etag) },
          body: { endsOn },
        }),
      ),
    onSuccess: () => invalidateRegistry(queryClient),
  });
}
