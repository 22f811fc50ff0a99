import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import type { ApiClientCreate, ApiClientListQuery } from '../../api/types';

export function useApiClients(query: ApiClientListQuery, enabled = true) {
  return useQuery({
    queryKey: ['api-clients', 'list', query],
    queryFn: async () => must(await api.GET('/api-clients', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The answer holds the key: it is returned to the caller only, never kept in the query cache. */
export function useCreateApiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ApiClientCreate) => must(await api.POST('/api-clients', { body })),
    // Forget the answer (and so the key) as soon as the form is gone.
    gcTime: 0,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['api-clients'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useRevokeApiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (apiClientId: number) => {
      await api.DELETE('/api-clients/{apiClientId}', { params: { path: { apiClientId } } });
    },
    // Resolves once the list shows the client as revoked.
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      await queryClient.invalidateQueries({ queryKey: ['api-clients'] });
    },
  });
}
