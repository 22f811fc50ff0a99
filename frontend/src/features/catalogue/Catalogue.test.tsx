import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { accessFor, json, mockFetch, problem, renderApp } from '../../test/utils';
import { canAddToCatalogue, canEditCatalogue } from '../../lib/auth/permissions';
import { coordinator, demoBoardAdmin, referenceAnswer, viewer } from '../../test/testData';
import type { PartnerCategory, RoleType } from '../../api/registryTypes';
import { codeFromName } from './code';

const counsellor: RoleType = {
  id: 7,
  code: 'internal-confidential-counsellor',
  nameNl: 'Interne vertrouwenspersoon',
  nameEn: 'Internal confidential counsellor',
  scopeLevel: 'school',
  requiredBy: 'law',
  requiredPerSchool: true,
  needsHours: true,
  isContactPoint: true,
  source: 'Wet op het primair onderwijs, art. 14',
  boardId: null,
};
const externalCounsellor: RoleType = {
  ...counsellor,
  id: 8,
  code: 'external-confidential-counsellor',
  nameNl: 'Externe vertrouwenspersoon',
  nameEn: 'External confidential counsellor',
  scopeLevel: 'board',
  requiredBy: 'guideline',
  requiredPerSchool: false,
  needsHours: false,
  source: null,
};
const ictCoordinator: RoleType = {
  ...externalCounsellor,
  id: 40,
  code: 'ict-coordinator',
  nameNl: 'ICT-coördinator',
  nameEn: 'ICT coordinator',
  scopeLevel: 'school',
  requiredBy: 'none',
  boardId: 1,
};

const library: PartnerCategory = { id: 3, code: 'library', nameNl: 'Bibliotheek', nameEn: 'Library', boardId: null };

function path(req: Request) {
  return new URL(req.url).pathname;
}

/** The API's role catalogue, in memory: GET lists it, POST adds (409 on a known code), DELETE removes. */
function roleTypesApi(initial: RoleType[], inUse: number[] = []) {
  let items = [...initial];
  return mockFetch(async (req) => {
    const p = path(req);
    if (p === '/api/v1/role-types' && req.method === 'GET') return json(items);
    if (p === '/api/v1/role-types' && req.method === 'POST') {
      const body = (await req.json()) as Omit<RoleType, 'id' | 'requiredBy' | 'source'>;
      if (items.some((r) => r.code === body.code)) {
        return problem(409, `The role type code '${body.code}' already exists.`, {
          type: 'urn:spil:problem:duplicate',
          invalidParams: [{ name: 'code', in: 'body', code: 'duplicate', reason: 'already exists' }],
        });
      }
      const created: RoleType = { ...body, id: 99, requiredBy: 'none', source: null };
      items = [...items, created];
      return json(created, { status: 201 });
    }
    const deleted = /^\/api\/v1\/role-types\/(\d+)$/.exec(p);
    if (deleted && req.method === 'DELETE') {
      const id = Number(deleted[1]);
      if (inUse.includes(id)) {
        return problem(409, 'People hold (or held) this role; it cannot be removed.', { type: 'urn:spil:problem:in-use' });
      }
      items = items.filter((r) => r.id !== id);
      return new Response(null, { status: 204 });
    }
    return referenceAnswer(p) ?? json([]);
  });
}

