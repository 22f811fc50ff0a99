import { useT } from '../../lib/i18n';
import type { Partnership } from '../../api/registryTypes';

export function StatusBadge({ status }: { status: Partnership['status'] }) {
  const { t } = useT();
  return <span className={`badge badge-status-${status}`}>{t(`partnerships.statuses.${status}`)}</span>;
}
