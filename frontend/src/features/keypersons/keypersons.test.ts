import { describe, expect, it } from 'vitest';
import en from '../../i18n/keypersons.en.json';
import nl from '../../i18n/keypersons.nl.json';
import { expectMatchingTranslations } from '../../test/translations';
import { accessFor, boardAdmin } from '../../test/utils';
import type { User } from '../../api/types';
import { coordinator, viewer } from '../../test/testData';
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
    expect(canSeeKeyPersons(accessFor(coordinator))).toBe(true);
    expect(canSeeKeyPersons(accessFor(viewer))).toBe(true);
    expect(canSeeKeyPersons(accessFor(region))).toBe(false);
    expect(canSeeKeyPersons(accessFor({ ...region, isPlatformAdmin: true }))).toBe(true);
  });

  it('lets editors of every school of the agreement change it; only platform admins correct the maxima', () => {
    expect(canEditAgreement(accessFor(coordinator), fatima)).toBe(true);
    expect(canEditAgreement(accessFor(coordinator), { ...fatima, schools: [...fatima.schools, { id: 2, name: 'De Regenboog' }] })).toBe(false);
    expect(canEditAgreement(accessFor(viewer), fatima)).toBe(false);
    expect(canManageAllowanceRules(accessFor(admin))).toBe(false);
    expect(canManageAllowanceRules(accessFor({ ...admin, isPlatformAdmin: true }))).toBe(true);
  });

  it('lets the board admin and the key person\'s contact point record the benefit type', () => {
    expect(mayRecordBenefit(accessFor(admin), admin, 1)).toBe(true);
    expect(mayRecordBenefit(accessFor(admin), admin, 2)).toBe(false);
    expect(mayRecordBenefit(accessFor(coordinator), coordinator, 1, 'someone@school.nl')).toBe(false);
    expect(mayRecordBenefit(accessFor(karin), karin, 1, 'Contactpunt@demo.spil.nl')).toBe(true);
  });
});
