import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { accessFor, json, mockFetch, problem, renderApp } from '../../test/utils';
import { page, school } from '../../test/testData';
import { BOARD_ID, placement, progress, track, trackAdmin, TRACK_ID } from './testData';

const SLOW = 20_000;
const TRACK = `/api/v1/inclusion-tracks/${TRACK_ID}`;

const schoolAdmin: User = {
  id: 5,
  email: 'directie@demo.spil.nl',
  name: 'Dewi Directeur',
  isPlatformAdmin: false,
  isActive: true,
  memberships: [{ id: 5, role: 'school-admin', scopeType: 'school', boardId: null, schoolId: 1, regionId: null, scopeName: 'OBS De Spil' }],
};

const mentor = {
  id: 21,
  personId: 7,
  personName: 'Karin Bos',
  roleTypeId: 9,
  roleCode: 'workplace-mentor',
  roleName: 'Werkplekbegeleider',
  boardId: BOARD_ID,
  schoolId: null,
  schoolName: null,
  regionId: null,
  partnershipId: null,
  partnerName: null,
  hoursPerWeek: 2,
  hoursPerYear: null,
  startsOn: '2026-07-01',
  endsOn: null,
  isPrimary: false,
  active: true,
  notes: null,
  createdAt: '2026-07-01T10:00:00Z',
  updatedAt: '2026-07-01T10:00:00Z',
};

function api(posted: unknown[]) {
  return async (req: Request) => {
    const p = new URL(req.url).pathname;
    if (p === `${TRACK}/placements` && req.method === 'POST') {
      const body = (await req.json()) as Record<string, unknown>;
      posted.push(body);
      if (posted.length === 1) {
        return problem(400, 'Invalid input.', {
          invalidParams: [{ name: 'registerCheckedOn', in: 'body', code: 'in-the-future', reason: 'The register check cannot lie in the future.' }],
        });
      }
      return json(placement({ id: 13, number: 3, employeeName: 'Ayla Demir', jobTitle: 'Medewerker facilitair' }), { status: 201 });
    }
    if (p === '/api/v1/inclusion-tracks') return json([track()]);
    if (p === TRACK) return json(track(), { headers: { ETag: '"v4"' } });
    if (p === `${TRACK}/progress`) return json(progress);
    if (p === `${TRACK}/placements`) return json([placement()]);
    if (p === `${TRACK}/bottlenecks` || p === `${TRACK}/actions` || p === '/api/v1/job-agreement-quotas') return json([]);
    if (p === '/api/v1/role-assignments') return page(new URL(req.url).searchParams.get('role') === 'workplace-mentor' ? [mentor] : []);
    if (p === '/api/v1/schools') return page([school]);
    if (p === '/api/v1/role-types') return json([]);
    return page([]);
  };
}

describe('the placement form', () => {
  it('adds a placement with its mentor and the name (board administrator); the API\'s field errors stand next to the fields', async () => {
    const posted: Record<string, unknown>[] = [];
    mockFetch(api(posted));
    const user = userEvent.setup();
    renderApp(`/inclusie/${TRACK_ID}`, { user: trackAdmin });
    await user.click(await screen.findByRole('button', { name: 'Plaatsing toevoegen' }));
    const form = screen.getByTestId('placement-form');
    const f = within(form);
    await user.click(f.getByRole('button', { name: 'Plaatsing toevoegen' }));
    expect(f.getByText('Kies een school.')).toBeInTheDocument();
    expect(f.getByText('Vul een aantal uren in, meer dan 0 en hoogstens 60, zoals 20 of 12,75.')).toBeInTheDocument();
    expect(posted).toHaveLength(0);

    await user.selectOptions(f.getByLabelText(/^School/), 'OBS De Spil');
    await user.type(f.getByLabelText(/^Functie/), 'Medewerker facilitair');
    const hours = f.getByLabelText(/^Uren per week/);
    expect(hours).toHaveAttribute('inputmode', 'decimal');
    await user.type(hours, '12,75');
    await user.selectOptions(f.getByLabelText(/^Dienstverband/), 'agency');
    await user.click(f.getByLabelText('Telt mee voor de banenafspraak'));
    await user.type(f.getByLabelText(/^Doelgroepregister gecontroleerd op/), '2026-11-30');
    await user.selectOptions(await f.findByLabelText(/^Werkplekbegeleider/), 'Karin Bos (2 uur per week)');
    await user.type(f.getByLabelText(/^Naam van de werknemer/), 'Ayla Demir');
    await user.click(f.getByRole('button', { name: 'Plaatsing toevoegen' }));
    expect(await f.findByText('Deze datum ligt in de toekomst.')).toBeInTheDocument();
    expect(f.getByLabelText(/^Doelgroepregister gecontroleerd op/)).toHaveAttribute('aria-invalid', 'true');
    await user.click(f.getByRole('button', { name: 'Plaatsing toevoegen' }));
    expect(await screen.findByText('Plaatsing 3 bij OBS De Spil is toegevoegd.')).toBeInTheDocument();
    expect(posted[1]).toMatchObject({
      schoolId: 1,
      jobTitle: 'Medewerker facilitair',
      hoursPerWeek: 12.75,
      contractKind: 'agency',
      countsTowardsJobAgreement: true,
      registerCheckedOn: '2026-11-30',
      mentorAssignmentId: 21,
      employeeName: 'Ayla Demir',
    });
  }, SLOW);

  it('does not offer a school administrator the employee\'s name', async () => {
    mockFetch(api([]));
    const user = userEvent.setup();
    renderApp(`/inclusie/${TRACK_ID}`, { user: schoolAdmin, access: accessFor(schoolAdmin, { 1: BOARD_ID }) });
    await user.click(await screen.findByRole('button', { name: 'Plaatsing toevoegen' }));
    const form = screen.getByTestId('placement-form');
    expect(within(form).getByLabelText(/^School/)).toBeInTheDocument();
    expect(within(form).queryByLabelText(/^Naam van de werknemer/)).toBeNull();
    // The school administrator keeps placements, not the track.
    expect(screen.queryByRole('button', { name: /^Naar de volgende fase/ })).toBeNull();
  }, SLOW);
});
