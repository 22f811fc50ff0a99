/** Fixtures for the area dashboards and the regions' administration (as the API answers them). */
import type { AnyRegion, Municipality, User } from '../../api/types';
import type { AreaOverview, AreaSchool } from './types';

export const HAARLEM = 392;
export const HEEMSTEDE = 397;

export const municipalityContact: User = {
  id: 9,
  email: 'gemeente@demo.spil.nl',
  name: 'Gijs Gemeente',
  isPlatformAdmin: false,
  isActive: true,
  memberships: [
    { id: 19, role: 'municipality-contact', scopeType: 'municipality', boardId: null, schoolId: null, regionId: null, municipalityId: HAARLEM, scopeName: 'Haarlem' },
  ],
};

export const regionContact: User = {
  id: 8,
  email: 'regio@demo.spil.nl',
  name: 'Rana Regio',
  isPlatformAdmin: false,
  isActive: true,
  memberships: [
    { id: 18, role: 'region-contact', scopeType: 'region', boardId: null, schoolId: null, regionId: 37, municipalityId: null, scopeName: 'Zuid-Kennemerland en IJmond' },
  ],
};

export const platformAdmin: User = {
  id: 1,
  email: 'admin@demo.spil.nl',
  name: 'Anna Platform',
  isPlatformAdmin: true,
  isActive: true,
  memberships: [],
};

function areaSchool(id: number, name: string, locationCode: string, boardId: number, boardName: string, roles: Record<string, boolean>): AreaSchool {
  return {
    id,
    name,
    locationCode,
    sector: 'PO',
    boardId,
    boardName,
    municipalityName: 'Haarlem',
    street: 'Kleverparkweg',
    houseNumber: '12',
    postalCode: '2023 CA',
    city: 'Haarlem',
    roles,
    partnerships: 2,
    ownRoutesPublished: 1,
    routeFinderUrl: `/openbaar/scholen/${locationCode}/klachtenroutes`,
  };
}

export const SCHOOLS: AreaSchool[] = [
  areaSchool(1, 'OBS De Spil', '12AB00', 1, 'Stichting Spil Demo', { 'internal-confidential-counsellor': true, 'anti-bullying-coordinator': true, 'key-person-contact': true }),
  areaSchool(2, 'Basisschool De Regenboog', '23CD00', 1, 'Stichting Spil Demo', { 'internal-confidential-counsellor': true, 'anti-bullying-coordinator': false, 'key-person-contact': false }),
  areaSchool(5, 'CBS De Ark', '78JK00', 2, 'Stichting Tweede Demo', { 'internal-confidential-counsellor': false, 'anti-bullying-coordinator': false, 'key-person-contact': false }),
];

/** Haarlem: three schools of two boards; few key persons (shown as <5), cases hidden where small. */
export function haarlemOverview(items: AreaSchool[] = SCHOOLS, extra: { total?: number; page?: number; pageSize?: number } = {}): AreaOverview {
  return {
    area: { type: 'municipality', id: HAARLEM, code: 'GM0392', name: 'Haarlem', kind: 'municipality' },
    computedAt: '2026-11-24T09:30:00+01:00',
    periodFrom: '2025-10-01',
    periodTo: '2026-11-24',
    boards: 2,
    schoolsTotal: 3,
    schoolsBySector: { PO: 3 },
    schools: { items, total: extra.total ?? items.length, page: extra.page ?? 1, pageSize: extra.pageSize ?? 20 },
    roles: [
      {
        roleCode: 'internal-confidential-counsellor',
        roleNameNl: 'Interne vertrouwenspersoon',
        roleNameEn: 'Internal confidential counsellor',
        requiredBy: 'law',
        schoolsFilled: 2,
        schoolsTotal: 3,
        schoolsMissing: [{ id: 5, name: 'CBS De Ark', locationCode: '78JK00' }],
      },
      {
        roleCode: 'anti-bullying-coordinator',
        roleNameNl: 'Aanspreekpunt pesten',
        roleNameEn: 'Anti-bullying coordinator',
        requiredBy: 'law',
        schoolsFilled: 1,
        schoolsTotal: 3,
        schoolsMissing: [
          { id: 2, name: 'Basisschool De Regenboog', locationCode: '23CD00' },
          { id: 5, name: 'CBS De Ark', locationCode: '78JK00' },
        ],
      },
      {
        roleCode: 'key-person-contact',
        roleNameNl: 'Contactpunt sleutelpersonen',
        roleNameEn: 'Key-person contact point',
        requiredBy: 'guideline',
        schoolsFilled: 1,
        schoolsTotal: 3,
        schoolsMissing: [
          { id: 2, name: 'Basisschool De Regenboog', locationCode: '23CD00' },
          { id: 5, name: 'CBS De Ark', locationCode: '78JK00' },
        ],
      },
    ],
    partnerships: {
      total: 5,
      byCategory: [
        { categoryCode: 'youth-care', categoryNameNl: 'Jeugdhulp / CJG', categoryNameEn: 'Youth care / CJG', partnerships: 3, schools: 2 },
        { categoryCode: 'culture', categoryNameNl: 'Cultuur', categoryNameEn: 'Culture', partnerships: 2, schools: 1 },
      ],
      byLevel: { pupil: 3, school: 2 },
      byStatus: { active: 5, exploring: 1 },
    },
    keyPersons: {
      count: null,
      countDisplay: '<5',
      languages: [],
      schoolsWithKeyPersons: 1,
      perQuarter: [
        { quarter: '2026-Q3', activities: 4, parentsReached: 31 },
        { quarter: '2026-Q4', activities: 2, parentsReached: 12 },
      ],
    },
    confidentialCases: {
      year: 2026,
      perArea: [
        { area: 'domestic-violence', display: '<5' },
        { area: 'undesirable-behaviour', display: '0' },
      ],
      totalDisplay: '<5',
    },
    inclusion: areaInclusion(),
  };
}

