import { useTranslation } from 'react-i18next';

interface Props {
  field: string;
  label: string;
  sort: string | undefined;
  onSort: (sort: string) => void;
}

/** A column header that sorts on its field; a second click reverses the order. */
export function SortHeader({ field, label, sort, onSort }: Props) {
  const { t } = useTranslation();
  const active = sort === field || sort === `-${field}`;
  const descending = sort === `-${field}`;
  const ariaSort = active ? (descending ? 'descending' : 'ascending') : 'none';
  return (
    <th scope="col" role="columnheader" aria-sort={ariaSort}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(active && !descending ? `-${field}` : field)}
        title={t('common.sortBy', { column: label })}
      >
        {label}
        <span className="sort-indicator" aria-hidden="true">
          {active ? (descending ? ' ▼' : ' ▲') : ' ↕'}
        </span>
        {active && (
          <span className="visually-hidden">
            {' '}({descending ? t('common.sortedDescending') : t('common.sortedAscending')})
          </span>
        )}
      </button>
    </th>
  );
}
