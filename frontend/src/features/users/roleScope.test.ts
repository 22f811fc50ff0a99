import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { accessFor, TEST_ROLE_LEVELS as roleLevels } from '../../test/access';
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

const boardAdminUser: User = {
  id: 1,
  email: 'b@x.nl',
  name: 'B',
  isPlatformAdmin: false,
  isActive: true,
  memberships: [{ id: 1, role: 'board-admin', scopeType: 'board', boardId: 7, schoolId: null, regionId: null, scopeName: 'Spil' }],
};
const boardAdmin = accessFor(boardAdminUser);
const platformAdmin = accessFor({ ...boardAdminUser, isPlatformAdmin: true, memberships: [] });

const lists: ScopeLists = {
  boards: [{ id: 7, name: 'Stichting Spil Demo' }],
  schools: [
    { id: 4, name: 'OBS De Spil' },
    { id: 5, name: 'Basisschool De Regenboog' },
  ],
  regions: [{ id: 2, name: 'Groot Amsterdam' }],
  municipalities: [{ id: 14, name: 'Haarlem' }],
};

describe('the role-level rule', () => {
  it('gives each role the levels the session names, as the API enforces them', () => {
    expect(levelsForRole(roleLevels, 'board-admin')).toEqual(['board']);
    expect(levelsForRole(roleLevels, 'school-admin')).toEqual(['school']);
    expect(levelsForRole(roleLevels, 'region-contact')).toEqual(['region']);
    expect(levelsForRole(roleLevels, 'municipality-contact')).toEqual(['municipality']);
    for (const role of ['coordinator', 'confidential-counsellor', 'viewer'] as const) {
      expect(levelsForRole(roleLevels, role)).toEqual(['board', 'school']);
    }
    expect(levelsForRole(roleLevels, '')).toEqual(['board', 'school', 'region', 'municipality']);
    // The levels come from the session, not from a table in the SPA.
    expect(levelsForRole({ ...roleLevels, viewer: ['school'] }, 'viewer')).toEqual(['school']);
    expect(levelsForRole({}, 'viewer')).toEqual([]);
  });

  it('offers region and municipality roles, regions and municipalities to platform administrators only', () => {
    expect(grantableRoles(boardAdmin)).not.toContain('region-contact');
    expect(grantableRoles(boardAdmin)).not.toContain('municipality-contact');
    expect(grantableRoles(boardAdmin)).toContain('coordinator');
    expect(grantableLevels(boardAdmin)).toEqual(['board', 'school']);
    expect(grantableRoles(platformAdmin)).toContain('region-contact');
    expect(grantableRoles(platformAdmin)).toContain('municipality-contact');
    expect(grantableLevels(platformAdmin)).toEqual(['board', 'school', 'region', 'municipality']);
  });

  it('lists only the scopes that fit the role, grouped by level', () => {
    const levels = grantableLevels(platformAdmin);
    expect(scopeGroups(roleLevels, 'school-admin', lists, levels)).toEqual([
      {
        level: 'school',
        options: [
          { value: 'school:4', label: 'OBS De Spil' },
          { value: 'school:5', label: 'Basisschool De Regenboog' },
        ],
      },
    ]);
    expect(scopeGroups(roleLevels, 'coordinator', lists, levels).map((g) => g.level)).toEqual(['board', 'school']);
    expect(scopeGroups(roleLevels, 'region-contact', lists, levels).map((g) => g.level)).toEqual(['region']);
    expect(scopeGroups(roleLevels, 'municipality-contact', lists, levels)).toEqual([
      { level: 'municipality', options: [{ value: 'municipality:14', label: 'Haarlem' }] },
    ]);
    // A board admin has no region level at all.
    expect(scopeGroups(roleLevels, 'region-contact', lists, grantableLevels(boardAdmin))).toEqual([]);
  });

  it('drops a chosen scope that no longer fits when the role changes', () => {
    expect(keepScopeForRole(roleLevels, 'coordinator', 'school:5')).toBe('school:5');
    expect(keepScopeForRole(roleLevels, 'board-admin', 'school:5')).toBe('');
    expect(keepScopeForRole(roleLevels, 'school-admin', 'board:7')).toBe('');
    expect(keepScopeForRole(roleLevels, '', 'board:7')).toBe('board:7');
  });

  it('checks a role and scope before they are sent', () => {
    expect(checkMembership(roleLevels, '', '')).toEqual({ role: 'roleRequired', scope: 'scopeRequired' });
    expect(checkMembership(roleLevels, 'board-admin', 'school:4')).toEqual({ scope: 'wrongLevel' });
    expect(checkMembership(roleLevels, 'region-contact', 'board:7')).toEqual({ scope: 'wrongLevel' });
    expect(checkMembership(roleLevels, 'municipality-contact', 'region:2')).toEqual({ scope: 'wrongLevel' });
    expect(checkMembership(roleLevels, 'municipality-contact', 'municipality:14')).toEqual({});
    expect(checkMembership(roleLevels, 'viewer', 'board:7')).toEqual({});
    expect(checkMembership(roleLevels, 'nonsense', 'board:7')).toEqual({ role: 'roleRequired' });
    expect(checkMembership(roleLevels, 'viewer', 'board:abc')).toEqual({ scope: 'scopeRequired' });
  });

  it('builds the request body with exactly one of boardId, schoolId, regionId or municipalityId', () => {
    expect(membershipBody('coordinator', 'school:5')).toEqual({ role: 'coordinator', schoolId: 5 });
    expect(membershipBody('board-admin', 'board:7')).toEqual({ role: 'board-admin', boardId: 7 });
    expect(membershipBody('region-contact', 'region:2')).toEqual({ role: 'region-contact', regionId: 2 });
    expect(membershipBody('municipality-contact', 'municipality:14')).toEqual({ role: 'municipality-contact', municipalityId: 14 });
    expect(parseScopeValue('school:0')).toBeNull();
    expect(() => membershipBody('viewer', '')).toThrow();
  });

  it('puts API errors on memberships next to the role or the scope field', () => {
    expect(membershipField('role')).toBe('role');
    expect(membershipField('memberships.0.role')).toBe('role');
    expect(membershipField('schoolId')).toBe('scope');
    expect(membershipField('body.memberships.0.boardId')).toBe('scope');
    expect(membershipField('memberships.0')).toBe('scope');
    expect(membershipField('memberships.0.municipalityId')).toBe('scope');
    expect(membershipField('memberships')).toBe('scope');
    expect(membershipField('email')).toBeNull();
  });

  it('lets board admins remove only roles within their boards', () => {
    const schoolBoards = new Map([
      [4, 7],
      [9, 8],
    ]);
    const at = (scopeType: 'board' | 'school' | 'region' | 'municipality', ids: { boardId?: number; schoolId?: number }) => ({
      scopeType,
      boardId: ids.boardId ?? null,
      schoolId: ids.schoolId ?? null,
    });
    expect(canManageMembership(boardAdmin, at('board', { boardId: 7 }), schoolBoards)).toBe(true);
    expect(canManageMembership(boardAdmin, at('board', { boardId: 8 }), schoolBoards)).toBe(false);
    expect(canManageMembership(boardAdmin, at('school', { schoolId: 4 }), schoolBoards)).toBe(true);
    expect(canManageMembership(boardAdmin, at('school', { schoolId: 9 }), schoolBoards)).toBe(false);
    expect(canManageMembership(boardAdmin, at('region', {}), schoolBoards)).toBe(false);
    expect(canManageMembership(boardAdmin, at('municipality', {}), schoolBoards)).toBe(false);
    expect(canManageMembership(platformAdmin, at('region', {}), schoolBoards)).toBe(true);
    expect(canManageMembership(platformAdmin, at('municipality', {}), schoolBoards)).toBe(true);
  });
});
