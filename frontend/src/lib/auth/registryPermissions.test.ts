import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { accessFor } from '../../test/access';
import { boardAdmin } from '../../test/utils';
import {
  canEditBoardRegister,
  canEditRegistry,
  canEditSchoolRecords,
  canSeeRegistry,
  landsOnGaps,
} from './permissions';
import { coordinator, viewer } from '../../test/testData';

const regionContact: User = {
  ...viewer,
  id: 7,
  memberships: [{ id: 7, role: 'region-contact', scopeType: 'region', boardId: null, schoolId: null, regionId: 3, scopeName: 'Zuid-Kennemerland' }],
};
// The API sends each school's board with the school's capabilities (OBS De Spil, school 1, is board 1's).
const schoolBoards = { 1: 1, 9: 2 };
const as = (u: User) => accessFor(u, schoolBoards);

describe('registry permissions', () => {
  it('lets readers of a board or school read, and editors edit; a region contact reads no colleagues', () => {
    for (const u of [coordinator, viewer, boardAdmin]) expect(canSeeRegistry(as(u))).toBe(true);
    expect(canSeeRegistry(as(regionContact))).toBe(false);
    expect(canEditRegistry(as(coordinator))).toBe(true);
    expect(canEditRegistry(as(viewer))).toBe(false);
    expect(canEditRegistry(as(regionContact))).toBe(false);
  });

  it('limits a coordinator to their school, and to board-wide registers of its board', () => {
    expect(canEditSchoolRecords(as(coordinator), { boardId: 1, schoolId: 1 })).toBe(true);
    expect(canEditSchoolRecords(as(coordinator), { boardId: 1, schoolId: 2 })).toBe(false);
    expect(canEditSchoolRecords(as(coordinator), { boardId: 1, schoolId: null })).toBe(false);
    expect(canEditBoardRegister(as(coordinator), 1)).toBe(true);
    expect(canEditBoardRegister(as(coordinator), 2)).toBe(false);
    expect(canEditSchoolRecords(as(viewer), { boardId: 1, schoolId: 1 })).toBe(false);
    expect(canEditSchoolRecords(as(boardAdmin), { boardId: 7, schoolId: null })).toBe(true);
  });

  it('sends school administrators and coordinators, not board administrators, to the gaps first', () => {
    expect(landsOnGaps(as(coordinator))).toBe(true);
    expect(landsOnGaps(as(boardAdmin))).toBe(false);
    expect(landsOnGaps(as(viewer))).toBe(false);
  });
});
