import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllBoards, useAllSchools, useCurrentMunicipalities, useRegionsOfEveryKind } from '../../lib/reference';
import type { Access } from '../../lib/auth/access';
import { adminBoardIds } from '../../lib/auth/permissions';
import type { ScopeLists } from './roleScope';

/**
 * The boards, schools, regions and municipalities the user may give roles at: those of the boards
 * they manage, or everything for a platform administrator (regions of every kind and the
 * municipalities only for them).
 */
export function useScopeLists(access: Access, enabled = true) {
  const { t } = useTranslation();
  const boards = useAllBoards(enabled);
  const schools = useAllSchools(enabled);
  const areas = enabled && access.platformAdmin;
  const regions = useRegionsOfEveryKind(areas);
  const municipalities = useCurrentMunicipalities(areas);

  return useMemo(() => {
    const managed = new Set(adminBoardIds(access));
    const mine = (boardId: number) => access.platformAdmin || managed.has(boardId);
    const manyBoards = access.platformAdmin || managed.size > 1;
    const lists: ScopeLists = {
      boards: (boards.data ?? []).filter((b) => mine(b.id)).map((b) => ({ id: b.id, name: b.name })),
      schools: (schools.data ?? [])
        .filter((s) => mine(s.boardId))
        .map((s) => ({ id: s.id, name: s.name, detail: manyBoards ? s.boardName : null })),
      regions: access.platformAdmin
        ? (regions.data ?? []).map((r) => ({ id: r.id, name: r.name, detail: t(`regionKinds.${r.kind}`) }))
        : [],
      municipalities: access.platformAdmin
        ? (municipalities.data ?? []).map((m) => ({ id: m.id, name: m.name, detail: m.province ?? null }))
        : [],
    };
    /** The board of every school in the list, to tell which memberships the user may change. */
    const schoolBoards = new Map((schools.data ?? []).map((s) => [s.id, s.boardId]));
    const isPending =
      boards.isPending || schools.isPending || (access.platformAdmin && (regions.isPending || municipalities.isPending));
    const error = boards.error ?? schools.error ?? regions.error ?? municipalities.error ?? null;
    return { lists, schoolBoards, isPending: enabled && isPending, error };
  }, [
    t,
    access,
    enabled,
    boards.data,
    boards.isPending,
    boards.error,
    schools.data,
    schools.isPending,
    schools.error,
    regions.data,
    regions.isPending,
    regions.error,
    municipalities.data,
    municipalities.isPending,
    municipalities.error,
  ]);
}
