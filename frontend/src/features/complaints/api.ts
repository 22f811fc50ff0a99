/** Queries and changes of the complaint routes, external bodies, board settings and the confidential register. */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import { ifMatch, withEtag, type WithEtag } from '../../api/etag';
import type {
  Area,
  Case,
  CaseCreate,
  CaseListQuery,
  CaseUpdate,
  ComplaintSettings,
  ComplaintSettingsUpdate,
  ExternalBody,
  ExternalBodyUpdate,
  Group,
  Route,
  RouteUpdate,
  CaseReport,
} from './types';

export type { WithEtag } from '../../api/etag';


/** A request's answer with its ETag (see `api/etag`). */
async function read<T>(call: Promise<{ data?: T; response: Response }>): Promise<WithEtag<T>> {
  return withEtag(await call);
}

/* --- external bodies and board settings ------------------------------------------------------------ */

export function useExternalBodies() {
  return useQuery({
    queryKey: ['external-bodies'],
    queryFn: async () => must(await api.GET('/external-bodies')),
    staleTime: 10 * 60 * 1000,
  });
}

export function useUpdateExternalBody(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ExternalBodyUpdate): Promise<ExternalBody> => {
      // The list carries no ETag: read the body's current version first.
      const current = await read(api.GET('/external-bodies/{code}', { params: { path: { code } } }));
      return must(
        await api.PATCH('/external-bodies/{code}', { params: { path: { code }, header: ifMatch(current.etag) }, body }),
      );
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['external-bodies'] }),
  });
}

export function useComplaintSettings(boardId: number) {
  return useQuery({
    queryKey: ['complaint-settings', boardId],
    queryFn: () => read(api.GET('/boards/{boardId}/complaint-settings', { params: { path: { boardId } } })),
  });
}

export function useUpdateComplaintSettings(boardId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: ComplaintSettingsUpdate; etag: string | null }): Promise<WithEtag<ComplaintSettings>> =>
      read(api.PATCH('/boards/{boardId}/complaint-settings', { params: { path: { boardId }, header: ifMatch(etag) }, body })),
    onSuccess: (data) => {
      queryClient.setQueryData(['complaint-settings', boardId], data);
      void queryClient.invalidateQueries({ queryKey: ['complaint-routes'] });
    },
  });
}

/* --- routes ------------------------------------------------------------------------------------------- */

export interface RouteChoice {
  schoolId: number;
  area: Area;
  group: Group;
}

/** The school's own version of a route (with its ETag), or null; and the shipped default. */
export function useRouteVersions({ schoolId, area, group }: RouteChoice) {
  const own = useQuery({
    queryKey: ['complaint-routes', 'own', schoolId, area, group],
    queryFn: async (): Promise<WithEtag<Route> | null> => {
      const list = must(await api.GET('/complaint-routes', { params: { query: { schoolId, area, group } } }));
      const found = list.find((r) => r.schoolId === schoolId);
      if (!found) return null;
      return read(api.GET('/complaint-routes/{routeId}', { params: { path: { routeId: found.id } } }));
    },
  });
  const fallback = useQuery({
    queryKey: ['complaint-routes', 'default', area, group],
    queryFn: async (): Promise<WithEtag<Route> | null> => {
      const list = must(await api.GET('/complaint-routes', { params: { query: { area, group } } }));
      const found = list.find((r) => r.schoolId === null);
      if (!found) return null;
      return read(api.GET('/complaint-routes/{routeId}', { params: { path: { routeId: found.id } } }));
    },
    staleTime: 60 * 1000,
  });
  return { own, fallback };
}

function invalidateRoutes(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: ['complaint-routes'] });
  void queryClient.invalidateQueries({ queryKey: ['resolved-route'] });
  void queryClient.invalidateQueries({ queryKey: ['public'] });
  void queryClient.invalidateQueries({ queryKey: ['gaps'] });
}

