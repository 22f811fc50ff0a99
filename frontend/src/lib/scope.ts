/** What the registry screens need to know about the user's scope: schools, boards, and reference lists. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, must } from '../api/client';
import type { School } from '../api/types';
import { fetchAll } from './reference';
import { useUser } from './auth/AuthProvider';
import { useT } from './i18n';
import type { PartnerCategory, RoleType } from '../api/registryTypes';

/** Every school in the user's scope (the API filters), sorted by name. */
export function useScopeSchools(enabled = true) {
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

export interface ScopeBoard {
  id: number;
  name: string;
}

/** The boards the user works for: from board memberships and from the schools in scope. */
export function useScopeBoards() {
  const user = useUser();
  const schools = useScopeSchools();
  const boards = useMemo(() => {
    const out = new Map<number, string>();
    for (const m of user.memberships) {
      if (m.scopeType === 'board' && m.boardId != null) out.set(m.boardId, m.scopeName ?? String(m.boardId));
    }
    for (const s of schools.data ?? []) {
      if (!out.has(s.boardId)) out.set(s.boardId, s.boardName || String(s.boardId));
    }
    return [...out.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [user.memberships, schools.data]);
  return { boards, isPending: schools.isPending };
}

/** Partner categories: the built-in ones and those of the board. */
export function useCategories(boardId?: number) {
  return useQuery({
    queryKey: ['partner-categories', boardId ?? null],
    queryFn: async () => must(await api.GET('/partner-categories', { params: { query: { boardId } } })),
    staleTime: 10 * 60 * 1000,
  });
}

/** The role catalogue: built-in role types and those of the board. */
export function useRoleTypes(boardId?: number) {
  return useQuery({
    queryKey: ['role-types', boardId ?? null],
    queryFn: async () => must(await api.GET('/role-types', { params: { query: { boardId } } })),
    staleTime: 10 * 60 * 1000,
  });
}

/** The name of a catalogue entry (category, role type) in the current language. */
export function useLocalName() {
  const { i18n } = useT();
  const english = (i18n.resolvedLanguage ?? i18n.language) === 'en';
  return useMemo(
    () => (item: { nameNl: string; nameEn: string } | undefined | null, fallback = '') =>
      item ? (english ? item.nameEn : item.nameNl) : fallback,
    [english],
  );
}

/** Looks up categories by code, in the current language. */
export function useCategoryName(boardId?: number) {
  const categories = useCategories(boardId);
  const localName = useLocalName();
  return useMemo(() => {
    const byCode = new Map<string, PartnerCategory>((categories.data ?? []).map((c) => [c.code, c]));
    return (code: string, fallback?: string) => localName(byCode.get(code), fallback ?? code);
  }, [categories.data, localName]);
}

/** Looks up role types by code (and by Dutch name, as the organogram gives them), in the current language. */
export function useRoleName(boardId?: number) {
  const roleTypes = useRoleTypes(boardId);
  const localName = useLocalName();
  return useMemo(() => {
    const byCode = new Map<string, RoleType>();
    const byDutch = new Map<string, RoleType>();
    for (const r of roleTypes.data ?? []) {
      byCode.set(r.code, r);
      byDutch.set(r.nameNl, r);
    }
    return {
      byCode: (code: string, fallback?: string) => localName(byCode.get(code), fallback ?? code),
      byDutchName: (name: string) => localName(byDutch.get(name), name),
      type: (code: string) => byCode.get(code),
    };
  }, [roleTypes.data, localName]);
}
