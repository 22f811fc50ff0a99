import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import {
  canCreateBoard,
  canCreateSchool,
  canEditBoard,
  canEditSchool,
  canManageApiClients,
  canManageUsers,
  canSeeAudit,
  canSeeBoards,
} from './permissions';

const base: User = { id: 1, email: 'x@y.nl', name: 'X', isPlatformAdmin: false, isActive: true, memberships: [] };
const m = (role: User['memberships'][number]['role'], scopeType: 'board' | 'school' | 'region', ids: { boardId?: number; schoolId?: number; regionId?: number }) => ({
  id: Math.random(),
  role,
  scopeType,
  boardId: ids.boardId ?? null,
  schoolId: ids.schoolId ?? null,
  regionId: ids.regionId ?? null,
  scopeName: 'S',
});

describe('permissions', () => {
  it('gives board admins the audit log, boards and editing of their own board only', () => {
    const user = { ...base, memberships: [m('board-admin', 'board', { boardId: 7 })] };
    expect(canSeeAudit(user)).toBe(true);
    expect(canSeeBoards(user)).toBe(true);
    expect(canEditBoard(user, 7)).toBe(true);
    expect(canEditBoard(user, 8)).toBe(false);
    expect(canCreateSchool(user)).toBe(true);
    expect(canCreateBoard(user)).toBe(false);
    expect(canEditSchool(user, { id: 1, boardId: 7 })).toBe(true);
    expect(canEditSchool(user, { id: 2, boardId: 8 })).toBe(false);
  });

  it('keeps the audit log and board list from school staff', () => {
    const user = { ...base, memberships: [m('school-admin', 'school', { schoolId: 3, boardId: 7 })] };
    expect(canSeeAudit(user)).toBe(false);
    expect(canSeeBoards(user)).toBe(false);
    expect(canEditSchool(user, { id: 3, boardId: 7 })).toBe(true);
    expect(canEditSchool(user, { id: 4, boardId: 7 })).toBe(false);
  });

  it('shows boards to region contacts and everything to platform admins', () => {
    expect(canSeeBoards({ ...base, memberships: [m('region-contact', 'region', { regionId: 1 })] })).toBe(true);
    const admin = { ...base, isPlatformAdmin: true };
    expect(canSeeAudit(admin) && canSeeBoards(admin) && canCreateBoard(admin) && canEditBoard(admin, 99)).toBe(true);
  });

  it('gives user and integration management to board and platform admins only', () => {
    const boardAdmin = { ...base, memberships: [m('board-admin', 'board', { boardId: 7 })] };
    expect(canManageUsers(boardAdmin) && canManageApiClients(boardAdmin)).toBe(true);
    const admin = { ...base, isPlatformAdmin: true };
    expect(canManageUsers(admin) && canManageApiClients(admin)).toBe(true);
    for (const role of ['school-admin', 'coordinator', 'confidential-counsellor', 'viewer'] as const) {
      const user = { ...base, memberships: [m(role, 'school', { schoolId: 3, boardId: 7 })] };
      expect(canManageUsers(user) || canManageApiClients(user)).toBe(false);
    }
    const region = { ...base, memberships: [m('region-contact', 'region', { regionId: 1 })] };
    expect(canManageUsers(region) || canManageApiClients(region)).toBe(false);
  });
});
