import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderApp } from '../../test/utils';
import { coordinator, page, referenceAnswer } from '../../test/testData';
import type { Partner, Partnership } from '../../api/registryTypes';

const cjg = {
  id: 2,
  boardId: 1,
  name: 'CJG Haarlem',
  categoryId: 2,
  categoryCode: 'youth-care',
  categoryName: 'Jeugdhulp / CJG',
  kvkNumber: '34567812',
  municipalityId: 1,
  municipalityName: 'Haarlem',
  email: null,
  phone: null,
  website: null,
  address: null,
  notes: null,
  partnershipCount: 1,
  createdAt: '2026-01-01T10:00:00Z',
  updatedAt: '2026-01-01T10:00:00Z',
} satisfies Partner;

function created(body: Record<string, unknown>): Partnership {
  return {
    id: 77,
    boardId: 1,
    schoolId: 1,
    schoolName: 'OBS De Spil',
    partnerId: 2,
    partnerName: 'CJG Haarlem',
    categoryCode: 'youth-care',
    title: null,
    levels: [],
    purposes: [],
    coLocated: false,
    status: 'active',
    startDate: null,
    endDate: null,
    reviewDate: null,
    agreementType: 'none',
    annualBudget: null,
    externalContacts: [],
    notes: null,
    internalContacts: [],
    bottlenecks: [],
    createdAt: '2026-01-01T10:00:00Z',
    updatedAt: '2026-01-01T10:00:00Z',
    ...body,
  } as Partnership;
}

function path(req: Request) {
  return new URL(req.url).pathname;
}

