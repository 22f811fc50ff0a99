/** Fixtures for the programme screens (as the API answers them): the demo's RAP Zuid-Kennemerland. */
import type { User } from '../../api/types';
import type { Initiative, Line, Member, Programme, Result, SharedPartnership } from './types';

export const LEAD = 1;
export const THIRD = 3;
export const PROGRAMME_ID = 5;

/** The lead board's administrator (keeps the programme). */
export const leadAdmin: User = {
  id: 2,
  email: 'bestuur@demo.spil.nl',
  name: 'Bram Bestuur',
  isPlatformAdmin: false,
  isActive: true,
  memberships: [{ id: 2, role: 'board-admin', scopeType: 'board', boardId: LEAD, schoolId: null, regionId: null, scopeName: 'Stichting Spil Demo' }],
};

/** The member board's administrator (reads, enters its own figures). */
export const thirdAdmin: User = {
  id: 9,
  email: 'bestuur@derde.spil.nl',
  name: 'Dirk Derde',
  isPlatformAdmin: false,
  isActive: true,
  memberships: [{ id: 9, role: 'board-admin', scopeType: 'board', boardId: THIRD, schoolId: null, regionId: null, scopeName: 'Stichting Derde Demo' }],
};

export function programme(overrides: Partial<Programme> = {}): Programme {
  return {
    id: PROGRAMME_ID,
    name: 'RAP Zuid-Kennemerland',
    kind: 'rap',
    region: { id: 40, kind: 'education-region', code: 'OR-ZK', name: 'Onderwijsregio Zuid-Kennemerland' },
    leadBoard: { id: LEAD, name: 'Stichting Spil Demo' },
    description: null,
    coordinatorName: 'Projectleider RAP Zuid-Kennemerland',
    coordinatorEmail: 'rap@example.org',
    coordinatorPhone: null,
    startsOn: '2024-08-01',
    endsOn: null,
    fundingScheme: 'RAP-subsidie',
    fundingAmount: '250000.00',
    fundingFrom: null,
    fundingTo: null,
    documents: [{ title: 'Regionaal aanpakplan', url: 'https://example.org/rap.pdf' }],
    members: [
      { id: LEAD, name: 'Stichting Spil Demo' },
      { id: THIRD, name: 'Stichting Derde Demo' },
    ],
    canEdit: true,
    updatedAt: '2026-01-01T10:00:00Z',
    ...overrides,
  };
}

export const lines: Line[] = [
  { id: 11, code: 'target-group-policy', nameNl: 'Doelgroepenbeleid', nameEn: 'Target-group policy', description: null, position: 1, initiatives: 1, etag: '"l11"' },
  { id: 12, code: 'training', nameNl: 'Opleiden', nameEn: 'Training', description: null, position: 2, initiatives: 1, etag: '"l12"' },
  { id: 13, code: 'employment-conditions', nameNl: 'Arbeidsvoorwaarden', nameEn: 'Employment conditions', description: null, position: 3, initiatives: 0, etag: '"l13"' },
  { id: 14, code: 'organising-differently', nameNl: 'Anders organiseren', nameEn: 'Organising differently', description: null, position: 4, initiatives: 1, etag: '"l14"' },
];

const participants = (third: Initiative['participants'][number]['contact'] = null): Initiative['participants'] => [
  { boardId: LEAD, boardName: 'Stichting Spil Demo', contact: { personId: 70, name: 'Dewi Directeur', email: 'dewi@example.org', phone: null } },
  { boardId: THIRD, boardName: 'Stichting Derde Demo', contact: third },
];

export const POOL_REASON = 'Door het personeelstekort paste de pool niet meer bij wat geleverd kon worden.';

export function sideEntry(overrides: Partial<Initiative> = {}): Initiative {
  return {
    id: 21,
    programmeId: PROGRAMME_ID,
    lineId: 11,
    name: 'Zij-instroomtraject',
    description: 'Zij-instromers starten bij besturen waar dat nog niet gebeurde.',
    status: 'running',
    endedReason: null,
    startsOn: '2025-03-01',
    endsOn: null,
    participants: participants(),
    totals: [
      { indicator: 'side-entrants-started', indicatorNameNl: 'Gestarte zij-instromers', indicatorNameEn: 'Side-entrants started', unit: 'count', period: '2025-2026', total: 3, boards: 2 },
      { indicator: 'side-entrants-started', indicatorNameNl: 'Gestarte zij-instromers', indicatorNameEn: 'Side-entrants started', unit: 'count', period: '2024-2025', total: 4, boards: 2 },
    ],
    etag: '"i21"',
    ...overrides,
  };
}

export const initiatives: Initiative[] = [
  sideEntry(),
  {
    ...sideEntry(),
    id: 22,
    lineId: 14,
    name: 'Gezamenlijke vervangingspool (RTC de Beurs)',
    status: 'ended',
    endedReason: POOL_REASON,
    totals: [],
    etag: '"i22"',
  },
  { ...sideEntry(), id: 23, lineId: 12, name: 'Tweejarige AD PEP-opleiding in de regio', status: 'preparing', totals: [], etag: '"i23"' },
];

export const members: Member[] = [
  { id: 31, boardId: LEAD, boardName: 'Stichting Spil Demo', joinedOn: '2024-08-01', leftOn: null, current: true, lead: true, etag: '"m31"' },
  { id: 32, boardId: THIRD, boardName: 'Stichting Derde Demo', joinedOn: '2024-09-01', leftOn: null, current: true, lead: false, etag: '"m32"' },
];

export const shared: SharedPartnership[] = [
  {
    id: 41,
    partnerName: 'Jeugd- en gezinsteams Zuid-Kennemerland',
    partnerCategory: 'Jeugdhulp',
    title: null,
    status: 'active',
    startDate: '2025-01-01',
    endDate: null,
    agreementType: 'covenant',
    boards: [
      { boardId: LEAD, boardName: 'Stichting Spil Demo', contacts: ['Chris Coördinator'] },
      { boardId: THIRD, boardName: 'Stichting Derde Demo', contacts: [] },
    ],
  },
];

export const results: Result[] = [
  { id: 51, initiativeId: 21, boardId: LEAD, boardName: 'Stichting Spil Demo', indicator: 'side-entrants-started', period: '2025-2026', value: 2, note: null, etag: '"r51"' },
  { id: 52, initiativeId: 21, boardId: THIRD, boardName: 'Stichting Derde Demo', indicator: 'side-entrants-started', period: '2025-2026', value: 1, note: null, etag: '"r52"' },
];
