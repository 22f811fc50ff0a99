import { useTranslation } from 'react-i18next';

/** "Actief" or "Inactief", in words (not only in colour). */
export function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return <span className={active ? 'badge badge-active' : 'badge badge-inactive'}>{active ? t('users.active') : t('users.inactive')}</span>;
}
