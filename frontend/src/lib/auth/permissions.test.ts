import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { accessFor } from '../../test/access';
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
  it('reads nothing but the session\'s access: a role name the API does not list gives nothing', () => {
    // The API may grant a board's management to any role: the screens follow the capabilities.
    const access = {
      ...accessFor(base),
      capabilities: ['read' as const, 'manage-board' as const],
      boards: [{ id: 5, boardId: null, capabilities: ['read' as const, 'manage-board' as const] }],
    };
    expect(canEditBoard(access, 5)).toBe(true);
    expect(canEditSchool(access, { id: 1, boardId: 5 })).toBe(false);
    expect(canManageUsers(access)).toBe(true);
    expect(canSeeAudit(access)).toBe(false);
  });

  it('gives board admins the audit log, boards and editing of their own board only', () => {
    const user = accessFor({ ...base, memberships: [m('board-admin', 'board', { boardId: 7 })] });
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
    const user = accessFor({ ...base, memberships: [m('school-admin', 'school', { schoolId: 3, boardId: 7 })] });
    expect(canSeeAudit(user)).toBe(false);
    expect(canSeeBoards(user)).toBe(false);
    expect(canEditSchool(user, { id: 3, boardId: 7 })).toBe(true);
    expect(canEditSchool(user, { id: 4, boardId: 7 })).toBe(false);
  });

  it('shows boards to region contacts and everything to platform admins', () => {
    expect(canSeeBoards(accessFor({ ...base, memberships: [m('region-contact', 'region', { regionId: 1 })] }))).toBe(true);
    const admin = accessFor({ ...base, isPlatformAdmin: true });
    expect(canSeeAudit(admin) && canSeeBoards(admin) && canCreateBoard(admin) && canEditBoard(admin, 99)).toBe(true);
  });

  it('gives user and integration management to board and platform admins only', () => {
    const boardAdmin = accessFor({ ...base, memberships: [m('board-admin', 'board', { boardId: 7 })] });
    expect(canManageUsers(boardAdmin) && canManageApiClients(boardAdmin)).toBe(true);
    const admin = accessFor({ ...base, isPlatformAdmin: true });
    expect(canManageUsers(admin) && canManageApiClients(admin)).toBe(true);
    for (const role of ['school-admin', 'coordinator', 'confidential-counsellor', 'viewer'] as const) {
      const user = accessFor({ ...base, memberships: [m(role, 'school', { schoolId: 3, boardId: 7 })] });
      expect(canManageUsers(user) || canManageApiClients(user)).toBe(false);
    }
    const region = accessFor({ ...base, memberships: [m('region-contact', 'region', { regionId: 1 })] });
    expect(canManageUsers(region) || canManageApiClients(region)).toBe(false);
  });
});
