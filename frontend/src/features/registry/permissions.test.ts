import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { boardAdmin } from '../../test/utils';
import {
  canEditBoardRegister,
  canEditRegistry,
  canEditSchoolRecords,
  canSeeRegistry,
  landsOnGaps,
} from '../auth/permissions';
import { coordinator, viewer } from './testData';

const regionContact: User = {
  ...viewer,
  id: 7,
  memberships: [{ id: 7, role: 'region-contact', scopeType: 'region', boardId: null, schoolId: null, regionId: 3, scopeName: 'Zuid-Kennemerland' }],
};
const boardOf = (schoolId: number) => (schoolId === 1 ? 1 : schoolId === 9 ? 2 : undefined);

describe('registry permissions', () => {
  it('lets everyone with a role read, and editors edit', () => {
    for (const u of [coordinator, viewer, regionContact, boardAdmin]) expect(canSeeRegistry(u)).toBe(true);
    expect(canEditRegistry(coordinator)).toBe(true);
    expect(canEditRegistry(viewer)).toBe(false);
    expect(canEditRegistry(regionContact)).toBe(false);
  });

  it('limits a coordinator to their school, and to board-wide registers of its board', () => {
    expect(canEditSchoolRecords(coordinator, { boardId: 1, schoolId: 1 })).toBe(true);
    expect(canEditSchoolRecords(coordinator, { boardId: 1, schoolId: 2 })).toBe(false);
    expect(canEditSchoolRecords(coordinator, { boardId: 1, schoolId: null })).toBe(false);
    expect(canEditBoardRegister(coordinator, 1, boardOf)).toBe(true);
    expect(canEditBoardRegister(coordinator, 2, boardOf)).toBe(false);
    expect(canEditSchoolRecords(viewer, { boardId: 1, schoolId: 1 })).toBe(false);
    expect(canEditSchoolRecords(boardAdmin, { boardId: 7, schoolId: null })).toBe(true);
  });

  it('sends school administrators and coordinators, not board administrators, to the gaps first', () => {
    expect(landsOnGaps(coordinator)).toBe(true);
    expect(landsOnGaps(boardAdmin)).toBe(false);
    expect(landsOnGaps(viewer)).toBe(false);
  });
});
