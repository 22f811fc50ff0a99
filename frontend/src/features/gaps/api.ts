import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import type { GapListQuery } from '../../api/registryTypes';

export function useGaps(query: GapListQuery, enabled = true) {
  return useQuery({
    queryKey: ['gaps', query],
    queryFn: async () => must(await api.GET('/gaps', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}
