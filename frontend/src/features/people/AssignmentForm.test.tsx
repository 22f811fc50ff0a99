import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderApp } from '../../test/utils';
import { coordinator, page, referenceAnswer } from '../../test/testData';

const supervisor = {
  id: 40,
  code: 'key-person-supervisor',
  nameNl: 'Begeleider sleutelpersonen',
  nameEn: 'Key-person supervisor',
  scopeLevel: 'school',
  requiredBy: 'guideline',
  requiredPerSchool: false,
  needsHours: true,
  isContactPoint: false,
  source: null,
  boardId: null,
};

describe('assigning a role', () => {
  it('finds the colleague by searching, and asks for the hours a role needs before saving without them', async () => {
    const { calls } = mockFetch(async (req) => {
      const p = new URL(req.url).pathname;
      if (p === '/api/v1/role-types') return json([supervisor]);
      const reference = referenceAnswer(p);
      if (reference) return reference;
      if (p === '/api/v1/people') {
        return page([{ id: 5, boardId: 1, name: 'Karin Bos', kind: 'staff', currentRoles: [{ roleCode: 'teacher', roleName: 'Leerkracht', schoolId: 1, schoolName: 'OBS De Spil', partnerName: null }] }]);
      }
      if (p === '/api/v1/role-assignments' && req.method === 'POST') return json({ id: 99 }, { status: 201 });
      return page([]);
    });
    const user = userEvent.setup();
    renderApp('/role-assignments/new?scope=school:1&role=key-person-supervisor', { user: coordinator });
    await waitFor(() => expect(screen.getByLabelText(/^Rol/)).toHaveValue('key-person-supervisor'));

    await user.type(screen.getByRole('combobox', { name: /^Persoon/ }), 'kar');
    const option = await screen.findByRole('option', { name: /Karin Bos/ });
    expect(option).toHaveTextContent('Leerkracht, OBS De Spil');
    await user.click(option);

    // no hours for a role that needs them: asked first, nothing sent
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    const hours = screen.getByLabelText(/^Uren per week/);
    expect(hours).toHaveAttribute('aria-invalid', 'true');
    expect(document.getElementById(hours.getAttribute('aria-describedby')!.split(' ')[0]!)).toHaveTextContent(
      'Begeleider sleutelpersonen vraagt toegekende uren.',
    );
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    // saying so explicitly saves without hours
    await user.click(screen.getByLabelText(/Er zijn nog geen uren afgesproken/));
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(await post.json()).toEqual({ personId: 5, role: 'key-person-supervisor', schoolId: 1, isPrimary: true });
  }, 20_000);
});
