import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import type { AuditListQuery } from '../../api/types';

export function useAuditEvents(query: AuditListQuery, enabled = true) {
  return useQuery({
    queryKey: ['audit', 'list', query],
    queryFn: async () => must(await api.GET('/audit-events', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}
