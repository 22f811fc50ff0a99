/**
 * Queries and changes of inclusive employment: tracks (with their ETag), progress, bottlenecks,
 * the action plan, placements, the quotas and the employer service points.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import { ifMatch, withEtag, type WithEtag } from '../../api/etag';
import { useRoleAssignments } from '../people/api';
import type {
  ActionCreate,
  ActionUpdate,
  BottleneckCreate,
  BottleneckUpdate,
  PlacementCreate,
  PlacementUpdate,
  ServicePoint,
  ServicePointUpdate,
  Track,
  TrackCreate,
  TrackUpdate,
} from './types';
import { MENTOR_ROLE } from './types';

const ROOT = 'inclusion';

export const inclusionKeys = {
  tracks: (boardId?: number) => [ROOT, 'tracks', boardId ?? null] as const,
  track: (id: number) => [ROOT, 'track', id] as const,
  progress: (id: number) => [ROOT, 'track', id, 'progress'] as const,
  bottlenecks: (id: number) => [ROOT, 'track', id, 'bottlenecks'] as const,
  actions: (id: number) => [ROOT, 'track', id, 'actions'] as const,
  placements: (id: number) => [ROOT, 'track', id, 'placements'] as const,
  quotas: () => [ROOT, 'quotas'] as const,
  servicePoint: (regionId: number) => [ROOT, 'service-point', regionId] as const,
};

const valid = (id: number) => Number.isInteger(id) && id > 0;

/** After any change: the inclusion views, and the gaps, area overviews and audit log that may show it. */
export function invalidateInclusion(queryClient: QueryClient) {
  for (const key of [ROOT, 'gaps', 'areas', 'audit']) void queryClient.invalidateQueries({ queryKey: [key] });
}

function useChange<A, R>(mutationFn: (args: A) => Promise<R>, onSuccess?: (data: R, args: A) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (data, args) => {
      onSuccess?.(data, args);
      invalidateInclusion(queryClient);
    },
  });
}

/* --- tracks ---------------------------------------------------------------------------------- */

/** The tracks of the boards the user works for (the API answers a plain list). */
export function useTracks(enabled = true) {
  return useQuery({
    queryKey: inclusionKeys.tracks(),
    queryFn: async () => must(await api.GET('/inclusion-tracks')),
    enabled,
  });
}

/** One track with its ETag (every change of the track sends it as If-Match). */
export function useTrack(trackId: number) {
  return useQuery({
    queryKey: inclusionKeys.track(trackId),
    queryFn: async (): Promise<WithEtag<Track>> =>
      withEtag(await api.GET('/inclusion-tracks/{trackId}', { params: { path: { trackId } } })),
    enabled: valid(trackId),
  });
}

export function useCreateTrack() {
  const queryClient = useQueryClient();
  return useChange(
    async ({ body, idempotencyKey }: { body: TrackCreate; idempotencyKey: string }) =>
      withEtag(await api.POST('/inclusion-tracks', { headers: { 'Idempotency-Key': idempotencyKey }, body })),
    (data) => queryClient.setQueryData(inclusionKeys.track(data.data.id), data),
  );
}

/** Changes the track (ambition, phase, staff hours, first contact, evaluation); the answer's ETag is kept. */
export function useUpdateTrack(trackId: number) {
  const queryClient = useQueryClient();
  return useChange(
    async ({ body, etag }: { body: TrackUpdate; etag: string | null }) =>
      withEtag(await api.PATCH('/inclusion-tracks/{trackId}', { params: { path: { trackId }, header: ifMatch(etag) }, body })),
    (data) => queryClient.setQueryData(inclusionKeys.track(trackId), data),
  );
}

export function useProgress(trackId: number) {
  return useQuery({
    queryKey: inclusionKeys.progress(trackId),
    queryFn: async () => must(await api.GET('/inclusion-tracks/{trackId}/progress', { params: { path: { trackId } } })),
    enabled: valid(trackId),
  });
}

/* --- bottlenecks ------------------------------------------------------------------------------- */

export function useBottlenecks(trackId: number) {
  return useQuery({
    queryKey: inclusionKeys.bottlenecks(trackId),
    queryFn: async () => must(await api.GET('/inclusion-tracks/{trackId}/bottlenecks', { params: { path: { trackId } } })),
    enabled: valid(trackId),
  });
}

export function useCreateBottleneck(trackId: number) {
  return useChange(async ({ body, idempotencyKey }: { body: BottleneckCreate; idempotencyKey: string }) =>
    must(
      await api.POST('/inclusion-tracks/{trackId}/bottlenecks', {
        params: { path: { trackId } },
        headers: { 'Idempotency-Key': idempotencyKey },
        body,
      }),
    ),
  );
}

export function useUpdateBottleneck(trackId: number) {
  return useChange(async ({ bottleneckId, body, etag }: { bottleneckId: number; body: BottleneckUpdate; etag: string }) =>
    must(
      await api.PATCH('/inclusion-tracks/{trackId}/bottlenecks/{bottleneckId}', {
        params: { path: { trackId, bottleneckId }, header: ifMatch(etag) },
        body,
      }),
    ),
  );
}

