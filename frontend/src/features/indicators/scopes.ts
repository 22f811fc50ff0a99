/** The scopes a user may look at: boards and schools of their own, and the municipalities and regions they read. */
import type { Board, School, User } from '../../api/types';
import { municipalitiesWith, regionsWith, scopeLabel, type Access } from '../../lib/auth/access';
import type { EntryScope } from './permissions';
import type { Indicator } from './types';
import { DOMAINS, type Domain } from './types';

export const SCOPE_KINDS = ['board', 'school', 'municipality', 'region'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface ScopeOption {
  value: string;
  label: string;
  kind: ScopeKind;
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
  for (const id of municipalitiesWith(access, 'read-region')) {
    out.push({ value: `municipality:${id}`, label: scopeLabel(user, 'municipality', id), kind: 'municipality', boardId: null });
  }
  for (const id of regionsWith(access, 'read-region')) {
    out.push({ value: `region:${id}`, label: scopeLabel(user, 'region', id), kind: 'region', boardId: null });
  }
  return out;
}

/**
 * A municipality or region in the address (`?scope=municipality:14`, from an area dashboard) that
 * the choices do not list (the platform administrator's, say): an option of its own, named by the
 * series once it has loaded. Null for anything else.
 */
export function areaScopeOption(scope: string, name: string | null | undefined): ScopeOption | null {
  const match = /^(municipality|region):([1-9][0-9]{0,9})$/.exec(scope);
  if (!match) return null;
  return { value: scope, label: name || scope, kind: match[1] as 'municipality' | 'region', boardId: null };
}

/** The catalogue grouped by domain, in the domains' own order. */
export function byDomain(indicators: Indicator[]): [Domain, Indicator[]][] {
  return DOMAINS.map((d) => [d, indicators.filter((i) => i.domain === d)] as [Domain, Indicator[]]).filter(([, list]) => list.length > 0);
}

/** A chosen board or school as a measurement's or target's scope (a municipality or region is not one). */
export function entryScope(option: ScopeOption | null | undefined): EntryScope | null {
  if (!option || option.kind === 'region' || option.kind === 'municipality') return null;
  const id = Number(option.value.split(':')[1]);
  return option.kind === 'school' ? { kind: 'school', id, boardId: option.boardId ?? 0 } : { kind: 'board', id };
}

/** The scope in a request body: `schoolId` or `boardId`. */
export function scopeBody(scope: EntryScope): { schoolId: number } | { boardId: number } {
  return scope.kind === 'school' ? { schoolId: scope.id } : { boardId: scope.id };
}
