/**
 * The typed API client: openapi-fetch over the types generated from the backend's OpenAPI
 * document (`npm run gen:client`). Cookies carry the session; the CSRF token lives in memory
 * only and is sent on every request that changes something.
 */
import i18next from 'i18next';
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ProblemError, problemFromResponse } from './problem';

export { ProblemError, isProblemError } from './problem';
export type { InvalidParam, ProblemDetails } from './problem';

export const API_BASE_URL = '/api/v1';
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

let csrfToken: string | null = null;

/** Remember the CSRF token of the current session (from login or the session endpoint). */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Adds the CSRF token to requests that change state. */
export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method.toUpperCase()) && csrfToken) {
      request.headers.set(CSRF_HEADER, csrfToken);
    }
    return request;
  },
};

/**
 * Asks the API for its problem texts in the language of the screen (`Accept-Language`): Dutch
 * unless English is chosen.
 */
export const languageMiddleware: Middleware = {
  onRequest({ request }) {
    const language = i18next.resolvedLanguage ?? i18next.language;
    if (!request.headers.has('Accept-Language')) {
      request.headers.set('Accept-Language', language === 'en' ? 'en, nl;q=0.5' : 'nl');
    }
    return request;
  },
};

/** Turns every non-2xx response into a thrown ProblemError. */
export const problemMiddleware: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) {
      throw await problemFromResponse(response);
    }
    return undefined;
  },
  onError({ error }) {
    if (error instanceof ProblemError) return error;
    // A network failure or an aborted request: no response at all.
    return new ProblemError({
      status: 0,
      title: 'Network error',
      detail: error instanceof Error ? error.message : String(error),
    });
  },
};

export type ApiClient = ReturnType<typeof createClient<paths>>;

export function createApiClient(options: { baseUrl?: string; fetch?: typeof fetch } = {}): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? API_BASE_URL,
    credentials: 'same-origin',
    // Resolved per call, so tests can replace the global fetch.
    fetch: options.fetch ?? ((input: Request) => globalThis.fetch(input)),
    headers: { Accept: 'application/json, application/problem+json' },
  });
  client.use(languageMiddleware, csrfMiddleware, problemMiddleware);
  return client;
}

/** The application's client. */
export const api = createApiClient();

/** openapi-fetch types `data` as possibly undefined; after the middleware it is not. */
export function must<T>(result: { data?: T; response: Response }): T {
  if (result.data === undefined) {
    throw new ProblemError({ status: result.response.status, title: 'Empty response' });
  }
  return result.data;
}
