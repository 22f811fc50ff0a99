import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  q: string | undefined;
  /** Called with the search text and the value of every named filter field in `children`. */
  onSearch: (values: Record<string, string | undefined>) => void;
  /** Extra filter fields (uncontrolled, with a `name` and a `defaultValue`). */
  children?: ReactNode;
  /** Names of the filter fields, to clear them with the search text. */
  filterNames?: readonly string[];
  /** Changes when the URL changes, so the uncontrolled fields pick up the new values. */
  resetKey?: string;
  /** False for lists the API cannot search by text (filters only). */
  searchable?: boolean;
  /** The label of the search field, when "name or code" does not fit the list. */
  label?: string;
}

export function SearchForm({ q, onSearch, children, filterNames = [], resetKey, searchable = true, label }: Props) {
  const { t } = useTranslation();
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values: Record<string, string | undefined> = {};
    for (const [key, value] of data.entries()) {
      const text = typeof value === 'string' ? value.trim() : '';
      values[key] = text === '' ? undefined : text;
    }
    onSearch(values);
  }

  const active = Boolean(q) || filterNames.length > 0;

  return (
    <form className="search-form" role={searchable ? 'search' : undefined} onSubmit={submit} key={resetKey}>
      {searchable && (
        <div className="field search-field">
          <label htmlFor={id}>{label ?? t('common.searchLabel')}</label>
          <input id={id} type="search" name="q" defaultValue={q ?? ''} />
        </div>
      )}
      {children}
      <div className="search-actions">
        <button type="submit" className="button button-primary">
          {searchable ? t('common.search') : t('common.filter')}
        </button>
        {active && (
          <button
            type="button"
            className="button"
            onClick={() => onSearch(Object.fromEntries(['q', ...filterNames].map((n) => [n, undefined])))}
          >
            {t('common.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