describe('the partnership form', () => {
  it('asks for the first internal contact with a searching picker, sends it with the partnership, and shows the API\'s refusal at it', async () => {
    let posts = 0;
    let saved: Partnership | null = null;
    const { calls } = mockFetch(async (req) => {
      const p = path(req);
      const reference = referenceAnswer(p);
      if (reference) return reference;
      if (p === '/api/v1/partners') return page([cjg]);
      if (p === '/api/v1/people') {
        return page([
          { id: 5, boardId: 1, name: 'Anna de Vries', kind: 'staff', currentRoles: [{ roleCode: 'ib', roleName: 'Intern begeleider', schoolId: 1, schoolName: 'OBS De Spil', partnerName: null }] },
          { id: 6, boardId: 1, name: 'Extern Iemand', kind: 'external', currentRoles: [] },
        ]);
      }
      if (p === '/api/v1/partnerships' && req.method === 'POST') {
        posts += 1;
        if (posts === 1) {
          return problem(400, 'De aanvraag heeft velden die niet kloppen.', {
            invalidParams: [{ name: 'firstContact.personId', in: 'body', code: 'unknown-reference', reason: 'Deze persoon hoort niet bij dit bestuur.' }],
          });
        }
        saved = created({ internalContacts: [{ assignmentId: 9, personId: 5, personName: 'Anna de Vries', isPrimary: true, etag: '"v1"' }] });
        return json(saved, { status: 201, headers: { ETag: '"v1"' } });
      }
      if (p === '/api/v1/partnerships/77') return json(saved, { headers: { ETag: '"v1"' } });
      return page([]);
    });
    const user = userEvent.setup();
    renderApp('/partnerships/new?schoolId=1&partnerId=2', { user: coordinator });
    await waitFor(() => expect(screen.getByLabelText(/^Partner/)).toHaveValue('2'));
    expect(screen.getByTestId('no-first-contact')).toHaveTextContent('meteen een urgent knelpunt');

    const picker = screen.getByRole('combobox', { name: /^Eerste contactpersoon/ });
    await user.type(picker, 'ann');
    const option = await screen.findByRole('option', { name: /Anna de Vries/ });
    expect(option).toHaveTextContent('Intern begeleider, OBS De Spil');
    expect(screen.queryByRole('option', { name: /Extern Iemand/ })).not.toBeInTheDocument();
    await user.click(option);
    expect(screen.queryByTestId('no-first-contact')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(picker).toHaveAttribute('aria-invalid', 'true'));
    expect(document.getElementById(picker.getAttribute('aria-describedby')!.split(' ')[0]!)).toHaveTextContent('Deze keuze bestaat niet (meer) of valt buiten uw bereik.');

    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByRole('heading', { level: 1, name: /CJG Haarlem/ })).toBeInTheDocument();
    const post = calls.filter((c) => c.method === 'POST').at(-1)!;
    expect(((await post.json()) as { firstContact: unknown }).firstContact).toEqual({ personId: 5 });
  }, 20_000);

  it('checks the dates before sending, shows the API\'s errors on the contact rows, then creates the partnership', async () => {
    let answer: 'invalid' | 'ok' = 'invalid';
    let saved: Partnership | null = null;
    const { calls } = mockFetch(async (req) => {
      const p = path(req);
      const reference = referenceAnswer(p);
      if (reference) return reference;
      if (p === '/api/v1/partners') return page([cjg]);
      if (p === '/api/v1/partnerships' && req.method === 'POST') {
        if (answer === 'invalid') {
          return problem(400, 'The request has invalid fields: externalContacts.0.email.', {
            invalidParams: [
              { name: 'externalContacts.0.email', in: 'body', code: 'value_error', reason: 'Value error, not a valid e-mail address' },
            ],
          });
        }
        saved = created((await req.json()) as Record<string, unknown>);
        return json(saved, { status: 201, headers: { ETag: '"v1"' } });
      }
      if (p === '/api/v1/partnerships/77') return json(saved, { headers: { ETag: '"v1"' } });
      return page([]);
    });
    const user = userEvent.setup();
    renderApp('/partnerships/new?schoolId=1&partnerId=2', { user: coordinator });

    expect(await screen.findByRole('heading', { level: 1, name: 'Nieuwe samenwerking' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText(/^Partner/)).toHaveValue('2'));
    expect(screen.getByLabelText(/^Voor/)).toHaveValue('school:1');

    // Levels and purposes are checkbox groups.
    const levels = screen.getByRole('group', { name: 'Niveaus' });
    await user.click(within(levels).getByLabelText('Leerling'));
    await user.click(within(screen.getByRole('group', { name: 'Doelen' })).getByLabelText('Noodzakelijke zorg'));

    // An end date before the start date is caught before anything is sent.
    fireEvent.change(screen.getByLabelText(/^Startdatum/), { target: { value: '2026-05-01' } });
    fireEvent.change(screen.getByLabelText(/^Einddatum/), { target: { value: '2026-01-01' } });
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    const end = screen.getByLabelText(/^Einddatum/);
    expect(end).toHaveAttribute('aria-invalid', 'true');
    const endError = document.getElementById(end.getAttribute('aria-describedby')!.split(' ')[0]!)!;
    expect(endError).toHaveTextContent('De einddatum ligt voor de startdatum.');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    // An amount that is not a number is caught as well.
    await user.type(screen.getByLabelText(/^Budget per jaar/), 'veel');
    fireEvent.change(end, { target: { value: '2027-07-31' } });
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(screen.getByLabelText(/^Budget per jaar/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^Einddatum/)).not.toHaveAttribute('aria-invalid');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await user.clear(screen.getByLabelText(/^Budget per jaar/));
    await user.type(screen.getByLabelText(/^Budget per jaar/), '2.500,50');

    // External contacts: add a row; an empty row is left out, a bad e-mail comes back from the API.
    await user.click(screen.getByRole('button', { name: 'Contactpersoon toevoegen' }));
    await user.click(screen.getByRole('button', { name: 'Contactpersoon toevoegen' }));
    const row2 = screen.getByRole('group', { name: 'Contactpersoon 2' });
    expect(within(row2).getByLabelText(/^Naam/)).toHaveFocus();
    await user.type(within(row2).getByLabelText(/^Naam/), 'Anne Jeugd');
    await user.type(within(row2).getByLabelText(/^E-mailadres/), 'anne-at-cjg');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));

    const email = await within(screen.getByRole('group', { name: 'Contactpersoon 2' })).findByLabelText(/^E-mailadres/);
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(document.getElementById(email.getAttribute('aria-describedby')!.split(' ')[0]!)).toHaveTextContent(
      'Vul een geldig e-mailadres in',
    );
    const first = calls.find((c) => c.method === 'POST')!;
    expect(first.headers.get('X-CSRF-Token')).toBe('csrf-test');
    expect(await first.json()).toEqual({
      partnerId: 2,
      schoolId: 1,
      levels: ['pupil'],
      purposes: ['required-care'],
      coLocated: false,
      status: 'active',
      agreementType: 'none',
      startDate: '2026-05-01',
      endDate: '2027-07-31',
      annualBudget: '2500.50',
      externalContacts: [{ name: 'Anne Jeugd', function: null, email: 'anne-at-cjg', phone: null }],
    });

    // Remove the empty first row, correct the e-mail address, and save.
    await user.click(screen.getByRole('button', { name: 'Contactpersoon 1 verwijderen' }));
    const row = screen.getByRole('group', { name: 'Contactpersoon 1' });
    await user.clear(within(row).getByLabelText(/^E-mailadres/));
    await user.type(within(row).getByLabelText(/^E-mailadres/), 'anne@cjg.example');
    answer = 'ok';
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'CJG Haarlem' })).toBeInTheDocument();
    expect(screen.getByText('Toegevoegd en opgeslagen.')).toHaveAttribute('role', 'status');
    expect(saved!.externalContacts).toEqual([{ name: 'Anne Jeugd', function: null, email: 'anne@cjg.example', phone: null }]);
  });
});

