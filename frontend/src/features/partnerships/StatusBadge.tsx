import { useRT } from '../registry/i18n';
import type { Partnership } from '../registry/types';

export function StatusBadge({ status }: { status: Partnership['status'] }) {
  const { t } = useRT();
  return <span className={`badge badge-status-${status}`}>{t(`partnerships.statuses.${status}`)}</span>;
}
