import { useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client';

export function useInduction(schoolId: number) {
  return useQuery({
    queryKey: ['induction', schoolId],
    queryFn: async () => must(await api.GET('/schools/{schoolId}/induction', { params: { path: { schoolId } } })),
  });
}
