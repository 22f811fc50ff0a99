import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderApp } from '../../test/utils';
import { page, school } from '../../test/testData';
import { moveStep, removeStep, stepProblems, toDrafts } from './stepEditor';
import { ProblemError } from '../../api/problem';
import { defaultRoute, ownRoute, resolvedRoute, schoolAdmin } from './testData';

describe('the step list helpers', () => {
  it('move a step, keep statutory steps, and sort the API problems onto the steps sent', () => {
    expect(moveStep(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveStep(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    const drafts = toDrafts(ownRoute.steps);
    expect(removeStep(drafts, drafts[1]!.uid)).toHaveLength(3);
    expect(removeStep(drafts, drafts[0]!.uid)).toHaveLength(2);
    const error = new ProblemError({
      status: 400,
      invalidParams: [
        { name: 'steps', code: 'statutory-step-removed', reason: 'x' },
        { name: 'steps.2', code: 'statutory-step-changed', reason: 'y' },
        { name: 'body.steps.0.actor', code: 'unknown-role-type', reason: 'z' },
      ],
    });
    const found = stepProblems(error, drafts);
    expect(found.list.map((p) => p.code)).toEqual(['statutory-step-removed']);
    expect(found.steps[drafts[2]!.uid]?.step.map((p) => p.code)).toEqual(['statutory-step-changed']);
    expect(found.steps[drafts[0]!.uid]?.fields.actor?.code).toBe('unknown-role-type');
  });
});

describe('the route editor', () => {
  it('reorders with the keyboard, refuses to remove a statutory step, and shows the API\'s 400 at the step', async () => {
    let patches = 0;
    const { calls } = mockFetch(async (req) => {
      const url = new URL(req.url);
      const p = url.pathname;
      if (p === '/api/v1/schools') return page([school]);
      if (p === '/api/v1/role-types')
        return json([{ id: 1, code: 'teacher', nameNl: 'Leerkracht', nameEn: 'Teacher', boardId: null }]);
      if (p === '/api/v1/partner-categories' || p === '/api/v1/external-bodies') return json([]);
      if (p === '/api/v1/complaint-routes') return json(url.searchParams.get('schoolId') ? [ownRoute] : [defaultRoute, ownRoute]);
      if (p === '/api/v1/complaint-routes/1') return json(defaultRoute, { headers: { ETag: '"d1"' } });
      if (p === '/api/v1/complaint-routes/5' && req.method === 'GET') return json(ownRoute, { headers: { ETag: '"v1"' } });
      if (p === '/api/v1/complaint-routes/5' && req.method === 'PATCH') {
        patches += 1;
        return problem(400, 'The request has invalid fields.', {
          invalidParams: [{ name: 'steps.1.actor', in: 'body', code: 'unknown-role-type', reason: "There is no role type 'teacher'." }],
        });
      }
      if (p.startsWith('/api/v1/schools/1/complaint-routes/')) return json({ ...resolvedRoute, source: 'school', published: false });
      return page([]);
    });
    const user = userEvent.setup();
    renderApp('/complaint-routes?schoolId=1&area=undesirable-behaviour&group=parent', { user: schoolAdmin });

    const second = await screen.findByRole('group', { name: /^Stap 2/ });
    expect(within(second).getByText(/Wettelijke stap \(Wet veiligheid op school \(2015\)\)/)).toBeInTheDocument();

    // A statutory step cannot be removed: the button explains why, and the step stays.
    await user.click(within(second).getByRole('button', { name: 'Stap 2 verwijderen' }));
    expect(within(second).getByRole('alert')).toHaveTextContent('Deze stap kan niet weg: hij is wettelijk verplicht (Wet veiligheid op school (2015)).');
    expect(screen.getAllByTestId('step')).toHaveLength(3);

    // Move the first step down with the keyboard; focus stays on the button that was used.
    const down = screen.getByRole('button', { name: 'Stap 1 omlaag' });
    down.focus();
    await user.keyboard('{Enter}');
    const moved = screen.getByRole('group', { name: /^Stap 2/ });
    expect(within(moved).getByLabelText(/^Tekst \(Nederlands\)/)).toHaveValue('Praat met de leerkracht.');
    expect(within(moved).getByRole('button', { name: 'Stap 2 omlaag' })).toHaveFocus();
    expect(screen.getByText('Stap verplaatst naar plaats 2 van 3.')).toBeInTheDocument();

    // Reword it, then save: the API's problem with steps.1 shows next to that step's actor.
    const text = within(moved).getByLabelText(/^Tekst \(Nederlands\)/);
    await user.clear(text);
    await user.type(text, 'Praat eerst met de leerkracht.');
    await user.click(screen.getByRole('button', { name: 'Stappen opslaan' }));
    await waitFor(() => expect(patches).toBe(1));
    const actor = await within(screen.getByRole('group', { name: /^Stap 2/ })).findByLabelText(/^Welke/);
    await waitFor(() => expect(actor).toHaveAttribute('aria-invalid', 'true'));
    expect(document.getElementById(actor.getAttribute('aria-describedby')!.split(' ')[0]!)).toHaveTextContent('Deze rol bestaat niet.');

    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"v1"');
    const body = (await patch.json()) as { steps: { key?: string; textNl: string }[] };
    expect(body.steps.map((s) => s.key)).toEqual(['anti-bullying', 'teacher', 'committee']);
    expect(body.steps[1]!.textNl).toBe('Praat eerst met de leerkracht.');
  }, 20_000);

  it('offers "make our own version" when the school follows the default, and shows the public preview', async () => {
    mockFetch(async (req) => {
      const url = new URL(req.url);
      const p = url.pathname;
      if (p === '/api/v1/schools') return page([school]);
      if (p === '/api/v1/role-types' || p === '/api/v1/partner-categories' || p === '/api/v1/external-bodies') return json([]);
      if (p === '/api/v1/complaint-routes') return json(url.searchParams.get('schoolId') ? [] : [defaultRoute]);
      if (p === '/api/v1/complaint-routes/1') return json(defaultRoute, { headers: { ETag: '"d1"' } });
      if (p === '/api/v1/public/schools/12AB00/complaint-routes/undesirable-behaviour') return json(resolvedRoute);
      return page([]);
    });
    renderApp('/complaint-routes?schoolId=1&area=undesirable-behaviour&group=parent', { user: schoolAdmin });
    expect(await screen.findByRole('button', { name: 'Eigen versie maken' })).toBeInTheDocument();
    expect(screen.getByText('Deze school volgt de standaardroute.')).toBeInTheDocument();
    const preview = await screen.findByTestId('route-preview');
    expect(within(preview).getByText(/Vera Vertrouwen/)).toBeInTheDocument();
  });
});
