import { ifMatch, recordWithEtag } from '../../api/etag';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import { fetchAll } from '../../lib/reference';
import { invalidateRegistry } from '../partnerships/api';
import type {
  Person,
  PersonCreate,
  PersonListQuery,
  PersonUpdate,
  RoleAssignment,
  RoleAssignmentCreate,
  RoleAssignmentListQuery,
  RoleAssignmentUpdate,
} from '../../api/registryTypes';

export interface PersonWithEtag {
  person: Person;
  etag: string | null;
}

export const personKeys = {
  list: (query: PersonListQuery) => ['people', 'list', query] as const,
  detail: (id: number) => ['people', 'detail', id] as const,
  options: (boardId?: number) => ['people', 'options', boardId ?? null] as const,
};

export function usePeople(query: PersonListQuery) {
  return useQuery({
    queryKey: personKeys.list(query),
    queryFn: async () => must(await api.GET('/people', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Everyone in the board (for a person select). */
export function usePeopleOptions(boardId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: personKeys.options(boardId),
    queryFn: () =>
      fetchAll<Person>(async (page) =>
        must(await api.GET('/people', { params: { query: { page, pageSize: 100, sort: 'name', boardId } } })),
      ),
    enabled,
    staleTime: 60 * 1000,
  });
}

export function usePerson(personId: number) {
  return useQuery({
    queryKey: personKeys.detail(personId),
    queryFn: async (): Promise<PersonWithEtag> => {
      const result = await api.GET('/people/{personId}', { params: { path: { personId } } });
      return recordWithEtag('person', result);
    },
    enabled: Number.isInteger(personId) && personId > 0,
  });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PersonCreate): Promise<PersonWithEtag> => {
      const result = await api.POST('/people', { body });
      return recordWithEtag('person', result);
    },
    onSuccess: (data) => {
      queryClient.setQueryData(personKeys.detail(data.person.id), data);
      invalidateRegistry(queryClient);
    },
  });
}

export function useUpdatePerson(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: PersonUpdate; etag: string | null }): Promise<PersonWithEtag> => {
      const result = await api.PATCH('/people/{personId}', {
        params: { path: { personId }, header: ifMatch(etag) },
        body,
      });
      return recordWithEtag('person', result);
    },
    onSuccess: (data) => {
      queryClient.setQueryData(personKeys.detail(personId), data);
      invalidateRegistry(queryClient);
    },
  });
}

export function useDeletePerson(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ etag }: { etag: string | null }) => {
      await api.DELETE('/people/{personId}', {
        params: { path: { personId }, header: ifMatch(etag) },
      });
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: personKeys.detail(personId) });
      invalidateRegistry(queryClient);
    },
  });
}

/** Everything Spil holds about the person (right of access), as a JSON file to hand over. */
export async function fetchPersonalData(personId: number): Promise<Blob> {
  const data = must(await api.GET('/people/{personId}/personal-data', { params: { path: { personId } } }));
  return new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
}

/** Erases the person (right to erasure): anonymised, history kept; 409 while a statutory role runs. */
export function useErasePerson(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ etag }: { etag: string | null }): Promise<PersonWithEtag> => {
      const result = await api.POST('/people/{personId}/erasure', {
        params: { path: { personId }, header: ifMatch(etag) },
      });
      return recordWithEtag('person', result);
    },
    onSuccess: (data) => {
      queryClient.setQueryData(personKeys.detail(personId), data);
      invalidateRegistry(queryClient);
    },
  });
}

/* --- role assignments ------------------------------------------------------------------------ */

export interface AssignmentWithEtag {
  assignment: RoleAssignment;
  etag: string | null;
}

/** Every assignment matching the query (all pages). */
export function useRoleAssignments(query: RoleAssignmentListQuery, enabled = true) {
  return useQuery({
    queryKey: ['role-assignments', 'all', query],
    queryFn: () =>
      fetchAll<RoleAssignment>(async (page) =>
        must(await api.GET('/role-assignments', { params: { query: { ...query, page, pageSize: 100 } } })),
      ),
    enabled,
  });
}

export function useRoleAssignment(assignmentId: number) {
  return useQuery({
    queryKey: ['role-assignments', 'detail', assignmentId],
    queryFn: async (): Promise<AssignmentWithEtag> => {
      const result = await api.GET('/role-assignments/{roleAssignmentId}', {
        params: { path: { roleAssignmentId: assignmentId } },
      });
      return recordWithEtag('assignment', result);
    },
    enabled: Number.isInteger(assignmentId) && assignmentId > 0,
  });
}

export function useCreateAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: RoleAssignmentCreate) => must(await api.POST('/role-assignments', { body })),
    onSuccess: () => invalidateRegistry(queryClient),
  });
}

export function useUpdateAssignment(assignmentId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: RoleAssignmentUpdate; etag: string | null }): Promise<AssignmentWithEtag> => {
      const result = await api.PATCH('/role-assignments/{roleAssignmentId}', {
        params: { path: { roleAssignmentId: assignmentId }, header: ifMatch(etag) },
        body,
      });
      return recordWithEtag('assignment', result);
    },
    onSuccess: (data) => {
      queryClient.setQueryData(['role-assignments', 'detail', assignmentId], data);
      invalidateRegistry(queryClient);
    },
  });
}

export function useDeleteAssignment(assignmentId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ etag }: { etag: string | null }) => {
      await api.DELETE('/role-assignments/{roleAssignmentId}', {
        params: { path: { roleAssignmentId: assignmentId }, header: ifMatch(etag) },
      });
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ['role-assignments', 'detail', assignmentId] });
      invalidateRegistry(queryClient);
    },
  });
}
