import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderApp } from '../../test/utils';
import { regionContact } from '../areas/testData';
import { page } from '../../test/testData';
import type { ServicePoint } from './types';

const SLOW = 20_000;
const POINT = '/api/v1/labour-market-regions/37/employer-service-point';

const empty: ServicePoint = {
  regionId: 37,
  regionCode: 'AM37',
  regionName: 'Zuid-Kennemerland en IJmond',
  organisation: null,
  contactName: null,
  email: null,
  phone: null,
  openingHours: null,
  website: null,
  notes: null,
  filledIn: false,
};

describe('the employer service point', () => {
  it('is filled in by the region contact with If-Match "v0"; a 412 is explained and reloads the latest version', async () => {
    const patches: { body: unknown; ifMatch: string | null }[] = [];
    let current: ServicePoint = empty;
    let etag = '"v0"';
    mockFetch(async (req) => {
      const p = new URL(req.url).pathname;
      if (p === POINT && req.method === 'PATCH') {
        const body = (await req.json()) as Partial<ServicePoint>;
        patches.push({ body, ifMatch: req.headers.get('If-Match') });
        if (req.headers.get('If-Match') !== etag) return problem(412, 'The record was changed meanwhile.');
        current = { ...current, ...body, filledIn: true };
        etag = '"v1"';
        return json(current, { headers: { ETag: etag } });
      }
      if (p === POINT) return json(current, { headers: { ETag: etag } });
      return page([]);
    });
    const user = userEvent.setup();
    renderApp('/inclusie/werkgeversservicepunt/37', { user: regionContact });
    expect(await screen.findByRole('heading', { level: 1, name: 'Werkgeversservicepunt Zuid-Kennemerland en IJmond' })).toBeInTheDocument();
    const email = screen.getByLabelText('E-mail');
    expect(email).toHaveAttribute('type', 'email');
    expect(email).toHaveAttribute('maxlength', '320');
    expect(screen.getByLabelText('Telefoon')).toHaveAttribute('inputmode', 'tel');

    // A malformed address is caught before it is sent.
    await user.type(email, 'geen-adres');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Vul een geldig e-mailadres in, zoals onderwijs@wsp.nl.')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(patches).toHaveLength(0);

    await user.clear(email);
    await user.type(email, 'onderwijs@wsp-zkij.example');
    await user.type(screen.getByLabelText('Organisatie'), 'WSP Zuid-Kennemerland');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Het aanspreekpunt is opgeslagen.')).toBeInTheDocument();
    expect(patches[0]).toEqual({ body: { organisation: 'WSP Zuid-Kennemerland', email: 'onderwijs@wsp-zkij.example' }, ifMatch: '"v0"' });

    // Someone else saves meanwhile: this form's ETag is stale.
    current = { ...current, openingHours: 'Dinsdag' };
    etag = '"v2"';
    await user.type(screen.getByLabelText('Telefoon'), '023 555 0600');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    const notice = await screen.findByTestId('stale-notice');
    expect(patches[1]!.ifMatch).toBe('"v1"');
    await user.click(within(notice).getByRole('button', { name: 'Opnieuw laden' }));
    await waitFor(() => expect(screen.getByLabelText('Bereikbaar')).toHaveValue('Dinsdag'));
    expect(screen.queryByTestId('stale-notice')).toBeNull();
  }, SLOW);

  it('is not for a contact of another region', async () => {
    mockFetch(() => page([]));
    renderApp('/inclusie/werkgeversservicepunt/12', { user: regionContact });
    expect(await screen.findByRole('alert')).toHaveTextContent('U heeft geen toestemming voor deze actie.');
  }, SLOW);
});
