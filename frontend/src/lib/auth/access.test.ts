import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { accessFor } from '../../test/access';
import {
  boardsWith,
  can,
  canInBoard,
  holds,
  holdsAny,
  NO_ACCESS,
  regionsWith,
  roleLevelsOf,
  schoolsWith,
  scopeLabel,
  type Access,
} from './access';
import { canEditBoard, canEditBoardRegister, canSeeCaseReport, isConfidentialCounsellor, landsOnGaps } from './permissions';
import { canSeeKeyPersons, mayRecordBenefit } from '../../features/keypersons/permissions';
import { grantableLevels, grantableRoles } from '../../features/users/roleScope';

/** Access as the API sends it, written out (no role names: only capabilities). */
const schoolCoordinator: Access = {
  ...NO_ACCESS,
  capabilities: ['edit', 'read'],
  schools: [{ id: 4, boardId: 7, capabilities: ['edit', 'read'] }],
  roleLevels: { coordinator: ['board', 'school'] },
};

const platformAdmin: Access = {
  ...NO_ACCESS,
  platformAdmin: true,
  capabilities: ['read', 'edit', 'manage-school', 'manage-board', 'read-audit', 'read-case-report', 'read-region'],
  roleLevels: { viewer: ['board', 'school'], 'region-contact': ['region'], 'municipality-contact': ['municipality'] },
};

const regionContact: Access = {
  ...NO_ACCESS,
  capabilities: ['read-region'],
  regions: [{ id: 3, boardId: null, capabilities: ['read-region'] }],
};

const boardManager: Access = {
  ...NO_ACCESS,
  capabilities: ['edit', 'manage-board', 'manage-school', 'read', 'read-benefit'],
  boards: [{ id: 7, boardId: null, capabilities: ['edit', 'manage-board', 'manage-school', 'read', 'read-benefit'] }],
};

