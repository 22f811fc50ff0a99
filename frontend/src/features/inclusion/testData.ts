/** Fixtures for the inclusion screens (as the API answers them): the demo board's track in execution. */
import type { User } from '../../api/types';
import type { Action, Bottleneck, Placement, Progress, Track } from './types';

export const BOARD_ID = 1;
export const TRACK_ID = 3;

/** The demo board's administrator (board 1). */
export const trackAdmin: User = {
  id: 2,
  email: 'bestuur@demo.spil.nl',
  name: 'Bram Bestuur',
  isPlatformAdmin: false,
  isActive: true,
  memberships: [
    { id: 2, role: 'board-admin', scopeType: 'board', boardId: BOARD_ID, schoolId: null, regionId: null, scopeName: 'Stichting Spil Demo' },
  ],
};

export function track(overrides: Partial<Track> = {}): Track {
  return {
    id: TRACK_ID,
    boardId: BOARD_ID,
    boardName: 'Stichting Spil Demo',
    phase: 'execution',
    phaseSince: '2026-07-05',
    startedOn: '2026-02-05',
    history: [
      { phase: 'intake', fromPhase: null, changedOn: '2026-02-05', changedBy: 'demo', note: null },
      { phase: 'action-plan', fromPhase: 'intake', changedOn: '2026-04-06', changedBy: 'demo', note: 'Intake gehouden' },
      { phase: 'execution', fromPhase: 'action-plan', changedOn: '2026-07-05', changedBy: 'demo', note: null },
    ],
    ambitionJobs: 3,
    ambitionHoursPerWeek: null,
    ambitionInJobs: 3,
    targetDate: '2028-01-01',
    ambitionNotes: 'Drie banen bij de scholen in Haarlem.',
    jobsRealised: 0.78,
    placementsTotal: 2,
    placementsCounting: 1,
    actionsOpen: 2,
    actionsOverdue: 1,
    firstContactOn: '2026-03-17',
    evaluationWorked: null,
    evaluationDidNotWork: null,
    evaluationLessons: null,
    sharesEvaluation: false,
    staffHours: [
      {
        year: 2024,
        paidHours: 182000,
        quotaPercentage: 2.76,
        quotaSource: 'UWV: quotum banenafspraak sector overheid 2024',
        levyImposed: false,
        jobsAsked: 3.77,
        jobsRealised: 0,
      },
      { year: 2025, paidHours: 186500, quotaPercentage: null, quotaSource: null, levyImposed: null, jobsAsked: null, jobsRealised: 0 },
    ],
    employerServicePoint: {
      regionId: 34,
      regionCode: 'AM37',
      regionName: 'Zuid-Kennemerland en IJmond',
      organisation: 'Werkgeversservicepunt Zuid-Kennemerland en IJmond',
      contactName: 'Team Onderwijs',
      email: 'onderwijs@wsp-zkij.example',
      phone: '023 555 0600',
      openingHours: null,
      website: null,
      notes: null,
      filledIn: true,
    },
    createdAt: '2026-02-05T10:00:00Z',
    updatedAt: '2026-07-05T10:00:00Z',
    ...overrides,
  };
}

export function placement(overrides: Partial<Placement> = {}): Placement {
  return {
    id: 11,
    trackId: TRACK_ID,
    boardId: BOARD_ID,
    number: 1,
    schoolId: 1,
    schoolName: 'OBS De Spil',
    jobTitle: 'Conciërge-assistent',
    hoursPerWeek: 20,
    jobs: 0.7843,
    startsOn: '2026-07-15',
    endsOn: null,
    running: true,
    contractKind: 'own-employment',
    countsTowardsJobAgreement: true,
    registerCheckedOn: '2026-08-04',
    mentor: { assignmentId: 21, personName: 'Karin Bos', hoursPerWeek: 2, active: true },
    employeeName: 'Jeroen Smit',
    nameVisible: true,
    notes: null,
    etag: '"p11"',
    ...overrides,
  };
}

/** Placement 2 at De Regenboog as a coordinator reads it: no name. */
export const hiddenPlacement = placement({
  id: 12,
  number: 2,
  schoolId: 2,
  schoolName: 'Basisschool De Regenboog',
  jobTitle: 'Onderwijsassistent',
  hoursPerWeek: 12.75,
  jobs: 0.5,
  contractKind: 'secondment',
  countsTowardsJobAgreement: false,
  registerCheckedOn: null,
  mentor: { assignmentId: 22, personName: 'Sanne de Vries', hoursPerWeek: null, active: true },
  employeeName: null,
  nameVisible: false,
  etag: '"p12"',
});

export function action(overrides: Partial<Action> = {}): Action {
  return {
    id: 31,
    trackId: TRACK_ID,
    title: 'Werkplekbegeleiders trainen',
    theme: 'workplace-guidance',
    description: null,
    personId: null,
    assignmentId: null,
    who: null,
    dueOn: '2026-11-12',
    status: 'open',
    doneOn: null,
    overdue: true,
    outcome: null,
    etag: '"a31"',
    ...overrides,
  };
}

export const bottleneck: Bottleneck = {
  id: 41,
  trackId: TRACK_ID,
  kind: 'workplace-guidance',
  label: null,
  notes: 'Wie begeleidt op de werkvloer?',
  resolved: false,
  etag: '"b41"',
};

export const progress: Progress = {
  trackId: TRACK_ID,
  ambitionInJobs: 3,
  targetDate: '2028-01-01',
  jobsNow: 0.78,
  months: [
    { month: '2026-09', jobs: 0.78, ambition: 3 },
    { month: '2026-10', jobs: 0.78, ambition: 3 },
    { month: '2026-11', jobs: 1.28, ambition: 3 },
  ],
};
