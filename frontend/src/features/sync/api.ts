import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import type { RoleMappingCreate, SyncRunListQuery } from './types';

export function useSyncRuns(query: SyncRunListQuery, enabled = true) {
  return useQuery({
    queryKey: ['sync-runs', 'list', query],
    queryFn: async () => must(await api.GET('/sync-runs', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSyncRun(syncRunId: number) {
  return useQuery({
    queryKey: ['sync-runs', 'one', syncRunId],
    queryFn: async () => must(await api.GET('/sync-runs/{syncRunId}', { params: { path: { syncRunId } } })),
    enabled: Number.isFinite(syncRunId),
  });
}

export function useRoleMappings(boardId: number | undefined) {
  return useQuery({
    queryKey: ['sync-role-mappings', boardId],
    queryFn: async () => must(await api.GET('/sync-role-mappings', { params: { query: { boardId: boardId! } } })),
    enabled: boardId !== undefined,
  });
}

export function useCreateRoleMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: RoleMappingCreate) => must(await api.POST('/sync-role-mappings', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sync-role-mappings'] }),
  });
}

export function useDeleteRoleMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (mappingId: number) => {
      // A 204 has no body; an error answer is thrown by the client's problem middleware.
      await api.DELETE('/sync-role-mappings/{mappingId}', { params: { path: { mappingId } } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sync-role-mappings'] }),
  });
}
