import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import {
  canManageMembership,
  checkMembership,
  grantableLevels,
  grantableRoles,
  keepScopeForRole,
  levelsForRole,
  membershipBody,
  membershipField,
  parseScopeValue,
  scopeGroups,
  type ScopeLists,
} from './roleScope';

const boardAdmin: User = {
  id: 1,
  email: 'b@x.nl',
  name: 'B',
  isPlatformAdmin: false,
  isActive: true,
  memberships: [{ id: 1, role: 'board-admin', scopeType: 'board', boardId: 7, schoolId: null, regionId: null, scopeName: 'Spil' }],
};
const platformAdmin: User = { ...boardAdmin, isPlatformAdmin: true, memberships: [] };

const lists: ScopeLists = {
  boards: [{ id: 7, name: 'Stichting Spil Demo' }],
  schools: [
    { id: 4, name: 'OBS De Spil' },
    { id: 5, name: 'Basisschool De Regenboog' },
  ],
  regions: [{ id: 2, name: 'Groot Amsterdam' }],
};

describe('the role-level rule', () => {
  it('gives each role its levels, as the API enforces them', () => {
    expect(levelsForRole('board-admin')).toEqual(['board']);
    expect(levelsForRole('school-admin')).toEqual(['school']);
    expect(levelsForRole('region-contact')).toEqual(['region']);
    for (const role of ['coordinator', 'confidential-counsellor', 'viewer'] as const) {
      expect(levelsForRole(role)).toEqual(['board', 'school']);
    }
    expect(levelsForRole('')).toEqual(['board', 'school', 'region']);
  });

  it('offers region roles and regions to platform administrators only', () => {
    expect(grantableRoles(boardAdmin)).not.toContain('region-contact');
    expect(grantableRoles(boardAdmin)).toContain('coordinator');
    expect(grantableLevels(boardAdmin)).toEqual(['board', 'school']);
    expect(grantableRoles(platformAdmin)).toContain('region-contact');
    expect(grantableLevels(platformAdmin)).toEqual(['board', 'school', 'region']);
  });

  it('lists only the scopes that fit the role, grouped by level', () => {
    const levels = grantableLevels(platformAdmin);
    expect(scopeGroups('school-admin', lists, levels)).toEqual([
      {
        level: 'school',
        options: [
          { value: 'school:4', label: 'OBS De Spil' },
          { value: 'school:5', label: 'Basisschool De Regenboog' },
        ],
      },
    ]);
    expect(scopeGroups('coordinator', lists, levels).map((g) => g.level)).toEqual(['board', 'school']);
    expect(scopeGroups('region-contact', lists, levels).map((g) => g.level)).toEqual(['region']);
    // A board admin has no region level at all.
    expect(scopeGroups('region-contact', lists, grantableLevels(boardAdmin))).toEqual([]);
  });

  it('drops a chosen scope that no longer fits when the role changes', () => {
    expect(keepScopeForRole('coordinator', 'school:5')).toBe('school:5');
    expect(keepScopeForRole('board-admin', 'school:5')).toBe('');
    expect(keepScopeForRole('school-admin', 'board:7')).toBe('');
    expect(keepScopeForRole('', 'board:7')).toBe('board:7');
  });

  it('checks a role and scope before they are sent', () => {
    expect(checkMembership('', '')).toEqual({ role: 'roleRequired', scope: 'scopeRequired' });
    expect(checkMembership('board-admin', 'school:4')).toEqual({ scope: 'wrongLevel' });
    expect(checkMembership('region-contact', 'board:7')).toEqual({ scope: 'wrongLevel' });
    expect(checkMembership('viewer', 'board:7')).toEqual({});
    expect(checkMembership('nonsense', 'board:7')).toEqual({ role: 'roleRequired' });
    expect(checkMembership('viewer', 'board:abc')).toEqual({ scope: 'scopeRequired' });
  });

  it('builds the request body with exactly one of boardId, schoolId or regionId', () => {
    expect(membershipBody('coordinator', 'school:5')).toEqual({ role: 'coordinator', schoolId: 5 });
    expect(membershipBody('board-admin', 'board:7')).toEqual({ role: 'board-admin', boardId: 7 });
    expect(membershipBody('region-contact', 'region:2')).toEqual({ role: 'region-contact', regionId: 2 });
    expect(parseScopeValue('school:0')).toBeNull();
    expect(() => membershipBody('viewer', '')).toThrow();
  });

  it('puts API errors on memberships next to the role or the scope field', () => {
    expect(membershipField('role')).toBe('role');
    expect(membershipField('memberships.0.role')).toBe('role');
    expect(membershipField('schoolId')).toBe('scope');
    expect(membershipField('body.memberships.0.boardId')).toBe('scope');
    expect(membershipField('memberships.0')).toBe('scope');
    expect(membershipField('memberships')).toBe('scope');
    expect(membershipField('email')).toBeNull();
  });

  it('lets board admins remove only roles within their boards', () => {
    const schoolBoards = new Map([
      [4, 7],
      [9, 8],
    ]);
    const at = (scopeType: 'board' | 'school' | 'region', ids: { boardId?: number; schoolId?: number }) => ({
      scopeType,
      boardId: ids.boardId ?? null,
      schoolId: ids.schoolId ?? null,
    });
    expect(canManageMembership(boardAdmin, at('board', { boardId: 7 }), schoolBoards)).toBe(true);
    expect(canManageMembership(boardAdmin, at('board', { boardId: 8 }), schoolBoards)).toBe(false);
    expect(canManageMembership(boardAdmin, at('school', { schoolId: 4 }), schoolBoards)).toBe(true);
    expect(canManageMembership(boardAdmin, at('school', { schoolId: 9 }), schoolBoards)).toBe(false);
    expect(canManageMembership(boardAdmin, at('region', {}), schoolBoards)).toBe(false);
    expect(canManageMembership(platformAdmin, at('region', {}), schoolBoards)).toBe(true);
  });
});
