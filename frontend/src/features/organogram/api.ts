import { useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client';

export function useOrganogram(schoolId: number) {
  return useQuery({
    queryKey: ['organogram', schoolId],
    queryFn: async () => must(await api.GET('/schools/{schoolId}/organogram', { params: { path: { schoolId } } })),
  });
}
