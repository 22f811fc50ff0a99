import { isProblemError } from '../api/client';

/** A route's numeric id, or NaN when the address holds something else. */
export function parseId(value: string | undefined): number {
  if (!value || !/^[0-9]{1,10}$/.test(value)) return Number.NaN;
  const n = Number(value);
  return n > 0 && n <= 2_147_483_647 ? n : Number.NaN;
}

/** The API answers 404 for records that do not exist and for those outside the user's scope. */
export function isNotFound(error: unknown): boolean {
  return isProblemError(error) && error.status === 404;
}
