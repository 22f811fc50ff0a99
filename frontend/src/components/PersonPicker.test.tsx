import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../lib/queryClient';
import { json, mockFetch } from '../test/utils';
import { PersonPicker, roleSummary, type PickedPerson } from './PersonPicker';

const role = (roleName: string, schoolName: string | null, partnerName: string | null = null) => ({
  roleCode: 'x',
  roleName,
  schoolId: schoolName ? 1 : null,
  schoolName,
  partnerName,
});

const person = (id: number, name: string, roles: ReturnType<typeof role>[]) => ({
  id,
  boardId: 1,
  name,
  kind: 'staff',
  email: null,
  phone: null,
  languages: [],
  notes: null,
  activeRoles: roles.length,
  currentRoles: roles,
  erasedOn: null,
  inactiveSince: null,
  syncedFrom: null,
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
});

const PEOPLE = [
  person(7, 'Anna de Vries', [role('Intern begeleider', 'OBS De Spil')]),
  person(8, 'Anna de Vries', [role('Leerkracht', 'De Regenboog'), role('Contactpersoon samenwerking', null, 'GGD')]),
  person(9, 'Annemiek Bos', []),
  person(10, 'Bert Smit', [role('Conciërge', 'OBS De Spil')]),
];

function Harness({ onChange, exclude }: { onChange: (p: PickedPerson | null) => void; exclude?: Set<number> }) {
  const [value, setValue] = useState<PickedPerson | null>(null);
  return (
    <QueryClientProvider client={createQueryClient()}>
      <PersonPicker
        label="Contactpersoon"
        value={value}
        boardId={1}
        exclude={exclude}
        onChange={(p) => {
          setValue(p);
          onChange(p);
        }}
      />
    </QueryClientProvider>
  );
}

describe('the colleague picker', () => {
  it('searches as you type and tells two colleagues with one name apart by role and school', async () => {
    const { calls } = mockFetch(async (req) => {
      const q = new URL(req.url).searchParams.get('q') ?? '';
      const items = PEOPLE.filter((p) => p.name.toLowerCase().includes(q.toLowerCase()));
      return json({ items, total: items.length, page: 1, pageSize: 10 });
    });
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<Harness onChange={onChange} exclude={new Set([9])} />);

    const box = screen.getByRole('combobox', { name: /Contactpersoon/ });
    await user.type(box, 'anna');
    await waitFor(() =>
      expect(screen.queryAllByRole('option').map((o) => o.textContent)).toEqual([
        'Anna de VriesIntern begeleider, OBS De Spil',
        'Anna de VriesLeerkracht, De Regenboog; Contactpersoon samenwerking, GGD',
      ]),
    );
    expect(box).toHaveAttribute('aria-expanded', 'true');
    const url = new URL(calls.at(-1)!.url);
    expect(url.searchParams.get('q')).toBe('anna');
    expect(url.searchParams.get('boardId')).toBe('1');

    await user.keyboard('{ArrowDown}{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ id: 8, name: 'Anna de Vries' });
    expect(box).toHaveValue('Anna de Vries');
    expect(box).toHaveAttribute('aria-expanded', 'false');

    // typing again drops the choice until a new one is made
    await user.type(box, 'x');
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('says when nobody is found, and where to add a colleague', async () => {
    mockFetch(async () => json({ items: [], total: 0, page: 1, pageSize: 10 }));
    const user = userEvent.setup();
    render(<Harness onChange={() => undefined} />);
    await user.type(screen.getByRole('combobox'), 'zz');
    await waitFor(() => expect(screen.getAllByText(/Niemand gevonden/).length).toBeGreaterThan(0));
  });

  it('summarises at most two roles', () => {
    const many = { currentRoles: [role('A', 'S1'), role('B', 'S2'), role('C', 'S3')] };
    expect(roleSummary(many, '-')).toBe('A, S1; B, S2 (+1)');
    expect(roleSummary({ currentRoles: [] }, 'nog geen rol')).toBe('nog geen rol');
  });
});
