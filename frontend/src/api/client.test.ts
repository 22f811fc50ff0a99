import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { api, createApiClient, getCsrfToken, isProblemError, ProblemError, setCsrfToken } from './client';
import { problemFromResponse } from './problem';
import { json, mockFetch, problem } from '../test/utils';

describe('API client', () => {
  it('calls the API under /api/v1 with same-origin credentials', async () => {
    const { calls } = mockFetch(() => json({ status: 'ok' }));
    const result = await api.GET('/health');
    expect(result.data).toEqual({ status: 'ok' });
    expect(calls).toHaveLength(1);
    const url = new URL(calls[0]!.url);
    expect(url.pathname).toBe('/api/v1/health');
    expect(calls[0]!.credentials).toBe('same-origin');
  });

  it('sends the CSRF token on requests that change state, not on reads', async () => {
    const { calls } = mockFetch((req) =>
      req.method === 'GET' ? json({ items: [], total: 0, page: 1, pageSize: 20 }) : new Response(null, { status: 204 }),
    );
    setCsrfToken('token-123');
    await api.GET('/boards');
    await api.POST('/auth/logout');
    await api.DELETE('/boards/{boardId}', { params: { path: { boardId: 3 }, header: { 'If-Match': '"v1"' } } });
    expect(calls[0]!.headers.get('X-CSRF-Token')).toBeNull();
    expect(calls[1]!.headers.get('X-CSRF-Token')).toBe('token-123');
    expect(calls[2]!.headers.get('X-CSRF-Token')).toBe('token-123');
    expect(getCsrfToken()).toBe('token-123');
  });

  it('asks for problem texts in the language of the screen', async () => {
    const { calls } = mockFetch(() => json({ status: 'ok' }));
    const before = i18next.language;
    try {
      await i18next.changeLanguage('nl');
      await api.GET('/health');
      await i18next.changeLanguage('en');
      await api.GET('/health');
    } finally {
      await i18next.changeLanguage(before);
    }
    expect(calls.map((c) => c.headers.get('Accept-Language'))).toEqual(['nl', 'en, nl;q=0.5']);
  });

  it('sends no CSRF header when there is no session', async () => {
    const { calls } = mockFetch(() => new Response(null, { status: 204 }));
    setCsrfToken(null);
    await api.POST('/auth/logout');
    expect(calls[0]!.headers.has('X-CSRF-Token')).toBe(false);
  });

  it('keeps the CSRF token out of web storage', async () => {
    mockFetch(() => json({ user: { id: 1 }, csrfToken: 'secret-csrf' }));
    const { data } = await api.POST('/auth/login', { body: { email: 'a@b.nl', password: 'x' } });
    setCsrfToken(data?.csrfToken);
    const stored = JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage });
    expect(stored).not.toContain('secret-csrf');
  });

  it('turns a problem+json answer into a typed ProblemError with the invalid fields', async () => {
    mockFetch(() =>
      problem(400, 'The request has invalid fields: name, postalCode.', {
        title: 'Bad Request',
        instance: '/api/v1/schools/4',
        invalidParams: [
          { name: 'name', in: 'body', code: 'string_too_short', reason: 'String should have at least 1 character' },
          { name: 'postalCode', in: 'body', code: 'value_error', reason: 'must be a Dutch postal code such as 2011 AB' },
        ],
      }),
    );
    const error = await api
      .PATCH('/schools/{schoolId}', { params: { path: { schoolId: 4 }, header: { 'If-Match': '"v1"' } }, body: { name: '' } })
      .catch((e: unknown) => e);
    expect(isProblemError(error)).toBe(true);
    const p = error as ProblemError;
    expect(p).toBeInstanceOf(Error);
    expect(p.status).toBe(400);
    expect(p.title).toBe('Bad Request');
    expect(p.detail).toBe('The request has invalid fields: name, postalCode.');
    expect(p.instance).toBe('/api/v1/schools/4');
    expect(p.invalidParams.map((i) => i.name)).toEqual(['name', 'postalCode']);
    expect(p.fieldErrors()).toEqual({
      name: 'String should have at least 1 character',
      postalCode: 'must be a Dutch postal code such as 2011 AB',
    });
  });

  it('reports 412 (stale), 401 and 429 with their status', async () => {
    for (const status of [401, 412, 429]) {
      mockFetch(() => problem(status, `status ${status}`));
      const error = await api.GET('/auth/session').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProblemError);
      expect((error as ProblemError).status).toBe(status);
      expect((error as ProblemError).detail).toBe(`status ${status}`);
      expect((error as ProblemError).invalidParams).toEqual([]);
    }
  });

  it('copes with an error that is not problem+json', async () => {
    mockFetch(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }));
    const error = await api.GET('/health').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(502);
    expect((error as ProblemError).title).toBe('Bad Gateway');
  });

  it('reports a network failure as status 0', async () => {
    const client = createApiClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const error = await client.GET('/health').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(0);
  });

  it('ignores malformed invalidParams entries', async () => {
    const response = new Response(
      JSON.stringify({ title: 'Bad Request', status: 400, detail: 'x', invalidParams: [null, { name: 'body.email', reason: 'bad' }, { reason: 'no name' }] }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
    );
    const error = await problemFromResponse(response);
    expect(error.invalidParams).toHaveLength(1);
    expect(error.fieldErrors()).toEqual({ email: 'bad' });
  });
});
