/** The scopes a user may look at: boards and schools of their own, and the regions they read. */
import type { Board, School, User } from '../../api/types';
import { regionsWith, scopeLabel, type Access } from '../auth/access';
import type { EntryScope } from './permissions';
import type { Indicator } from './types';
import { DOMAINS, type Domain } from './types';

export interface ScopeOption {
  value: string;
  label: string;
  kind: 'board' | 'school' | 'region';
  boardId: number | null;
}

export function scopeOptions(
  access: Access,
  user: Pick<User, 'memberships'>,
  boards: Board[] | undefined,
  schools: School[] | undefined,
  regionOnly: boolean,
): ScopeOption[] {
  const out: ScopeOption[] = (boards ?? []).map((b) => ({ value: `board:${b.id}`, label: b.name, kind: 'board', boardId: b.id }));
  if (!regionOnly) {
    out.push(...(schools ?? []).map((s) => ({ value: `school:${s.id}`, label: s.name, kind: 'school' as const, boardId: s.boardId })));
  }
  for (const id of regionsWith(access, 'read-region')) {
    out.push({ value: `region:${id}`, label: scopeLabel(user, 'region', id), kind: 'region', boardId: null });
  }
  return out;
}

/** The catalogue grouped by domain, in the domains' own order. */
export function byDomain(indicators: Indicator[]): [Domain, Indicator[]][] {
  return DOMAINS.map((d) => [d, indicators.filter((i) => i.domain === d)] as [Domain, Indicator[]]).filter(([, list]) => list.length > 0);
}

/** A chosen board or school as a measurement's or target's scope (a region is not one). */
export function entryScope(option: ScopeOption | null | undefined): EntryScope | null {
  if (!option || option.kind === 'region') return null;
  const id = Number(option.value.split(':')[1]);
  return option.kind === 'school' ? { kind: 'school', id, boardId: option.boardId ?? 0 } : { kind: 'board', id };
}

/** The scope in a request body: `schoolId` or `boardId`. */
export function scopeBody(scope: EntryScope): { schoolId: number } | { boardId: number } {
  return scope.kind === 'school' ? { schoolId: scope.id } : { boardId: scope.id };
}
