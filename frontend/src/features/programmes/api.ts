/** The regional programmes API (`/regional-programmes`, tag "regional programmes") as queries and changes. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import { ifMatch, withEtag, type WithEtag } from '../../api/etag';
import type { InitiativeCreate, InitiativeUpdate, LineCreate, MemberUpdate, Programme, ResultCreate } from './types';

const ROOT = 'programmes';

export const programmeKeys = {
  list: (query: { boardId?: number; regionId?: number }) => [ROOT, 'list', query] as const,
  programme: (id: number) => [ROOT, 'programme', id] as const,
  members: (id: number) => [ROOT, 'programme', id, 'members'] as const,
  lines: (id: number) => [ROOT, 'programme', id, 'lines'] as const,
  initiatives: (id: number) => [ROOT, 'programme', id, 'initiatives'] as const,
  initiative: (id: number, initiativeId: number) => [ROOT, 'programme', id, 'initiative', initiativeId] as const,
  results: (id: number, initiativeId: number) => [ROOT, 'programme', id, 'initiative', initiativeId, 'results'] as const,
  partnerships: (id: number) => [ROOT, 'programme', id, 'partnerships'] as const,
};

const valid = (id: number) => Number.isInteger(id) && id > 0;

/** After any change: the programme views, and the gaps and audit log that may show it. */
export function invalidateProgrammes(queryClient: QueryClient) {
  for (const key of [ROOT, 'gaps', 'audit']) void queryClient.invalidateQueries({ queryKey: [key] });
}

function useChange<A, R>(mutationFn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => invalidateProgrammes(queryClient) });
}

export function useProgrammes(query: { boardId?: number; regionId?: number } = {}, enabled = true) {
  return useQuery({
    queryKey: programmeKeys.list(query),
    queryFn: async () => must(await api.GET('/regional-programmes', { params: { query } })),
    enabled,
  });
}

export function useProgramme(programmeId: number) {
  return useQuery({
    queryKey: programmeKeys.programme(programmeId),
    queryFn: async (): Promise<WithEtag<Programme>> =>
      withEtag(await api.GET('/regional-programmes/{programmeId}', { params: { path: { programmeId } } })),
    enabled: valid(programmeId),
  });
}

/* --- members ------------------------------------------------------------------------------------ */

export function useMembers(programmeId: number, enabled = true) {
  return useQuery({
    queryKey: programmeKeys.members(programmeId),
    queryFn: async () => must(await api.GET('/regional-programmes/{programmeId}/members', { params: { path: { programmeId } } })),
    enabled: enabled && valid(programmeId),
  });
}

export function useUpdateMember(programmeId: number) {
  return useChange(async ({ memberId, body, etag }: { memberId: number; body: MemberUpdate; etag: string }) =>
    must(
      await api.PATCH('/regional-programmes/{programmeId}/members/{memberId}', {
        params: { path: { programmeId, memberId }, header: ifMatch(etag) },
        body,
      }),
    ),
  );
}

/* --- lines and initiatives ------------------------------------------------------------------------ */

export function useLines(programmeId: number, enabled = true) {
  return useQuery({
    queryKey: programmeKeys.lines(programmeId),
    queryFn: async () => must(await api.GET('/regional-programmes/{programmeId}/lines', { params: { path: { programmeId } } })),
    enabled: enabled && valid(programmeId),
  });
}

export function useCreateLine(programmeId: number) {
  return useChange(async ({ body, idempotencyKey }: { body: LineCreate; idempotencyKey: string }) =>
    must(
      await api.POST('/regional-programmes/{programmeId}/lines', {
        params: { path: { programmeId } },
        headers: { 'Idempotency-Key': idempotencyKey },
        body,
      }),
    ),
  );
}

export function useInitiatives(programmeId: number, enabled = true) {
  return useQuery({
    queryKey: programmeKeys.initiatives(programmeId),
    queryFn: async () =>
      must(await api.GET('/regional-programmes/{programmeId}/initiatives', { params: { path: { programmeId } } })),
    enabled: enabled && valid(programmeId),
  });
}

export function useInitiative(programmeId: number, initiativeId: number) {
  return useQuery({
    queryKey: programmeKeys.initiative(programmeId, initiativeId),
    queryFn: async () =>
      must(
        await api.GET('/regional-programmes/{programmeId}/initiatives/{initiativeId}', {
          params: { path: { programmeId, initiativeId } },
        }),
      ),
    enabled: valid(programmeId) && valid(initiativeId),
  });
}

export function useCreateInitiative(programmeId: number) {
  return useChange(async ({ body, idempotencyKey }: { body: InitiativeCreate; idempotencyKey: string }) =>
    must(
      await api.POST('/regional-programmes/{programmeId}/initiatives', {
        params: { path: { programmeId } },
        headers: { 'Idempotency-Key': idempotencyKey },
        body,
      }),
    ),
  );
}

export function useUpdateInitiative(programmeId: number, initiativeId: number) {
  return useChange(async ({ body, etag }: { body: InitiativeUpdate; etag: string }) =>
    must(
      await api.PATCH('/regional-programmes/{programmeId}/initiatives/{initiativeId}', {
        params: { path: { programmeId, initiativeId }, header: ifMatch(etag) },
        body,
      }),
    ),
  );
}

/** A board names its own contact for the initiative (with the initiative's ETag). */
export function useSetContact(programmeId: number, initiativeId: number) {
  return useChange(async ({ boardId, contactPersonId, etag }: { boardId: number; contactPersonId: number | null; etag: string }) =>
    must(
      await api.PATCH('/regional-programmes/{programmeId}/initiatives/{initiativeId}/participants/{boardId}', {
        params: { path: { programmeId, initiativeId, boardId }, header: ifMatch(etag) },
        body: { contactPersonId },
      }),
    ),
  );
}

/* --- results ---------------------------------------------------------------------------------------- */

export function useResults(programmeId: number, initiativeId: number) {
  return useQuery({
    queryKey: programmeKeys.results(programmeId, initiativeId),
    queryFn: async () =>
      must(
        await api.GET('/regional-programmes/{programmeId}/initiatives/{initiativeId}/results', {
          params: { path: { programmeId, initiativeId } },
        }),
      ),
    enabled: valid(programmeId) && valid(initiativeId),
  });
}

export function useCreateResult(programmeId: number, initiativeId: number) {
  return useChange(async ({ body, idempotencyKey }: { body: ResultCreate; idempotencyKey: string }) =>
    must(
      await api.POST('/regional-programmes/{programmeId}/initiatives/{initiativeId}/results', {
        params: { path: { programmeId, initiativeId } },
        headers: { 'Idempotency-Key': idempotencyKey },
        body,
      }),
    ),
  );
}

export function useDeleteResult(programmeId: number, initiativeId: number) {
  return useChange(async ({ resultId, etag }: { resultId: number; etag: string }) => {
    await api.DELETE('/regional-programmes/{programmeId}/initiatives/{initiativeId}/results/{resultId}', {
      params: { path: { programmeId, initiativeId, resultId }, header: ifMatch(etag) },
    });
  });
}

/* --- shared partnerships ------------------------------------------------------------------------------ */

export function useSharedPartnerships(programmeId: number, enabled = true) {
  return useQuery({
    queryKey: programmeKeys.partnerships(programmeId),
    queryFn: async () =>
      must(await api.GET('/regional-programmes/{programmeId}/partnerships', { params: { path: { programmeId } } })),
    enabled: enabled && valid(programmeId),
  });
}
