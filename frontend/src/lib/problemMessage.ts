import type { TFunction } from 'i18next';
import { isProblemError } from '../api/client';

/** A message for a failed request, in the user's language, with the API's own detail when useful. */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!isProblemError(error)) return t('errors.generic');
  switch (error.status) {
    case 0:
      return t('errors.network');
    case 403:
      return error.detail || t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 409:
      return error.detail || t('errors.conflict');
    case 412:
      return t('errors.stale');
    case 429:
      return t('errors.tooManyRequests');
    case 400:
      return error.invalidParams.length > 0 ? t('errors.validation') : error.detail || t('errors.validation');
    default:
      return error.status >= 500 ? t('errors.generic') : error.detail || t('errors.generic');
  }
}
