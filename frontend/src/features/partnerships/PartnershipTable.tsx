import { Link } from 'react-router';
import { SortHeader } from '../../components/SortHeader';
import { formatDate } from '../../lib/format';
import { useT } from '../../lib/i18n';
import type { Partnership, PartnershipPage } from '../../api/registryTypes';
import { StatusBadge } from './StatusBadge';

interface Props {
  items: PartnershipPage['items'];
  caption: string;
  showPartner?: boolean;
  sort?: string;
  onSort?: (sort: string) => void;
}

/** Partnerships as a table: partner (or title), school, status, levels, contacts, dates. */
export function PartnershipTable({ items, caption, showPartner = true, sort, onSort }: Props) {
  const { t, i18n } = useT();
  const header = (field: string, label: string) =>
    onSort ? (
      <SortHeader field={field} label={label} sort={sort} onSort={onSort} />
    ) : (
      <th scope="col">{label}</th>
    );
  const name = (p: Partnership | PartnershipPage['items'][number]) =>
    showPartner ? (p.title ? `${p.partnerName}: ${p.title}` : p.partnerName) : p.title || p.schoolName || t('partnerships.boardWide');
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="stack-on-phone">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {header('partner', showPartner ? t('partnerships.partner') : t('partnerships.partnership'))}
            <th scope="col">{t('partnerships.school')}</th>
            {header('status', t('partnerships.status'))}
            <th scope="col">{t('partnerships.levels')}</th>
            <th scope="col">{t('partnerships.internalContacts')}</th>
            {header('endDate', t('partnerships.endDate'))}
          </tr>
        </thead>
        <tbody>
          {items.map((p) => {
            const contacts = p.internalContacts ?? [];
            return (
              <tr key={p.id}>
                <td data-label={showPartner ? t('partnerships.partner') : t('partnerships.partnership')}>
                  <Link to={`/partnerships/${p.id}`}>{name(p)}</Link>
                </td>
                <td data-label={t('partnerships.school')}>{p.schoolName ?? t('partnerships.boardWide')}</td>
                <td data-label={t('partnerships.status')}>
                  <StatusBadge status={p.status} />
                </td>
                <td data-label={t('partnerships.levels')}>
                  {p.levels.length > 0 ? p.levels.map((l) => t(`partnerships.levelNames.${l}`)).join(', ') : t('common.none')}
                </td>
                <td data-label={t('partnerships.internalContacts')}>
                  {contacts.length === 0 ? (
                    <span className="warning-text">
                      <span aria-hidden="true">! </span>
                      {t('partnerships.noContacts')}
                    </span>
                  ) : (
                    contacts.map((c) => c.personName).join(', ')
                  )}
                </td>
                <td data-label={t('partnerships.endDate')}>{p.endDate ? formatDate(p.endDate, i18n.language) : t('common.none')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
