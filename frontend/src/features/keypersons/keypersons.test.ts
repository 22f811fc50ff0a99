import { describe, expect, it } from 'vitest';
import en from '../../i18n/keypersons.en.json';
import nl from '../../i18n/keypersons.nl.json';
import { expectMatchingTranslations } from '../../test/translations';
import { boardAdmin } from '../../test/utils';
import type { User } from '../../api/types';
import { coordinator, viewer } from '../registry/testData';
import { canEditAgreement, canManageAllowanceRules, canSeeKeyPersons, mayRecordBenefit } from './permissions';
import { fatima } from './testData';

describe('the key persons\' translations', () => {
  it('has every Dutch key in English, with the same placeholders, and no empty texts', () => {
    expectMatchingTranslations(nl, en);
  });
});

describe('the key persons\' permissions', () => {
  const region: User = {
    ...viewer,
    memberships: [{ id: 7, role: 'region-contact', scopeType: 'region', boardId: null, schoolId: null, regionId: 3, scopeName: 'Zuid-Kennemerland' }],
  };
  const admin: User = { ...boardAdmin, memberships: [{ ...boardAdmin.memberships[0]!, boardId: 1 }] };
  const karin: User = { ...coordinator, email: 'contactpunt@demo.spil.nl' };

  it('shows key persons to the board and school staff, never to a region contact', () => {
    expect(canSeeKeyPersons(coordinator)).toBe(true);
    expect(canSeeKeyPersons(viewer)).toBe(true);
    expect(canSeeKeyPersons(region)).toBe(false);
    expect(canSeeKeyPersons({ ...region, isPlatformAdmin: true })).toBe(true);
  });

  it('lets editors of every school of the agreement change it; only platform admins correct the maxima', () => {
    expect(canEditAgreement(coordinator, fatima)).toBe(true);
    expect(canEditAgreement(coordinator, { ...fatima, schools: [...fatima.schools, { id: 2, name: 'De Regenboog' }] })).toBe(false);
    expect(canEditAgreement(viewer, fatima)).toBe(false);
    expect(canManageAllowanceRules(admin)).toBe(false);
    expect(canManageAllowanceRules({ ...admin, isPlatformAdmin: true })).toBe(true);
  });

  it('lets the board admin and the key person\'s contact point record the benefit type', () => {
    expect(mayRecordBenefit(admin, 1)).toBe(true);
    expect(mayRecordBenefit(admin, 2)).toBe(false);
    expect(mayRecordBenefit(coordinator, 1, 'someone@school.nl')).toBe(false);
    expect(mayRecordBenefit(karin, 1, 'Contactpunt@demo.spil.nl')).toBe(true);
  });
});
