import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderApp } from '../../test/utils';
import { demoBoardAdmin, page, referenceAnswer } from '../../test/testData';

describe('the partner form', () => {
  it('leads to the partner that has the KvK number already, instead of keeping a duplicate', async () => {
    mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v1/partners' && req.method === 'POST') {
        return problem(409, 'The board has a partner with KvK number 87654321 already: Sportclub HFC.', {
          type: 'urn:spil:problem:duplicate-kvk',
          invalidParams: [{ name: 'kvkNumber', in: 'body', code: 'duplicate-kvk', reason: 'duplicate' }],
          existingPartnerId: 12,
          existingPartnerName: 'Sportclub HFC',
        });
      }
      if (url.pathname === '/api/v1/partner-categories') {
        return json([{ id: 1, code: 'sport', nameNl: 'Sport', nameEn: 'Sport', boardId: null }]);
      }
      if (url.pathname === '/api/v1/boards') return page([{ id: 1, name: 'Stichting Spil Demo' }]);
      return referenceAnswer(url.pathname) ?? page([]);
    });
    const user = userEvent.setup();
    renderApp('/partners/new', { user: demoBoardAdmin });
    await user.type(await screen.findByLabelText(/^Naam/), 'HFC Haarlem');
    await user.selectOptions(await screen.findByLabelText(/^Soort partner/), 'sport');
    await user.type(screen.getByLabelText(/^KvK-nummer/), '87654321');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    const notice = await screen.findByTestId('duplicate-kvk');
    expect(notice).toHaveTextContent('Dit KvK-nummer heeft Sportclub HFC al.');
    expect(screen.getByRole('link', { name: 'Naar Sportclub HFC' })).toHaveAttribute('href', '/partners/12');
    expect(screen.getByText('Er is al een partner met dit KvK-nummer.')).toBeInTheDocument();
  });
});