export function useDeleteBottleneck(trackId: number) {
  return useChange(async ({ bottleneckId, etag }: { bottleneckId: number; etag: string }) => {
    await api.DELETE('/inclusion-tracks/{trackId}/bottlenecks/{bottleneckId}', {
      params: { path: { trackId, bottleneckId }, header: ifMatch(etag) },
    });
  });
}

/* --- the action plan --------------------------------------------------------------------------- */

export function useActions(trackId: number) {
  return useQuery({
    queryKey: inclusionKeys.actions(trackId),
    queryFn: async () => must(await api.GET('/inclusion-tracks/{trackId}/actions', { params: { path: { trackId } } })),
    enabled: valid(trackId),
  });
}

export function useCreateAction(trackId: number) {
  return useChange(async ({ body, idempotencyKey }: { body: ActionCreate; idempotencyKey: string }) =>
    must(
      await api.POST('/inclusion-tracks/{trackId}/actions', {
        params: { path: { trackId } },
        headers: { 'Idempotency-Key': idempotencyKey },
        body,
      }),
    ),
  );
}

export function useUpdateAction(trackId: number) {
  return useChange(async ({ actionId, body, etag }: { actionId: number; body: ActionUpdate; etag: string }) =>
    must(
      await api.PATCH('/inclusion-tracks/{trackId}/actions/{actionId}', {
        params: { path: { trackId, actionId }, header: ifMatch(etag) },
        body,
      }),
    ),
  );
}

export function useDeleteAction(trackId: number) {
  return useChange(async ({ actionId, etag }: { actionId: number; etag: string }) => {
    await api.DELETE('/inclusion-tracks/{trackId}/actions/{actionId}', {
      params: { path: { trackId, actionId }, header: ifMatch(etag) },
    });
  });
}

/* --- placements --------------------------------------------------------------------------------- */

export function usePlacements(trackId: number) {
  return useQuery({
    queryKey: inclusionKeys.placements(trackId),
    queryFn: async () => must(await api.GET('/inclusion-tracks/{trackId}/placements', { params: { path: { trackId } } })),
    enabled: valid(trackId),
  });
}

export function useCreatePlacement(trackId: number) {
  return useChange(async ({ body, idempotencyKey }: { body: PlacementCreate; idempotencyKey: string }) =>
    must(
      await api.POST('/inclusion-tracks/{trackId}/placements', {
        params: { path: { trackId } },
        headers: { 'Idempotency-Key': idempotencyKey },
        body,
      }),
    ),
  );
}

export function useUpdatePlacement(trackId: number) {
  return useChange(async ({ placementId, body, etag }: { placementId: number; body: PlacementUpdate; etag: string }) =>
    must(
      await api.PATCH('/inclusion-tracks/{trackId}/placements/{placementId}', {
        params: { path: { trackId, placementId }, header: ifMatch(etag) },
        body,
      }),
    ),
  );
}

export function useDeletePlacement(trackId: number) {
  return useChange(async ({ placementId, etag }: { placementId: number; etag: string }) => {
    await api.DELETE('/inclusion-tracks/{trackId}/placements/{placementId}', {
      params: { path: { trackId, placementId }, header: ifMatch(etag) },
    });
  });
}

/** The board's workplace mentors: role assignments of the built-in role `workplace-mentor`. */
export function useMentors(boardId: number, enabled = true) {
  return useRoleAssignments({ boardId, role: MENTOR_ROLE }, enabled && valid(boardId));
}

/* --- quotas and employer service points ------------------------------------------------------------ */

/** The quota of government and education per year, with its source. */
export function useQuotas(enabled = true) {
  return useQuery({
    queryKey: inclusionKeys.quotas(),
    queryFn: async () => must(await api.GET('/job-agreement-quotas')),
    staleTime: 60 * 60 * 1000,
    enabled,
  });
}

/** A labour-market region's contact point at the employer service point, with its ETag (`"v0"` while empty). */
export function useServicePoint(regionId: number) {
  return useQuery({
    queryKey: inclusionKeys.servicePoint(regionId),
    queryFn: async (): Promise<WithEtag<ServicePoint>> =>
      withEtag(
        await api.GET('/labour-market-regions/{regionId}/employer-service-point', { params: { path: { regionId } } }),
      ),
    enabled: valid(regionId),
  });
}

export function useUpdateServicePoint(regionId: number) {
  const queryClient = useQueryClient();
  return useChange(
    async ({ body, etag }: { body: ServicePointUpdate; etag: string | null }) =>
      withEtag(
        await api.PATCH('/labour-market-regions/{regionId}/employer-service-point', {
          params: { path: { regionId }, header: ifMatch(etag) },
          body,
        }),
      ),
    (data) => queryClient.setQueryData(inclusionKeys.servicePoint(regionId), data),
  );
}
