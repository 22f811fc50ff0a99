import { useMemo } from 'react';
import type { User } from '../../api/types';
import { useAllBoards, useAllRegions, useAllSchools } from '../../lib/reference';
import { adminBoardIds } from '../auth/permissions';
import type { ScopeLists } from './roleScope';

/**
 * The boards, schools and regions the user may give roles at: those of the boards they
 * administer, or everything for a platform administrator (regions only for them).
 */
export function useScopeLists(user: User, enabled = true) {
  const boards = useAllBoards(enabled);
  const schools = useAllSchools(enabled);
  const regions = useAllRegions(enabled && user.isPlatformAdmin);

  return useMemo(() => {
    const managed = new Set(adminBoardIds(user));
    const mine = (boardId: number) => user.isPlatformAdmin || managed.has(boardId);
    const manyBoards = user.isPlatformAdmin || managed.size > 1;
    const lists: ScopeLists = {
      boards: (boards.data ?? []).filter((b) => mine(b.id)).map((b) => ({ id: b.id, name: b.name })),
      schools: (schools.data ?? [])
        .filter((s) => mine(s.boardId))
        .map((s) => ({ id: s.id, name: s.name, detail: manyBoards ? s.boardName : null })),
      regions: user.isPlatformAdmin ? (regions.data ?? []).map((r) => ({ id: r.id, name: r.name })) : [],
    };
    /** The board of every school in the list, to tell which memberships the user may change. */
    const schoolBoards = new Map((schools.data ?? []).map((s) => [s.id, s.boardId]));
    const isPending = boards.isPending || schools.isPending || (user.isPlatformAdmin && regions.isPending);
    const error = boards.error ?? schools.error ?? regions.error ?? null;
    return { lists, schoolBoards, isPending: enabled && isPending, error };
  }, [user, enabled, boards.data, boards.isPending, boards.error, schools.data, schools.isPending, schools.error, regions.data, regions.isPending, regions.error]);
}
