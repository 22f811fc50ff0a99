import { ifMatch, recordWithEtag } from '../../api/etag';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import type { School, SchoolCreate, SchoolListQuery, SchoolUpdate } from '../../api/types';

export interface SchoolWithEtag {
  school: School;
  etag: string | null;
}

export const schoolKeys = {
  all: ['schools'] as const,
  list: (query: SchoolListQuery) => ['schools', 'list', query] as const,
  detail: (id: number) => ['schools', 'detail', id] as const,
};

export function useSchools(query: SchoolListQuery, enabled = true) {
  return useQuery({
    queryKey: schoolKeys.list(query),
    queryFn: async () => must(await api.GET('/schools', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export async function fetchSchool(schoolId: number): Promise<SchoolWithEtag> {
  const result = await api.GET('/schools/{schoolId}', { params: { path: { schoolId } } });
  return recordWithEtag('school', result);
}

export function useSchool(schoolId: number) {
  return useQuery({
    queryKey: schoolKeys.detail(schoolId),
    queryFn: () => fetchSchool(schoolId),
    enabled: Number.isInteger(schoolId) && schoolId > 0,
  });
}

function invalidateAfterChange(queryClient: ReturnType<typeof useQueryClient>) {
  void queryClient.invalidateQueries({ queryKey: ['schools', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['schools', 'all'] });
  void queryClient.invalidateQueries({ queryKey: ['boards'] });
  void queryClient.invalidateQueries({ queryKey: ['audit'] });
}

export function useCreateSchool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: SchoolCreate) => {
      const result = await api.POST('/schools', { body });
      return recordWithEtag('school', result) satisfies SchoolWithEtag;
    },
    onSuccess: (data) => {
      queryClient.setQueryData(schoolKeys.detail(data.school.id), data);
      invalidateAfterChange(queryClient);
    },
  });
}

export function useUpdateSchool(schoolId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: SchoolUpdate; etag: string | null }) => {
      const result = await api.PATCH('/schools/{schoolId}', {
        params: { path: { schoolId }, header: ifMatch(etag) },
        body,
      });
      return recordWithEtag('school', result) satisfies SchoolWithEtag;
    },
    onSuccess: (data) => {
      queryClient.setQueryData(schoolKeys.detail(schoolId), data);
      invalidateAfterChange(queryClient);
    },
  });
}

export function useDeleteSchool(schoolId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ etag }: { etag: string | null }) => {
      await api.DELETE('/schools/{schoolId}', {
        params: { path: { schoolId }, header: ifMatch(etag) },
      });
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: schoolKeys.detail(schoolId) });
      invalidateAfterChange(queryClient);
    },
  });
}
