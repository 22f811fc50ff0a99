/** The frame of the catalogue pages (role types, partner categories) and what they share. */
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess, useUser } from '../../lib/auth/AuthProvider';
import { canEditCatalogue } from '../../lib/auth/permissions';
import { useT } from '../../lib/i18n';
import { useLocalName, useScopeBoards } from '../../lib/scope';

const VIEWS = [
  { path: '/catalogue/roles', key: 'roles' },
  { path: '/catalogue/partner-categories', key: 'categories' },
] as const;

interface ViewProps<T extends CatalogueEntry> {
  title: string;
  intro: string;
  /** The catalogue: built-in entries (no board) and the boards' own. */
  query: UseQueryResult<T[]>;
  nameLabel: string;
  columns: Column<T>[];
  builtInTitle: string;
  builtInCaption: string;
  /** The section of the board's own entries, shown above the built-in ones. */
  children: (own: T[]) => ReactNode;
}

/** A catalogue page: title, the catalogue's parts as tabs, the board's own entries, then the built-in ones. */
export function CatalogueView<T extends CatalogueEntry>(props: ViewProps<T>) {
  const { title, intro, query, nameLabel, columns, builtInTitle, builtInCaption, children } = props;
  const { t } = useT();
  useDocumentTitle(`${t('registry.nav.catalogue')}: ${title}`);
  return (
    <>
      <nav className="view-tabs" aria-label={t('catalogue.views')}>
        <ul>
          {VIEWS.map((v) => (
            <li key={v.key}>
              <NavLink to={v.path}>{t(`catalogue.${v.key}.tab`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <h1>{title}</h1>
      <p className="lead">{intro}</p>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          {children(query.data.filter((item) => item.boardId != null))}
          <section aria-labelledby="catalogue-built-in">
            <h2 id="catalogue-built-in">{builtInTitle}</h2>
            <CatalogueTable
              caption={builtInCaption}
              nameLabel={nameLabel}
              items={query.data.filter((item) => item.boardId == null)}
              columns={columns}
            />
          </section>
        </>
      )}
    </>
  );
}

/** The boards in the user's scope, those whose catalogue the user may add to, and board names by id. */
export function useCatalogueBoards() {
  const user = useUser();
  const access = useAccess();
  const { boards } = useScopeBoards();
  return useMemo(() => {
    const names = new Map(boards.map((b) => [b.id, b.name]));
    return {
      boards,
      editable: boards.filter((b) => canEditCatalogue(access, b.id)),
      boardName: (id: number | null) => (id == null ? '' : (names.get(id) ?? String(id))),
    };
  }, [boards, user]);
}

export interface CatalogueEntry {
  id: number;
  code: string;
  nameNl: string;
  nameEn: string;
  boardId: number | null;
}

export interface Column<T> {
  key: string;
  label: string;
  cell: (item: T) => ReactNode;
}

interface TableProps<T extends CatalogueEntry> {
  caption: string;
  nameLabel: string;
  items: T[];
  columns: Column<T>[];
  /** Also show the board of each entry (when the user sees more than one board). */
  boardName?: (id: number | null) => string;
  /** An action per row (e.g. delete); without it there is no actions column. */
  action?: (item: T) => ReactNode;
}

/** A catalogue as a table: the name as the row header, its code, then the columns. */
export function CatalogueTable<T extends CatalogueEntry>({ caption, nameLabel, items, columns, boardName, action }: TableProps<T>) {
  const { t } = useT();
  const localName = useLocalName();
  const all: Column<T>[] = [
    { key: 'code', label: t('catalogue.code'), cell: (item: T) => <code>{item.code}</code> },
    ...columns,
    ...(boardName ? [{ key: 'board', label: t('registry.board'), cell: (item: T) => boardName(item.boardId) }] : []),
    ...(action ? [{ key: 'actions', label: t('catalogue.actions'), cell: action }] : []),
  ];
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="stack-on-phone catalogue-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameLabel}</th>
            {all.map((c) => (
              <th scope="col" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-code={item.code}>
              <th scope="row" data-label={nameLabel}>
                {localName(item)}
              </th>
              {all.map((c) => (
                <td key={c.key} data-label={c.label}>
                  {c.cell(item)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
