/** Adding to the catalogue (partner categories, role types) and removing a board's own role types. */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import type { PartnerCategoryCreate, RoleTypeCreate } from '../../api/registryTypes';

/** Refetches the catalogue (the mutation settles once it is back, so the list shows the change). */
async function invalidate(queryClient: QueryClient, key: 'partner-categories' | 'role-types') {
  void queryClient.invalidateQueries({ queryKey: ['audit'] });
  await queryClient.invalidateQueries({ queryKey: [key] });
}

export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PartnerCategoryCreate) => must(await api.POST('/partner-categories', { body })),
    onSuccess: () => invalidate(queryClient, 'partner-categories'),
  });
}

export function useCreateRoleType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: RoleTypeCreate) => must(await api.POST('/role-types', { body })),
    onSuccess: () => invalidate(queryClient, 'role-types'),
  });
}

export function useDeleteRoleType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (roleTypeId: number) => {
      await api.DELETE('/role-types/{roleTypeId}', { params: { path: { roleTypeId } } });
    },
    onSuccess: () => invalidate(queryClient, 'role-types'),
  });
}
