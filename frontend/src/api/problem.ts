/** RFC 9457 problem details, as the Spil API returns them for every error. */

export interface InvalidParam {
  name: string;
  reason: string;
  in?: string;
  code?: string;
}

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string | null;
  invalidParams?: InvalidParam[] | null;
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** An error answered by the API (or a network failure, with status 0). */
export class ProblemError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly type: string;
  readonly instance: string | null;
  readonly invalidParams: InvalidParam[];
  /** The problem's other members (e.g. `latestYear`, `violations`), as the API sent them. */
  readonly extensions: Record<string, unknown>;

  constructor(problem: ProblemDetails & { status: number }, extensions: Record<string, unknown> = {}) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ProblemError';
    this.status = problem.status;
    this.title = problem.title ?? '';
    this.detail = problem.detail ?? '';
    this.type = problem.type ?? 'about:blank';
    this.instance = problem.instance ?? null;
    this.invalidParams = Array.isArray(problem.invalidParams)
      ? problem.invalidParams
          .filter((p): p is InvalidParam => !!p && typeof p.name === 'string')
          .map((p) => ({ ...p, reason: typeof p.reason === 'string' ? p.reason : '' }))
      : [];
    this.extensions = extensions;
  }

  /** The reasons per field name (first reason wins), for showing next to form fields. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of this.invalidParams) {
      // Validation errors on the body may be reported as `body.name`; forms know `name`.
      const name = p.name.replace(/^body\./, '');
      if (!(name in out)) out[name] = p.reason;
    }
    return out;
  }
}

export function isProblemError(error: unknown): error is ProblemError {
  return error instanceof ProblemError;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'invalidParams']);

/** Builds a ProblemError from a failed response, whether or not it carries a problem body. */
export async function problemFromResponse(response: Response): Promise<ProblemError> {
  const contentType = response.headers.get('Content-Type') ?? '';
  let body: unknown = undefined;
  if (/json/i.test(contentType)) {
    try {
      body = await response.clone().json();
    } catch {
      body = undefined;
    }
  }
  if (isObject(body)) {
    const extensions = Object.fromEntries(Object.entries(body).filter(([key]) => !STANDARD_MEMBERS.has(key)));
    return new ProblemError({
      type: typeof body.type === 'string' ? body.type : undefined,
      title: typeof body.title === 'string' ? body.title : response.statusText,
      status: typeof body.status === 'number' ? body.status : response.status,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      instance: typeof body.instance === 'string' ? body.instance : null,
      invalidParams: Array.isArray(body.invalidParams) ? (body.invalidParams as InvalidParam[]) : undefined,
    }, extensions);
  }
  return new ProblemError({ status: response.status, title: response.statusText });
}