describe('editing a partnership', () => {
  it('sends only the changed fields with If-Match, and explains a stale edit (412)', async () => {
    let version = 1;
    let current = created({ title: 'Jeugdverpleegkundige', levels: ['pupil'], externalContacts: [{ name: 'Anne Jeugd', function: null, email: null, phone: null }] });
    const { calls } = mockFetch(async (req) => {
      const p = path(req);
      const reference = referenceAnswer(p);
      if (reference) return reference;
      if (p === '/api/v1/partnerships/77' && req.method === 'GET') return json(current, { headers: { ETag: `"v${version}"` } });
      if (p === '/api/v1/partnerships/77' && req.method === 'PATCH') {
        if (req.headers.get('If-Match') !== `"v${version}"`) return problem(412, 'The record was changed by someone else.');
        version += 1;
        current = { ...current, ...((await req.json()) as Partial<Partnership>) };
        return json(current, { headers: { ETag: `"v${version}"` } });
      }
      return page([]);
    });
    const user = userEvent.setup();
    renderApp('/partnerships/77/edit', { user: coordinator });
    const status = await screen.findByLabelText(/^Status/);
    expect(screen.getByLabelText(/^Titel/)).toHaveValue('Jeugdverpleegkundige');

    // Someone else saves meanwhile.
    version = 2;
    current = { ...current, notes: 'Door een collega' };
    await user.selectOptions(status, 'paused');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByTestId('stale-notice')).toHaveTextContent('Iemand anders heeft dit record gewijzigd');
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"v1"');
    expect(await patch.json()).toEqual({ status: 'paused' });

    await user.click(screen.getByRole('button', { name: 'Opnieuw laden' }));
    await waitFor(() => expect(screen.queryByTestId('stale-notice')).not.toBeInTheDocument());
    expect(screen.getByLabelText(/^Opmerkingen/)).toHaveValue('Door een collega');
    await user.selectOptions(screen.getByLabelText(/^Status/), 'paused');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('De wijzigingen zijn opgeslagen.')).toBeInTheDocument();
    expect(screen.getByText('Gepauzeerd')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PATCH')[1]!.headers.get('If-Match')).toBe('"v2"');
  });
});