describe('the role catalogue', () => {
  it('lists built-in roles with level, requirement, hours and legal basis, and the board\'s own roles', async () => {
    roleTypesApi([counsellor, externalCounsellor, ictCoordinator]);
    renderApp('/catalogue', { user: viewer });

    expect(await screen.findByRole('heading', { level: 1, name: 'Rollen' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveTextContent('Catalogus');
    const tabs = screen.getByRole('navigation', { name: 'Onderdelen van de catalogus' });
    expect(within(tabs).getByRole('link', { name: 'Rollen' })).toHaveAttribute('aria-current', 'page');

    const builtIn = await screen.findByRole('table', { name: /Ingebouwde rollen/ });
    const law = within(builtIn).getByRole('row', { name: /Interne vertrouwenspersoon/ });
    expect(law).toHaveTextContent('internal-confidential-counsellor');
    expect(law).toHaveTextContent('School');
    expect(law).toHaveTextContent('Wettelijk verplicht');
    expect(law).toHaveTextContent('Ja');
    expect(law).toHaveTextContent('Wet op het primair onderwijs, art. 14');
    const board = within(builtIn).getByRole('row', { name: /Externe vertrouwenspersoon/ });
    expect(board).toHaveTextContent('Bestuur');
    expect(board).toHaveTextContent('Richtlijn');
    expect(within(builtIn).queryByText('ICT-coördinator')).not.toBeInTheDocument();

    const own = screen.getByRole('table', { name: 'Eigen rollen van het bestuur' });
    expect(within(own).getByRole('rowheader', { name: 'ICT-coördinator' })).toBeInTheDocument();
    // A viewer reads, but cannot add or delete.
    expect(within(own).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Eigen rol toevoegen' })).not.toBeInTheDocument();
    expect(screen.getByText(/Alleen een bestuursbeheerder/)).toBeInTheDocument();
  });

  it('lets a board administrator add an own role: the code follows the name, a duplicate code shows next to the field', async () => {
    const { calls } = roleTypesApi([counsellor, ictCoordinator]);
    const user = userEvent.setup();
    renderApp('/catalogue/roles', { user: demoBoardAdmin });

    const form = await screen.findByRole('form', { name: 'Eigen rol toevoegen' });
    // Nothing filled in: caught before anything is sent.
    await user.click(within(form).getByRole('button', { name: 'Rol toevoegen' }));
    expect(within(form).getByLabelText(/^Naam in het Nederlands/)).toHaveAttribute('aria-invalid', 'true');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.type(within(form).getByLabelText(/^Naam in het Nederlands/), 'ICT-coördinator');
    const code = within(form).getByLabelText(/^Code/);
    expect(code).toHaveValue('ict-coordinator');
    await user.selectOptions(within(form).getByLabelText(/^Niveau/), 'school');
    await user.click(within(form).getByLabelText('Deze rol vraagt toegekende uren'));
    await user.click(within(form).getByRole('button', { name: 'Rol toevoegen' }));

    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    const codeError = document.getElementById(code.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(codeError).toHaveTextContent('Deze code bestaat al in de catalogus.');
    expect(within(form).getByRole('alert')).toHaveTextContent('Het formulier bevat fouten');

    // A code edited by hand is kept when the name changes.
    await user.clear(code);
    await user.type(code, 'ict-coordinator-po');
    await user.type(within(form).getByLabelText(/^Naam in het Nederlands/), ' PO');
    expect(code).toHaveValue('ict-coordinator-po');
    await user.click(within(form).getByRole('button', { name: 'Rol toevoegen' }));

    expect(await within(form).findByRole('status')).toHaveTextContent('De rol ICT-coördinator PO is toegevoegd.');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts[1]!.headers.get('X-CSRF-Token')).toBe('csrf-test');
    expect(await posts[1]!.json()).toEqual({
      boardId: 1,
      code: 'ict-coordinator-po',
      nameNl: 'ICT-coördinator PO',
      nameEn: 'ICT-coördinator PO',
      scopeLevel: 'school',
      needsHours: true,
      isContactPoint: true,
      requiredPerSchool: false,
    });
    const own = screen.getByRole('table', { name: 'Eigen rollen van het bestuur' });
    await within(own).findByRole('rowheader', { name: 'ICT-coördinator PO' });
    expect(within(form).getByLabelText(/^Naam in het Nederlands/)).toHaveValue('');
    expect(code).toHaveValue('');
  });

  it('deletes an own role after confirmation, and explains why a role in use cannot go', async () => {
    const inUse: RoleType = { ...ictCoordinator, id: 41, code: 'caretaker', nameNl: 'Conciërge', nameEn: 'Caretaker' };
    const { calls } = roleTypesApi([counsellor, ictCoordinator, inUse], [41]);
    const user = userEvent.setup();
    renderApp('/catalogue/roles', { user: demoBoardAdmin });

    const own = await screen.findByRole('table', { name: 'Eigen rollen van het bestuur' });
    // Built-in roles have no delete button.
    expect(within(screen.getByRole('table', { name: /Ingebouwde rollen/ })).queryByRole('button')).not.toBeInTheDocument();

    await user.click(within(own).getByRole('button', { name: 'Rol Conciërge verwijderen' }));
    const question = within(own).getByRole('group', { name: 'Rol Conciërge uit de catalogus verwijderen?' });
    expect(question).toHaveFocus();
    await user.click(within(question).getByRole('button', { name: 'Ja, verwijderen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Deze rol is (of was) aan iemand toegewezen');
    expect(within(own).getByRole('rowheader', { name: 'Conciërge' })).toBeInTheDocument();

    // Cancelling asks nothing of the API.
    await user.click(within(own).getByRole('button', { name: 'Rol ICT-coördinator verwijderen' }));
    await user.click(within(own).getByRole('button', { name: 'Annuleren' }));
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);

    await user.click(within(own).getByRole('button', { name: 'Rol ICT-coördinator verwijderen' }));
    await user.click(within(own).getByRole('button', { name: 'Ja, verwijderen' }));
    expect(await screen.findByRole('status')).toHaveTextContent('De rol ICT-coördinator is verwijderd.');
    expect(within(own).queryByRole('rowheader', { name: 'ICT-coördinator' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Eigen rollen van het bestuur' })).toHaveFocus();
    expect(path(calls.filter((c) => c.method === 'DELETE')[1]!)).toBe('/api/v1/role-types/40');
  });

  it('gives a coordinator the list without forms', async () => {
    roleTypesApi([counsellor, ictCoordinator]);
    renderApp('/catalogue/roles', { user: coordinator });
    const own = await screen.findByRole('table', { name: 'Eigen rollen van het bestuur' });
    expect(within(own).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });
});

describe('the partner categories', () => {
  it('lists the built-in kinds and lets a board administrator add one, checking the code first', async () => {
    let categories: PartnerCategory[] = [library];
    const { calls } = mockFetch(async (req) => {
      const p = path(req);
      if (p === '/api/v1/partner-categories' && req.method === 'GET') return json(categories);
      if (p === '/api/v1/partner-categories' && req.method === 'POST') {
        const body = (await req.json()) as Omit<PartnerCategory, 'id'>;
        const created = { ...body, id: 50 };
        categories = [...categories, created];
        return json(created, { status: 201 });
      }
      return referenceAnswer(p) ?? json([]);
    });
    const user = userEvent.setup();
    renderApp('/catalogue/partner-categories', { user: demoBoardAdmin });

    expect(await screen.findByRole('heading', { level: 1, name: 'Soorten partners' })).toBeInTheDocument();
    const builtIn = await screen.findByRole('table', { name: 'Ingebouwde soorten' });
    expect(within(builtIn).getByRole('row', { name: /Bibliotheek/ })).toHaveTextContent('library');
    expect(screen.getByText('Het bestuur heeft nog geen eigen soorten partners.')).toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Eigen soort toevoegen' });
    await user.type(within(form).getByLabelText(/^Naam in het Nederlands/), 'Buurtsportcoach');
    await user.type(within(form).getByLabelText(/^Naam in het Engels/), 'Community sports coach');
    const code = within(form).getByLabelText(/^Code/);
    await user.clear(code);
    await user.type(code, 'Sport Coach');
    await user.click(within(form).getByRole('button', { name: 'Soort toevoegen' }));
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.clear(code);
    await user.type(code, 'buurtsportcoach');
    await user.click(within(form).getByRole('button', { name: 'Soort toevoegen' }));
    expect(await within(form).findByRole('status')).toHaveTextContent('De soort Buurtsportcoach is toegevoegd.');
    expect(await calls.find((c) => c.method === 'POST')!.json()).toEqual({
      boardId: 1,
      code: 'buurtsportcoach',
      nameNl: 'Buurtsportcoach',
      nameEn: 'Community sports coach',
    });
    const own = await screen.findByRole('table', { name: 'Eigen soorten van het bestuur' });
    expect(within(own).getByRole('rowheader', { name: 'Buurtsportcoach' })).toBeInTheDocument();
  });
});

describe('catalogue helpers', () => {
  it('proposes a code from a name', () => {
    expect(codeFromName('Coördinator techniek & ICT')).toBe('coordinator-techniek-ict');
    expect(codeFromName('  3D-printcoach ')).toBe('d-printcoach');
    expect(codeFromName('€')).toBe('');
    expect(codeFromName('a'.repeat(80))).toHaveLength(60);
  });

  it('lets board administrators, not other staff, add to the catalogue', () => {
    expect(canAddToCatalogue(accessFor(demoBoardAdmin))).toBe(true);
    expect(canEditCatalogue(accessFor(demoBoardAdmin), 1)).toBe(true);
    expect(canEditCatalogue(accessFor(demoBoardAdmin), 2)).toBe(false);
    for (const u of [coordinator, viewer]) {
      expect(canAddToCatalogue(accessFor(u))).toBe(false);
      expect(canEditCatalogue(accessFor(u), 1)).toBe(false);
    }
  });
});