export function useCreateRoute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteChoice) => read(api.POST('/complaint-routes', { body })),
    onSettled: () => invalidateRoutes(queryClient),
  });
}

export function useUpdateRoute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ routeId, body, etag }: { routeId: number; body: RouteUpdate; etag: string | null }) =>
      read(api.PATCH('/complaint-routes/{routeId}', { params: { path: { routeId }, header: ifMatch(etag) }, body })),
    onSuccess: () => invalidateRoutes(queryClient),
  });
}

export function useDeleteRoute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ routeId, etag }: { routeId: number; etag: string | null }) => {
      await api.DELETE('/complaint-routes/{routeId}', { params: { path: { routeId }, header: ifMatch(etag) } });
    },
    onSuccess: () => invalidateRoutes(queryClient),
  });
}

/** A route as it applies at the school, resolved to people and partners (`draft`: the unpublished version). */
export function useResolvedRoute({ schoolId, area, group }: RouteChoice, draft: boolean, enabled = true) {
  return useQuery({
    queryKey: ['resolved-route', schoolId, area, group, draft],
    queryFn: async () =>
      must(
        await api.GET('/schools/{schoolId}/complaint-routes/{area}', {
          params: { path: { schoolId, area }, query: { group, draft } },
        }),
      ),
    enabled,
  });
}

/* --- public (no login) ------------------------------------------------------------------------------ */

export function usePublicAreas(locationCode: string) {
  return useQuery({
    queryKey: ['public', 'areas', locationCode],
    queryFn: async () =>
      must(await api.GET('/public/schools/{locationCode}/complaint-routes', { params: { path: { locationCode } } })),
    staleTime: 5 * 60 * 1000,
    retry: false,
  });
}

export function usePublicRoute(locationCode: string, area: Area | null, group: Group | null, enabled = true) {
  return useQuery({
    queryKey: ['public', 'route', locationCode, area, group],
    queryFn: async () =>
      must(
        await api.GET('/public/schools/{locationCode}/complaint-routes/{area}', {
          params: { path: { locationCode, area: area as Area }, query: { group: group as Group } },
        }),
      ),
    enabled: enabled && area !== null && group !== null,
    staleTime: 60 * 1000,
    retry: false,
  });
}

/* --- the confidential register ------------------------------------------------------------------------ */

export function useCases(query: CaseListQuery) {
  return useQuery({
    queryKey: ['confidential-cases', 'list', query],
    queryFn: async () => must(await api.GET('/confidential-cases', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCase(caseId: number) {
  return useQuery({
    queryKey: ['confidential-cases', 'detail', caseId],
    queryFn: () => read(api.GET('/confidential-cases/{caseId}', { params: { path: { caseId } } })),
    enabled: Number.isInteger(caseId) && caseId > 0,
  });
}

function invalidateCases(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: ['confidential-cases'] });
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseCreate) => read(api.POST('/confidential-cases', { body })),
    onSuccess: () => invalidateCases(queryClient),
  });
}

export function useUpdateCase(caseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: CaseUpdate; etag: string | null }): Promise<WithEtag<Case>> =>
      read(api.PATCH('/confidential-cases/{caseId}', { params: { path: { caseId }, header: ifMatch(etag) }, body })),
    onSuccess: () => invalidateCases(queryClient),
  });
}

export function useDeleteCase(caseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ etag }: { etag: string | null }) => {
      await api.DELETE('/confidential-cases/{caseId}', { params: { path: { caseId }, header: ifMatch(etag) } });
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ['confidential-cases', 'detail', caseId] });
      invalidateCases(queryClient);
    },
  });
}

export function useCaseReport(query: { year: number; schoolId?: number; boardId?: number }) {
  return useQuery({
    queryKey: ['confidential-cases', 'report', query],
    queryFn: async () => must(await api.GET('/confidential-cases/report', { params: { query } })) as CaseReport,
    placeholderData: keepPreviousData,
  });
}
