import { useMemo } from 'react';
import { useAllBoards, useAllRegions, useAllSchools } from '../../lib/reference';
import type { Access } from '../auth/access';
import { adminBoardIds } from '../auth/permissions';
import type { ScopeLists } from './roleScope';

/**
 * The boards, schools and regions the user may give roles at: those of the boards they
 * manage, or everything for a platform administrator (regions only for them).
 */
export function useScopeLists(access: Access, enabled = true) {
  const boards = useAllBoards(enabled);
  const schools = useAllSchools(enabled);
  const regions = useAllRegions(enabled && access.platformAdmin);

  return useMemo(() => {
    const managed = new Set(adminBoardIds(access));
    const mine = (boardId: number) => access.platformAdmin || managed.has(boardId);
    const manyBoards = access.platformAdmin || managed.size > 1;
    const lists: ScopeLists = {
      boards: (boards.data ?? []).filter((b) => mine(b.id)).map((b) => ({ id: b.id, name: b.name })),
      schools: (schools.data ?? [])
        .filter((s) => mine(s.boardId))
        .map((s) => ({ id: s.id, name: s.name, detail: manyBoards ? s.boardName : null })),
      regions: access.platformAdmin ? (regions.data ?? []).map((r) => ({ id: r.id, name: r.name })) : [],
    };
    /** The board of every school in the list, to tell which memberships the user may change. */
    const schoolBoards = new Map((schools.data ?? []).map((s) => [s.id, s.boardId]));
    const isPending = boards.isPending || schools.isPending || (access.platformAdmin && regions.isPending);
    const error = boards.error ?? schools.error ?? regions.error ?? null;
    return { lists, schoolBoards, isPending: enabled && isPending, error };
  }, [access, enabled, boards.data, boards.isPending, boards.error, schools.data, schools.isPending, schools.error, regions.data, regions.isPending, regions.error]);
}
