import { useTranslation } from 'react-i18next';
import { isProblemError } from '../api/client';
import { ProblemAlert } from './ProblemAlert';

/** The error above a form: a hint to check the fields, or the problem's message. */
export function FormErrorSummary({ error, hasFieldErrors }: { error: unknown; hasFieldErrors: boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (hasFieldErrors && isProblemError(error) && (error.status === 400 || error.status === 422)) {
    return <ProblemAlert error={error} message={t('common.formHasErrors')} focus />;
  }
  return <ProblemAlert error={error} focus />;
}
