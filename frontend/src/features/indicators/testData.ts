/** Fixtures of the indicators API: the catalogue and a board's series with a missing and a suppressed point. */
import type { Indicator, Series } from './types';

export const parentContacts: Indicator = {
  id: 1,
  code: 'parent-contacts',
  boardId: null,
  nameNl: 'Contactmomenten met ouders',
  nameEn: 'Contacts with parents',
  descriptionNl: null,
  descriptionEn: null,
  unit: 'count',
  direction: 'higher-is-better',
  aggregation: 'sum',
  frequency: 'month',
  domain: 'key-persons',
  derived: false,
  source: null,
};

export const attendance: Indicator = {
  ...parentContacts,
  id: 2,
  code: 'parent-evening-attendance',
  nameNl: 'Opkomst ouderavonden',
  nameEn: 'Attendance at parent evenings',
  unit: 'percentage',
  aggregation: 'mean',
  frequency: 'school-year',
};

export const confidentialCases: Indicator = {
  ...parentContacts,
  id: 3,
  code: 'confidential-cases',
  nameNl: 'Vertrouwenszaken',
  nameEn: 'Confidential cases',
  domain: 'confidential-work',
  frequency: 'school-year',
  derived: true,
};

export const catalogue: Indicator[] = [parentContacts, attendance, confidentialCases];

export const boardSeries: Series = {
  indicator: parentContacts,
  scope: 'board:7',
  scopeName: 'Stichting Spil Demo',
  points: [
    { period: '2026-06', value: 48, target: 50, contributors: 2, suppressed: false },
    { period: '2026-07', value: null, target: 50, contributors: 0, suppressed: false },
    { period: '2026-08', value: null, target: null, contributors: 1, suppressed: true },
    { period: '2026-09', value: 60, target: 55, contributors: 2, suppressed: false },
  ],
  schools: [
    {
      schoolId: 1,
      schoolName: 'De Spil',
      points: [
        { period: '2026-06', value: 30, target: null, contributors: 1, suppressed: false },
        { period: '2026-07', value: null, target: null, contributors: 0, suppressed: false },
        { period: '2026-08', value: null, target: null, contributors: 1, suppressed: true },
        { period: '2026-09', value: 36, target: null, contributors: 1, suppressed: false },
      ],
    },
    {
      schoolId: 2,
      schoolName: 'De Tweede',
      points: [
        { period: '2026-06', value: 18, target: null, contributors: 1, suppressed: false },
        { period: '2026-07', value: null, target: null, contributors: 0, suppressed: false },
        { period: '2026-08', value: null, target: null, contributors: 0, suppressed: false },
        { period: '2026-09', value: 24, target: null, contributors: 1, suppressed: false },
      ],
    },
  ],
};
