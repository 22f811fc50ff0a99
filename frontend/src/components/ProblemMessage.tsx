import { isProblemError } from '../api/client';
import i18n from '../i18n';
import { ProblemAlert } from './ProblemAlert';
import { useT, type RT } from '../lib/i18n';

/**
 * The message for a failed change, in the user's language: the API's own `detail` is English,
 * so the registry names the problems it knows (not allowed, still in use) itself.
 */
export function registryProblemText(error: unknown, t: RT): string | undefined {
  if (!isProblemError(error)) return undefined;
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 409 && error.type.endsWith(':in-use')) return t('registry.problems.inUse');
  if (error.status === 409 && error.type.endsWith(':holds-statutory-role')) {
    // The person's own role, named in the user's language (the API's `detail` is English).
    const roles = (error.extensions.roles as { role: string; roleNl: string; school: string | null }[] | undefined) ?? [];
    const first = roles[0];
    const role = first ? (i18n.language.startsWith('nl') ? first.roleNl : first.role).toLowerCase() : '';
    const where = first?.school ? t('registry.problems.at', { school: first.school }) : '';
    return t('registry.problems.holdsStatutoryRole', { name: String(error.extensions.person ?? ''), role, where });
  }
  if (error.status === 409) return t('errors.conflict');
  return undefined;
}

/** A ProblemAlert with the registry's messages. */
export function RegistryProblem({ error, focus = false }: { error: unknown; focus?: boolean }) {
  const { t } = useT();
  if (!error) return null;
  return <ProblemAlert error={error} message={registryProblemText(error, t)} focus={focus} />;
}

/** Above a form: "check the marked fields" when fields are marked, else the problem's message. */
export function RegistryFormError({ error, hasFieldErrors }: { error: unknown; hasFieldErrors: boolean }) {
  const { t } = useT();
  if (!error) return null;
  if (hasFieldErrors) return <ProblemAlert error={error} message={t('common.formHasErrors')} focus />;
  return <RegistryProblem error={error} focus />;
}