describe('the access module', () => {
  it('lets a school-level coordinator edit the board\'s shared registers, but not the board', () => {
    expect(canInBoard(schoolCoordinator, 'edit', 7)).toBe(true);
    expect(canInBoard(schoolCoordinator, 'edit', 8)).toBe(false);
    expect(canEditBoardRegister(schoolCoordinator, 7)).toBe(true);
    // A board-wide record (no school) is the board's: a school role does not reach it.
    expect(can(schoolCoordinator, 'edit', { boardId: 7 })).toBe(false);
    expect(can(schoolCoordinator, 'edit', { boardId: 7, schoolId: 4 })).toBe(true);
    expect(can(schoolCoordinator, 'edit', { boardId: 7, schoolId: 5 })).toBe(false);
    expect(canEditBoard(schoolCoordinator, 7)).toBe(false);
    expect(can(schoolCoordinator, 'manage-school', { boardId: 7, schoolId: 4 })).toBe(false);
  });

  it('lets a board-level capability cover all the board\'s schools', () => {
    expect(can(boardManager, 'manage-school', { boardId: 7, schoolId: 99 })).toBe(true);
    expect(can(boardManager, 'manage-school', { boardId: 8, schoolId: 99 })).toBe(false);
    expect(boardsWith(boardManager, 'manage-board')).toEqual([7]);
    expect(boardsWith(schoolCoordinator, 'manage-board')).toEqual([]);
    expect(schoolsWith(schoolCoordinator, 'edit').map((s) => s.id)).toEqual([4]);
  });

  it('gives the platform administrator everything everywhere, except the counsellor\'s register and the benefit', () => {
    expect(can(platformAdmin, 'manage-board', { boardId: 123 })).toBe(true);
    expect(canInBoard(platformAdmin, 'edit', 123)).toBe(true);
    expect(holds(platformAdmin, 'read-audit')).toBe(true);
    // Not a counsellor: no register, even with every other capability.
    expect(holds(platformAdmin, 'confidential')).toBe(false);
    expect(can(platformAdmin, 'confidential', { boardId: 1, schoolId: 1 })).toBe(false);
    expect(isConfidentialCounsellor(platformAdmin)).toBe(false);
    expect(canSeeCaseReport(platformAdmin)).toBe(true);
    expect(can(platformAdmin, 'read-benefit', { boardId: 1 })).toBe(false);
    expect(mayRecordBenefit(platformAdmin, { email: 'p@x.nl' }, 1)).toBe(false);
    expect(mayRecordBenefit(boardManager, { email: 'b@x.nl' }, 7)).toBe(true);
    // Even when the API's list would say otherwise, those two stay with the school's people.
    expect(holds({ ...platformAdmin, capabilities: [] }, 'read')).toBe(true);
    expect(holds({ ...platformAdmin, capabilities: [] }, 'confidential')).toBe(false);
  });

  it('shows a region contact no key persons and no schools\' registers', () => {
    expect(canSeeKeyPersons(regionContact)).toBe(false);
    expect(canSeeKeyPersons(schoolCoordinator)).toBe(true);
    expect(canSeeKeyPersons(platformAdmin)).toBe(true);
    expect(holds(regionContact, 'read-region')).toBe(true);
    expect(holds(regionContact, 'read')).toBe(false);
    expect(regionsWith(regionContact, 'read-region')).toEqual([3]);
    expect(holdsAny(regionContact)).toBe(true);
    expect(holdsAny(NO_ACCESS)).toBe(false);
  });

  it('sends editors who manage no board to the gaps first', () => {
    expect(landsOnGaps(schoolCoordinator)).toBe(true);
    expect(landsOnGaps(boardManager)).toBe(false);
    expect(landsOnGaps(platformAdmin)).toBe(false);
    expect(landsOnGaps(regionContact)).toBe(false);
  });

  it('takes the role levels from the session, and gives region-only roles to the platform administrator only', () => {
    expect(roleLevelsOf(platformAdmin, 'region-contact')).toEqual(['region']);
    expect(roleLevelsOf(schoolCoordinator, 'region-contact')).toEqual([]);
    expect(roleLevelsOf(platformAdmin, 'municipality-contact')).toEqual(['municipality']);
    expect(grantableRoles(platformAdmin)).toEqual(['viewer', 'region-contact', 'municipality-contact']);
    expect(grantableRoles({ ...boardManager, roleLevels: platformAdmin.roleLevels })).toEqual(['viewer']);
    expect(grantableLevels(platformAdmin)).toEqual(['board', 'school', 'region', 'municipality']);
    expect(grantableLevels(boardManager)).toEqual(['board', 'school']);
  });

  it('names a scope from the memberships, or by its id', () => {
    const user: Pick<User, 'memberships'> = {
      memberships: [{ id: 1, role: 'viewer', scopeType: 'school', boardId: null, schoolId: 4, regionId: null, scopeName: 'OBS De Spil' }],
    };
    expect(scopeLabel(user, 'school', 4)).toBe('OBS De Spil');
    expect(scopeLabel(user, 'board', 4)).toBe('4');
    const contact: Pick<User, 'memberships'> = {
      memberships: [
        { id: 2, role: 'municipality-contact', scopeType: 'municipality', boardId: null, schoolId: null, regionId: null, municipalityId: 14, scopeName: 'Haarlem' },
      ],
    };
    expect(scopeLabel(contact, 'municipality', 14)).toBe('Haarlem');
    expect(scopeLabel(contact, 'region', 14)).toBe('14');
  });
});

describe('the tests\' derived access', () => {
  it('matches what the API sends for a school coordinator', () => {
    const user: User = {
      id: 1,
      email: 'c@x.nl',
      name: 'C',
      isPlatformAdmin: false,
      isActive: true,
      memberships: [{ id: 1, role: 'coordinator', scopeType: 'school', boardId: null, schoolId: 4, regionId: null, scopeName: 'S' }],
    };
    const derived = accessFor(user, { 4: 7 });
    expect(derived.schools).toEqual(schoolCoordinator.schools);
    expect(derived.capabilities).toEqual(['edit', 'read']);
    expect(derived.platformAdmin).toBe(false);
  });
});
