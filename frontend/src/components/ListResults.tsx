/**
 * One list page's results: loading, the problem (with a retry), the count, "no results" or the
 * table in its scrolling region, and the pages. Filter bars use `SearchForm` (with `BoardFilter`
 * and the features' own selects); the page state lives in the URL (`lib/useListParams`).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from './Loading';
import { Pagination } from './Pagination';
import { ProblemAlert } from './ProblemAlert';

export interface ListPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

interface Props<T> {
  query: { data?: ListPage<T>; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  /** The table's name, for its scrolling region. */
  label: string;
  onPage: (page: number) => void;
  /** The text when nothing matches ("Geen resultaten." by default). */
  empty?: ReactNode;
  /** Beside the count (export links, say). */
  toolbar?: ReactNode;
  /** The table (or list) of the page's items. */
  children: (items: T[]) => ReactNode;
}

export function ListResults<T>({ query, label, onPage, empty, toolbar, children }: Props<T>) {
  const { t } = useTranslation();
  const data = query.data;
  const count = data && (
    <p className="result-count" aria-live="polite">
      {t('common.results', { count: data.total })}
    </p>
  );
  return (
    <>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <>
          {toolbar ? (
            <div className="list-toolbar">
              {count}
              {toolbar}
            </div>
          ) : (
            count
          )}
          {data.items.length === 0 ? (
            <p>{empty ?? t('common.noResults')}</p>
          ) : (
            <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
              {children(data.items)}
            </div>
          )}
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={onPage} />
        </>
      )}
    </>
  );
}
