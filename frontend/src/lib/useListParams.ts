import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const DEFAULT_PAGE_SIZE = 20;

export interface ListParams {
  page: number;
  pageSize: number;
  sort: string | undefined;
  q: string | undefined;
  /** Other filters, as strings from the URL. */
  filters: Record<string, string | undefined>;
}

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = value ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** List state (page, sort, search, filters) kept in the URL, so it survives reloads and links. */
export function useListParams(filterNames: readonly string[] = [], defaultSort?: string) {
  const [searchParams, setSearchParams] = useSearchParams();

  const params: ListParams = useMemo(() => {
    const filters: Record<string, string | undefined> = {};
    for (const name of filterNames) filters[name] = searchParams.get(name) || undefined;
    return {
      page: positiveInt(searchParams.get('page'), 1),
      pageSize: positiveInt(searchParams.get('pageSize'), DEFAULT_PAGE_SIZE, 100),
      sort: searchParams.get('sort') || defaultSort,
      q: searchParams.get('q') || undefined,
      filters,
    };
    // filterNames is a constant list per page, compared by content
  }, [searchParams, defaultSort, filterNames.join(',')]);

  /** Changes some parameters; any change other than the page goes back to page 1. */
  const update = useCallback(
    (changes: Record<string, string | number | undefined>) => {
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setSearchParams],
  );

  return { params, update };
}

export function toNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
