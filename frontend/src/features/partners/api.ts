import { ifMatch, recordWithEtag } from '../../api/etag';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import type { Partner, PartnerCreate, PartnerListQuery, PartnerUpdate } from '../../api/registryTypes';

export interface PartnerWithEtag {
  partner: Partner;
  etag: string | null;
}

export const partnerKeys = {
  list: (query: PartnerListQuery) => ['partners', 'list', query] as const,
  detail: (id: number) => ['partners', 'detail', id] as const,
};

export function usePartners(query: PartnerListQuery, enabled = true) {
  return useQuery({
    queryKey: partnerKeys.list(query),
    queryFn: async () => must(await api.GET('/partners', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePartner(partnerId: number) {
  return useQuery({
    queryKey: partnerKeys.detail(partnerId),
    queryFn: async (): Promise<PartnerWithEtag> => {
      const result = await api.GET('/partners/{partnerId}', { params: { path: { partnerId } } });
      return recordWithEtag('partner', result);
    },
    enabled: Number.isInteger(partnerId) && partnerId > 0,
  });
}

function invalidate(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: ['partners', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['partnerships'] });
  void queryClient.invalidateQueries({ queryKey: ['gaps'] });
  void queryClient.invalidateQueries({ queryKey: ['audit'] });
}

export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PartnerCreate): Promise<PartnerWithEtag> => {
      const result = await api.POST('/partners', { body });
      return recordWithEtag('partner', result);
    },
    onSuccess: (data) => {
      queryClient.setQueryData(partnerKeys.detail(data.partner.id), data);
      invalidate(queryClient);
    },
  });
}

export function useUpdatePartner(partnerId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: PartnerUpdate; etag: string | null }): Promise<PartnerWithEtag> => {
      const result = await api.PATCH('/partners/{partnerId}', {
        params: { path: { partnerId }, header: ifMatch(etag) },
        body,
      });
      return recordWithEtag('partner', result);
    },
    onSuccess: (data) => {
      queryClient.setQueryData(partnerKeys.detail(partnerId), data);
      invalidate(queryClient);
    },
  });
}

export function useDeletePartner(partnerId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ etag }: { etag: string | null }) => {
      await api.DELETE('/partners/{partnerId}', {
        params: { path: { partnerId }, header: ifMatch(etag) },
      });
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: partnerKeys.detail(partnerId) });
      invalidate(queryClient);
    },
  });
}
