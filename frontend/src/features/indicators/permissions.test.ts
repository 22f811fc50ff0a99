import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { accessFor } from '../../test/access';
import { boardAdmin } from '../../test/utils';
import { coordinator } from '../../test/testData';
import { canCompareSchoolsOf, isRegionOnly } from './permissions';

const regionContact: User = {
  ...coordinator,
  id: 7,
  memberships: [{ id: 7, role: 'region-contact', scopeType: 'region', boardId: null, schoolId: null, regionId: 3, scopeName: 'AM37' }],
};
// A school leader who also reads another board's region: neither gives them a board's schools side by side.
const schoolAndRegion: User = { ...coordinator, memberships: [...coordinator.memberships, ...regionContact.memberships] };

describe('comparing a board\'s schools', () => {
  it('is for the board\'s own staff and the platform administrator', () => {
    expect(canCompareSchoolsOf(accessFor(boardAdmin), 7)).toBe(true);
    expect(canCompareSchoolsOf(accessFor(boardAdmin), 8)).toBe(false);
    expect(canCompareSchoolsOf(accessFor({ ...coordinator, isPlatformAdmin: true }), 8)).toBe(true);
  });

  it('is not for staff of one school, nor for region contacts', () => {
    expect(canCompareSchoolsOf(accessFor(coordinator), 1)).toBe(false);
    expect(canCompareSchoolsOf(accessFor(schoolAndRegion), 1)).toBe(false);
    expect(canCompareSchoolsOf(accessFor(regionContact), 1)).toBe(false);
    expect(isRegionOnly(accessFor(regionContact))).toBe(true);
    expect(isRegionOnly(accessFor(schoolAndRegion))).toBe(false);
  });
});
