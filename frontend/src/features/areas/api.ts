/** Queries and changes of the area dashboards and of regions (the platform administrator's). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import { ifMatch, withEtag, type WithEtag } from '../../api/etag';
import type { AnyRegion, RegionCreate, RegionListQuery, RegionUpdate } from '../../api/types';
import { fetchAll } from '../../lib/reference';
import type { AreaOverview, AreaType, OverviewQuery } from './types';

export const areaKeys = {
  all: ['areas'] as const,
  overview: (type: AreaType, id: number, query: OverviewQuery) => ['areas', type, id, 'overview', query] as const,
  boards: (type: AreaType, id: number) => ['areas', type, id, 'boards'] as const,
};

export const regionKeys = {
  all: ['regions'] as const,
  list: (query: RegionListQuery) => ['regions', 'list', query] as const,
  detail: (id: number) => ['regions', 'detail', id] as const,
  municipalities: (id: number) => ['regions', 'detail', id, 'municipalities'] as const,
};

const valid = (id: number) => Number.isInteger(id) && id > 0;

export async function fetchOverview(type: AreaType, id: number, query: OverviewQuery): Promise<AreaOverview> {
  if (type === 'municipality') {
    return must(await api.GET('/municipalities/{municipalityId}/overview', { params: { path: { municipalityId: id }, query } }));
  }
  return must(await api.GET('/regions/{regionId}/overview', { params: { path: { regionId: id }, query } }));
}

/** The area's overview; the filters and the page apply to its list of schools only. */
export function useAreaOverview(type: AreaType, id: number, query: OverviewQuery) {
  return useQuery({
    queryKey: areaKeys.overview(type, id, query),
    queryFn: () => fetchOverview(type, id, query),
    enabled: valid(id),
    // While another page or filter loads, keep showing this area's figures (never another area's).
    placeholderData: (previous, previousQuery) =>
      previousQuery && previousQuery.queryKey[1] === type && previousQuery.queryKey[2] === id ? previous : undefined,
  });
}

export interface AreaBoard {
  id: number;
  name: string;
}

/** The boards with schools in the area (for the board filter): from its schools, unfiltered, all pages. */
export function useAreaBoards(type: AreaType, id: number) {
  return useQuery({
    queryKey: areaKeys.boards(type, id),
    queryFn: async (): Promise<AreaBoard[]> => {
      const schools = await fetchAll(async (page) => (await fetchOverview(type, id, { page, pageSize: 100 })).schools);
      const boards = new Map<number, string>();
      for (const s of schools) boards.set(s.boardId, s.boardName);
      return [...boards].map(([boardId, name]) => ({ id: boardId, name })).sort((a, b) => a.name.localeCompare(b.name));
    },
    enabled: valid(id),
    staleTime: 5 * 60 * 1000,
  });
}

/* --- Regions (platform administrator) ------------------------------------------------------------ */

export function useRegions(query: RegionListQuery, enabled = true) {
  return useQuery({
    queryKey: regionKeys.list(query),
    queryFn: async () => must(await api.GET('/regions', { params: { query } })),
    placeholderData: (previous) => previous,
    enabled,
  });
}

/** One region with its ETag (to change it, or its municipalities, with If-Match). */
export function useRegion(id: number) {
  return useQuery({
    queryKey: regionKeys.detail(id),
    queryFn: async (): Promise<WithEtag<AnyRegion>> => withEtag(await api.GET('/regions/{regionId}', { params: { path: { regionId: id } } })),
    enabled: valid(id),
  });
}

export function useRegionMunicipalities(id: number, enabled = true) {
  return useQuery({
    queryKey: regionKeys.municipalities(id),
    queryFn: async () => must(await api.GET('/regions/{regionId}/municipalities', { params: { path: { regionId: id } } })),
    enabled: enabled && valid(id),
  });
}

/** After a change: the lists of regions, the municipalities (they name their regions), the dashboards, the audit log. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (regionId: number, data?: WithEtag<AnyRegion>) => {
    if (data) queryClient.setQueryData(regionKeys.detail(regionId), data);
    void queryClient.invalidateQueries({ queryKey: ['regions', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['regions', 'all'] });
    void queryClient.invalidateQueries({ queryKey: regionKeys.municipalities(regionId) });
    for (const key of ['municipalities', 'labour-market-regions', 'areas', 'audit']) {
      void queryClient.invalidateQueries({ queryKey: [key] });
    }
  };
}

export function useCreateRegion() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: RegionCreate) => withEtag(await api.POST('/regions', { body })),
    onSuccess: (data) => refresh(data.data.id, data),
  });
}

export function useUpdateRegion(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: RegionUpdate; etag: string | null }) =>
      withEtag(await api.PATCH('/regions/{regionId}', { params: { path: { regionId: id }, header: ifMatch(etag) }, body })),
    onSuccess: (data) => refresh(id, data),
  });
}

/** Replaces the region's municipalities (the whole set), with the region's ETag. */
export function useSetRegionMunicipalities(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ municipalityIds, etag }: { municipalityIds: number[]; etag: string | null }) =>
      withEtag(
        await api.PUT('/regions/{regionId}/municipalities', {
          params: { path: { regionId: id }, header: ifMatch(etag) },
          body: { municipalityIds },
        }),
      ),
    onSuccess: (data) => refresh(id, data),
  });
}

export function useDeleteRegion(id: number) {
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ etag }: { etag: string | null }) => {
      await api.DELETE('/regions/{regionId}', { params: { path: { regionId: id }, header: ifMatch(etag) } });
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: regionKeys.detail(id) });
      refresh(id);
    },
  });
}
