import { ifMatch, recordWithEtag } from '../../api/etag';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import type { MembershipCreate, UserAccount, UserAccountCreate, UserAccountUpdate, UserListQuery } from '../../api/types';

export interface UserWithEtag {
  user: UserAccount;
  etag: string | null;
}

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
  detail: (id: number) => ['users', 'detail', id] as const,
};

export function useUserAccounts(query: UserListQuery, enabled = true) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: async () => must(await api.GET('/users', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export async function fetchUserAccount(userId: number): Promise<UserWithEtag> {
  const result = await api.GET('/users/{userId}', { params: { path: { userId } } });
  return recordWithEtag('user', result);
}

export function useUserAccount(userId: number, enabled = true) {
  return useQuery({
    queryKey: userKeys.detail(userId),
    queryFn: () => fetchUserAccount(userId),
    enabled: enabled && Number.isInteger(userId) && userId > 0,
  });
}

function invalidateAfterChange(queryClient: ReturnType<typeof useQueryClient>) {
  void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['audit'] });
}

export function useCreateUserAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UserAccountCreate) => must(await api.POST('/users', { body })),
    onSuccess: () => invalidateAfterChange(queryClient),
  });
}

export function useUpdateUserAccount(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: UserAccountUpdate; etag: string | null }) => {
      const result = await api.PATCH('/users/{userId}', {
        params: { path: { userId }, header: ifMatch(etag) },
        body,
      });
      return recordWithEtag('user', result) satisfies UserWithEtag;
    },
    onSuccess: (data) => {
      queryClient.setQueryData(userKeys.detail(userId), data);
      invalidateAfterChange(queryClient);
    },
  });
}

/** Memberships change the user's roles, not the account record: reload it (and its ETag). */
export function useAddMembership(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: MembershipCreate) =>
      must(await api.POST('/users/{userId}/memberships', { params: { path: { userId } }, body })),
    onSuccess: async () => {
      invalidateAfterChange(queryClient);
      await queryClient.invalidateQueries({ queryKey: userKeys.detail(userId) });
    },
  });
}

export function useRemoveMembership(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (membershipId: number) => {
      await api.DELETE('/users/{userId}/memberships/{membershipId}', { params: { path: { userId, membershipId } } });
    },
    // Resolves once the user shows without the role.
    onSuccess: async () => {
      invalidateAfterChange(queryClient);
      await queryClient.invalidateQueries({ queryKey: userKeys.detail(userId) });
    },
  });
}
