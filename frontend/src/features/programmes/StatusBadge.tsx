/** An initiative's status as a badge (with the word, never colour alone). */
import { useT } from '../../lib/i18n';
import type { InitiativeStatus } from './types';

export function StatusBadge({ status }: { status: InitiativeStatus }) {
  const { t } = useT('programmes');
  return (
    <span className={`badge status-badge status-${status}`} data-status={status}>
      {t(`programmes.status.${status}`)}
    </span>
  );
}
