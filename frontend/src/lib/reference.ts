/** Reference lists used in forms and filters: all municipalities, all boards in scope. */
import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';
import type { AnyRegion, Board, Municipality, Region, School } from '../api/types';

const MAX_PAGES = 50;

/** Reads every page of a list endpoint (100 at a time). */
export async function fetchAll<T>(
  fetchPage: (page: number) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await fetchPage(page);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) break;
  }
  return items;
}

export function useAllMunicipalities() {
  return useQuery({
    queryKey: ['municipalities', 'all'],
    queryFn: () =>
      fetchAll<Municipality>(async (page) =>
        must(await api.GET('/municipalities', { params: { query: { page, pageSize: 100, sort: 'name' } } })),
      ),
    staleTime: 60 * 60 * 1000,
  });
}

export function useAllBoards(enabled = true) {
  return useQuery({
    queryKey: ['boards', 'all'],
    queryFn: () =>
      fetchAll<Board>(async (page) =>
        must(await api.GET('/boards', { params: { query: { page, pageSize: 100, sort: 'name' } } })),
      ),
    enabled,
    staleTime: 5 * 60 * 1000,
  });
}

export function useAllSchools(enabled = true) {
  return useQuery({
    queryKey: ['schools', 'all'],
    queryFn: () =>
      fetchAll<School>(async (page) =>
        must(await api.GET('/schools', { params: { query: { page, pageSize: 100, sort: 'name' } } })),
      ),
    enabled,
    staleTime: 5 * 60 * 1000,
  });
}

export function useAllRegions(enabled = true) {
  return useQuery({
    queryKey: ['labour-market-regions', 'all'],
    queryFn: () =>
      fetchAll<Region>(async (page) =>
        must(await api.GET('/labour-market-regions', { params: { query: { page, pageSize: 100, sort: 'name' } } })),
      ),
    enabled,
    staleTime: 60 * 60 * 1000,
  });
}

/** Every region of every kind (labour-market, education region, inclusive education, GGD, youth care). */
export function useRegionsOfEveryKind(enabled = true) {
  return useQuery({
    queryKey: ['regions', 'all'],
    queryFn: () =>
      fetchAll<AnyRegion>(async (page) =>
        must(await api.GET('/regions', { params: { query: { page, pageSize: 100, sort: 'name' } } })),
      ),
    enabled,
    staleTime: 5 * 60 * 1000,
  });
}

/** The municipalities that exist today (342 in 2026), by name; ended ones (merged) are left out. */
export function useCurrentMunicipalities(enabled = true) {
  return useQuery({
    queryKey: ['municipalities', 'current'],
    queryFn: () =>
      fetchAll<Municipality>(async (page) =>
        must(await api.GET('/municipalities', { params: { query: { page, pageSize: 100, sort: 'name', current: true } } })),
      ),
    enabled,
    staleTime: 10 * 60 * 1000,
  });
}