/** Inclusive employment in Haarlem: both boards have a track (execution and intake); Zuid-Kennemerland's service point. */
export function areaInclusion(): AreaOverview['inclusion'] {
  return {
    boardsTotal: 2,
    boardsWithTrack: 2,
    byPhase: { execution: 1, intake: 1 },
    tracks: [
      {
        boardId: 1,
        boardName: 'Stichting Spil Demo',
        phase: 'execution',
        phaseSince: '2026-06-27',
        ambitionInJobs: 3,
        targetDate: '2027-12-24',
        jobsRealised: 0.7843,
        jobsInArea: 0.7843,
        firstContactOn: '2026-03-09',
        sharesEvaluation: false,
      },
      {
        boardId: 2,
        boardName: 'Stichting Tweede Demo',
        phase: 'intake',
        phaseSince: '2026-11-04',
        ambitionInJobs: 1,
        targetDate: '2027-11-04',
        jobsRealised: 0,
        jobsInArea: 0,
        firstContactOn: null,
        sharesEvaluation: false,
      },
    ],
    ambitionInJobs: 4,
    jobsRealised: 0.7843,
    bottlenecks: [
      { kind: 'funding', boards: 1 },
      { kind: 'workplace-guidance', boards: 1 },
      { kind: 'other', boards: 1 },
    ],
    employerServicePoints: [
      {
        regionId: 37,
        regionCode: 'AM37',
        regionName: 'Zuid-Kennemerland en IJmond',
        organisation: 'Werkgeversservicepunt Zuid-Kennemerland en IJmond',
        contactName: 'Team Onderwijs',
        email: 'onderwijs@wsp-zkij.example',
        phone: '023 555 0600',
        openingHours: 'Maandag tot en met vrijdag, 9.00–17.00 uur',
        website: null,
        notes: null,
        filledIn: true,
      },
    ],
  };
}

export const ggdRegion: AnyRegion = { id: 40, kind: 'ggd', code: 'GGD-KEN', name: 'GGD Kennemerland', municipalityCount: 1 };
export const labourMarketRegion: AnyRegion = { id: 37, kind: 'labour-market', code: 'AM37', name: 'Zuid-Kennemerland en IJmond', municipalityCount: 7 };

export function municipality(id: number, name: string, regions: Municipality['regions'] = []): Municipality {
  return {
    id,
    code: `GM${String(id).padStart(4, '0')}`,
    name,
    regionId: 37,
    regionName: 'Zuid-Kennemerland en IJmond',
    province: 'Noord-Holland',
    endedOn: null,
    successorId: null,
    regions,
  };
}

/** Today's municipalities (a few): Haarlem lies in another GGD region already. */
export const MUNICIPALITIES: Municipality[] = [
  municipality(363, 'Amsterdam'),
  municipality(HAARLEM, 'Haarlem', [{ id: 41, kind: 'ggd', name: 'GGD Andere Regio' }]),
  municipality(394, 'Haarlemmermeer'),
  municipality(HEEMSTEDE, 'Heemstede', [{ id: 40, kind: 'ggd', name: 'GGD Kennemerland' }]),
  municipality(453, 'Velsen'),
];
