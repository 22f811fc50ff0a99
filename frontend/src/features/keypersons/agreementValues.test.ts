import { describe, expect, it } from 'vitest';
import { setupI18n } from '../../i18n';
import { createBody, formField, toValues, updateBody, validate } from './agreementValues';
import { type Translate } from '../../lib/i18n';
import { fatima } from './testData';

const t = setupI18n().t.bind(setupI18n()) as unknown as Translate<'keypersons'>;

describe('the agreement form\'s values', () => {
  it('sends only what changed; a new scheme clears the old amount; the plan goes as an object', () => {
    const initial = toValues(fatima);
    const values = { ...initial, allowanceScheme: 'hourly' as const, hourlyRate: '5,00', ageBand: '21-plus' as const, planGoals: 'Stage' };
    expect(updateBody(initial, values, false)).toEqual({
      allowanceScheme: 'hourly',
      fixedAmountPerMonth: null,
      hourlyRate: '5.00',
      ageBand: '21-plus',
      plan: { goals: 'Stage' },
    });
    expect(updateBody(initial, initial, true)).toEqual({});
    // The benefit type only goes along when the user may set it.
    expect(updateBody(initial, { ...initial, benefitType: 'ww' }, false)).toEqual({});
    expect(updateBody(initial, { ...initial, benefitType: 'ww' }, true)).toEqual({ benefitType: 'ww' });
  });

  it('creates with the filled-in fields, tasks one per line', () => {
    const values = { ...toValues(), personId: '6', schoolIds: ['1'], startsOn: '2026-01-01', tasks: 'Koffieochtenden\n\n Intakes ', travelPerKm: '0,23' };
    expect(createBody(values, false)).toEqual({
      personId: 6,
      schoolIds: [1],
      tasks: ['Koffieochtenden', 'Intakes'],
      allowanceScheme: 'none',
      travelPerKm: '0.23',
      facilities: [],
      startsOn: '2026-01-01',
    });
  });

  it('checks the scheme\'s amounts and the dates before sending', () => {
    const errors = validate({ ...toValues(), allowanceScheme: 'hourly', startsOn: '2026-05-01', endsOn: '2026-01-01' }, t, true);
    expect(Object.keys(errors).sort()).toEqual(['ageBand', 'endsOn', 'hourlyRate', 'personId', 'schoolIds']);
    expect(validate({ ...toValues(fatima), fixedAmountPerMonth: 'veel' }, t, false)).toEqual({
      fixedAmountPerMonth: 'Vul een bedrag of getal in, zoals 190 of 12,50.',
    });
  });

  it('shows the API\'s amounts in the fields as typed, and sends what was typed as exact text', () => {
    const initial = toValues(fatima);
    expect([initial.fixedAmountPerMonth, initial.travelPerKm, initial.hoursPerWeek]).toEqual(['190', '0.23', '6']);
    expect(updateBody(initial, { ...initial, fixedAmountPerMonth: '1.190,10' }, false)).toEqual({ fixedAmountPerMonth: '1190.10' });
    // Re-typing the same amount differently is no change.
    expect(updateBody(initial, { ...initial, fixedAmountPerMonth: '190,00' }, false)).toEqual({});
    // More than two decimals is not an amount of money.
    expect(validate({ ...initial, travelPerKm: '0,235' }, t, false)).toEqual({ travelPerKm: 'Vul een bedrag of getal in, zoals 190 of 12,50.' });
  });

  it('puts the API\'s field errors on the form\'s fields', () => {
    expect(formField('schoolIds[0]')).toBe('schoolIds');
    expect(formField('body.plan.reviewDate')).toBe('planReviewDate');
    expect(formField('contactPointAssignmentId')).toBe('contactPointAssignmentId');
    expect(formField('somethingElse')).toBeNull();
  });
});
